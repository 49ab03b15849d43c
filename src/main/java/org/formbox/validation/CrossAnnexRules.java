package org.formbox.validation;

import java.util.ArrayList;
import java.util.List;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FormDef;

/** Annex 1 against Annex 2 of the same sender: X-NAME-MISMATCH. */
final class CrossAnnexRules {

    private CrossAnnexRules() {
    }

    /** Every pair of Annex 1 and Annex 2 is compared; a name missing on either side is not compared. */
    static List<Finding> check(List<CheckedDocument> documents) {
        List<Finding> findings = new ArrayList<>();
        // the fields that name the enterprise on each form (the definition's name-field)
        String leadKey = FieldCatalog.form(Annex.ANNEX_1).map(FormDef::nameField).orElse(null);
        String enterpriseKey = FieldCatalog.form(Annex.ANNEX_2).map(FormDef::nameField).orElse(null);
        if (leadKey == null || enterpriseKey == null) {
            return findings;
        }
        for (String lead : names(documents, Annex.ANNEX_1, leadKey)) {
            for (String enterprise : names(documents, Annex.ANNEX_2, enterpriseKey)) {
                if (!OrganizationNames.same(lead, enterprise)) {
                    findings.add(Finding.warning("X-NAME-MISMATCH", "附件1的牵头单位（" + lead
                            + "）与附件2的企业名称（" + enterprise + "）不一致，请确认。", leadKey, enterpriseKey));
                }
            }
        }
        return findings;
    }

    private static List<String> names(List<CheckedDocument> documents, Annex annex, String key) {
        return documents.stream()
                .filter(d -> d.annex() == annex)
                .map(d -> new Answers(d.fields()).text(key))
                .filter(name -> name != null)
                .toList();
    }
}
