package org.formbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;

/** The label sets the readers look for, built from {@link FieldCatalog} so they cannot drift from it. */
final class FieldLabels {

    /** Pseudo key of the patent cell, whose one answer fills two fields. */
    static final String PATENTS = "patents";
    /** Prefix of the pseudo keys of the yearly table's row labels. */
    static final String FINANCIAL = "financial:";

    private static final Set<String> LONG_TEXT = Set.of("honors", "development_plan", "industry_view", "proposed_projects");

    private FieldLabels() {
    }

    /** The Annex 2 labels: survey fields, the patent cell and the yearly table's rows. */
    static LabelMatcher survey() {
        List<LabelMatcher.Entry> entries = new ArrayList<>();
        for (FieldDef f : FieldCatalog.surveyFields()) {
            boolean patentPart = f.key().startsWith("patents_");
            List<String> labels = patentPart ? f.aliases() : f.labels();
            labels.forEach(l -> entries.add(new LabelMatcher.Entry(f.key(), LabelMatcher.core(l), LONG_TEXT.contains(f.key()))));
        }
        for (String l : List.of("授权专利数", "授权专利", "专利数", "专利授权数")) {
            entries.add(new LabelMatcher.Entry(PATENTS, LabelMatcher.core(l), false));
        }
        FieldCatalog.FINANCIAL_ROWS.forEach((row, label) ->
                entries.add(new LabelMatcher.Entry(FINANCIAL + row, LabelMatcher.core(label), false)));
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
