package org.formbox.validation;

import java.util.ArrayList;
import java.util.List;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FormDef;

/**
 * The forms of one mail against each other: X-NAME-MISMATCH. Each form names the enterprise in its
 * definition's name-field; every later form (in annex order) is compared with the first one present.
 */
final class CrossAnnexRules {

    private CrossAnnexRules() {
    }

    /** Each document of the first form is compared with each of the later forms; a missing name is not compared. */
    static List<Finding> check(List<CheckedDocument> documents) {
        List<Finding> findings = new ArrayList<>();
        List<FormDef> present = FieldCatalog.forms().stream()
                .filter(f -> documents.stream().anyMatch(d -> d.annex().equals(f.annex()))).toList();
        if (present.size() < 2) {
            return findings;
        }
        FormDef first = present.get(0);
        for (FormDef other : present.subList(1, present.size())) {
            for (String a : names(documents, first)) {
                for (String b : names(documents, other)) {
                    if (!OrganizationNames.same(a, b)) {
                        findings.add(Finding.warning("X-NAME-MISMATCH", first.shortName() + "的" + Answers.label(first.nameField())
                                + "（" + a + "）与" + other.shortName() + "的" + Answers.label(other.nameField()) + "（" + b
                                + "）不一致，请确认。", first.nameField(), other.nameField()));
                    }
                }
            }
        }
        return findings;
    }

    private static List<String> names(List<CheckedDocument> documents, FormDef form) {
        return documents.stream()
                .filter(d -> d.annex().equals(form.annex()))
                .map(d -> new Answers(d.fields()).text(form.nameField()))
                .filter(name -> name != null)
                .toList();
    }
}
