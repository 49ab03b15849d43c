package org.formbox.forms;

import java.util.List;
import java.util.function.Function;

/** The forms of the active call named together in a sentence: 附件1、附件2, 附件1（…）或附件2（…）. */
public final class FormNames {

    private FormNames() {
    }

    /** Every form by its short name, in annex order: 附件1、附件2. */
    public static String all() {
        return String.join("、", FieldCatalog.forms().stream().map(FormDef::shortName).toList());
    }

    /** Every form named so, the last after {@code last}: 附件1（…）或附件2（…）, 附件1、附件2或附件3. */
    public static String each(Function<FormDef, String> name, String last) {
        return listed(FieldCatalog.forms().stream().map(name).toList(), last);
    }

    /** Names in a sentence: a; a{last}b; a、b{last}c. */
    public static String listed(List<String> names, String last) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join("、", names.subList(0, names.size() - 1)) + last + names.get(names.size() - 1);
    }
}
