package org.formbox.submission;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FormDef;

/**
 * Where an enterprise's file stands (docs/API.md): NOT_SUBMITTED, MISSING_&lt;annex&gt; for each form of
 * the call (MISSING_ANNEX_1 …), NEEDS_CORRECTION, ACCEPTED. The first that applies; computed in one
 * place only, {@link EnterpriseFile#stateOf}, and every count of the service comes from it. Two
 * states are equal when their names are.
 */
public final class EnterpriseState {

    /** On the roster, nothing received. */
    public static final EnterpriseState NOT_SUBMITTED = new EnterpriseState("NOT_SUBMITTED", "未提交", 1000, null);
    /** Every form may be there, but an error stands in a current one. */
    public static final EnterpriseState NEEDS_CORRECTION = new EnterpriseState("NEEDS_CORRECTION", "需更正", 0, null);
    /** Every form current, no error standing. */
    public static final EnterpriseState ACCEPTED = new EnterpriseState("ACCEPTED", "已交齐", 2000, null);

    private static final String MISSING = "MISSING_";

    private final String name;
    private final String label;
    private final int actionOrder;
    private final Annex missing;

    private EnterpriseState(String name, String label, int actionOrder, Annex missing) {
        this.name = name;
        this.label = label;
        this.actionOrder = actionOrder;
        this.missing = missing;
    }

    /** No readable document of this form yet (缺附件1): the forms in annex order come first in the board. */
    public static EnterpriseState missing(FormDef form) {
        int position = FieldCatalog.forms().indexOf(form);
        return new EnterpriseState(MISSING + form.annex().name(), "缺" + form.shortName(), 1 + Math.max(position, 0),
                form.annex());
    }

    /** Every state of the active call, in the order above. */
    public static List<EnterpriseState> values() {
        List<EnterpriseState> all = new ArrayList<>(List.of(NOT_SUBMITTED));
        FieldCatalog.forms().forEach(f -> all.add(missing(f)));
        all.add(NEEDS_CORRECTION);
        all.add(ACCEPTED);
        return List.copyOf(all);
    }

    /** The state of this name; an {@link IllegalArgumentException} when the active call has none. */
    public static EnterpriseState valueOf(String name) {
        return values().stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no state " + name));
    }

    /** The name the API shows, e.g. MISSING_ANNEX_1. */
    @JsonValue
    public String name() {
        return name;
    }

    /** The Chinese name staff see. */
    public String label() {
        return label;
    }

    /** Lower first: what needs someone's action comes before what is done. */
    public int actionOrder() {
        return actionOrder;
    }

    /** Whether a reminder may go out for a file in this state. */
    public boolean remindable() {
        return !equals(ACCEPTED);
    }

    /** Whether a form is missing (缺件). */
    public boolean isMissing() {
        return missing != null;
    }

    /** The form that is missing, or null. */
    public Annex missingAnnex() {
        return missing;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnterpriseState s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
