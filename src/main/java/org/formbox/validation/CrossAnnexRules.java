package org.formbox.validation;

import java.util.ArrayList;
import java.util.List;
import org.formbox.forms.Annex;

/** Annex 1 against Annex 2 of the same sender: X-NAME-MISMATCH. */
final class CrossAnnexRules {

    private static final String LEAD = "lead_organization";
    private static final String ENTERPRISE = "enterprise_name";

    private CrossAnnexRules() {
    }

    /** Every pair of Annex 1 and Annex 2 is compared; a name missing on either side is not compared. */
    static List<Finding> check(List<CheckedDocument> documents) {
        List<Finding> findings = new ArrayList<>();
        for (String lead : names(documents, Annex.ANNEX_1, LEAD)) {
            for (String enterprise : names(documents, Annex.ANNEX_2, ENTERPRISE)) {
                if (!OrganizationNames.same(lead, enterprise)) {
                    findings.add(Finding.warning("X-NAME-MISMATCH", "附件1的牵头单位（" + lead
                            + "）与附件2的企业名称（" + enterprise + "）不一致，请确认。", LEAD, ENTERPRISE));
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
