package org.formbox.extraction;

import java.util.ArrayList;
import java.util.List;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FormDef;

/** The label sets the readers look for, built from {@link FieldCatalog} so they cannot drift from it. */
final class FieldLabels {

    /** Prefix of the pseudo keys of the yearly table's row labels. */
    static final String FINANCIAL = "financial:";

    private FieldLabels() {
    }

    /** The labels of the survey form with the yearly table. */
    static LabelMatcher survey() {
        return survey(FieldCatalog.survey().orElseThrow());
    }

    /** A survey form's labels: its fields, its shared cells and its yearly table's rows. */
    static LabelMatcher survey(FormDef form) {
        List<LabelMatcher.Entry> entries = new ArrayList<>();
        for (FieldDef f : form.fields()) {
            // a part of a shared cell answers to its own aliases; the cell's labels find the cell
            List<String> labels = f.cell().isEmpty() ? f.labels() : f.aliases();
            labels.forEach(l -> entries.add(new LabelMatcher.Entry(f.key(), LabelMatcher.core(l), f.longText())));
        }
        form.cells().forEach(c -> c.aliases().forEach(l ->
                entries.add(new LabelMatcher.Entry(c.key(), LabelMatcher.core(l), false))));
        if (form.table() != null) {
            form.table().rows().forEach(row ->
                    entries.add(new LabelMatcher.Entry(FINANCIAL + row.key(), LabelMatcher.core(row.label()), false)));
        }
        return new LabelMatcher(entries);
    }

    /** The labels of the Annex 1 project facts, as a cover table prints them. */
    static LabelMatcher projectFacts() {
        List<LabelMatcher.Entry> entries = new ArrayList<>();
        for (FieldDef f : FieldCatalog.projectFacts()) {
            f.labels().forEach(l -> entries.add(new LabelMatcher.Entry(f.key(), LabelMatcher.core(l), false)));
        }
        return new LabelMatcher(entries);
    }

    /** The field with this key; pseudo keys have none. */
    static FieldDef def(String key) {
        return FieldCatalog.byKey(key).orElse(null);
    }
}
