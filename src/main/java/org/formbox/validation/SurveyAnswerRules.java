package org.formbox.validation;

import java.math.BigDecimal;
import java.util.List;

/** Annex 2 answers that must fit the form's choices: A2-FOREIGN-RATIO and A2-REGION. */
final class SurveyAnswerRules implements DocumentRules {

    private static final String OWNERSHIP = "ownership_type";
    private static final String FOREIGN = "foreign_capital_ratio";
    private static final String REGION = "region";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Ownership types that have no foreign capital; 私营 is how many senders write 民营. */
    private static final List<String> DOMESTIC = List.of("国有", "集体", "民营", "私营");

    @Override
    public void check(Answers a, List<Finding> findings) {
        checkForeignRatio(a, findings);
        String region = a.text(REGION);
        if (region != null && !NingboRegions.recognises(region)) {
            findings.add(Finding.warning("A2-REGION", "“所属地区”（" + region
                    + "）不是宁波市的区、县（市）或功能区，请确认。", REGION));
        }
    }

    private void checkForeignRatio(Answers a, List<Finding> findings) {
        String ownership = a.text(OWNERSHIP);
        BigDecimal ratio = a.number(FOREIGN);
        if (ownership == null || ratio == null) {
            return;
        }
        // Containment, because senders write 民营企业, 私营有限责任公司 and the like.
        String expected = null;
        if (ownership.contains("外商独资")) {
            expected = ratio.compareTo(HUNDRED) == 0 ? null : "应为100%";
        } else if (ownership.contains("中外合资")) {
            expected = ratio.signum() > 0 && ratio.compareTo(HUNDRED) < 0 ? null : "应大于0%且小于100%";
        } else if (DOMESTIC.stream().anyMatch(ownership::contains)) {
            expected = ratio.signum() == 0 ? null : "应为0%";
        }
        if (expected != null) {
            findings.add(Finding.warning("A2-FOREIGN-RATIO", "所有制类型为“" + ownership + "”，" + a.quote(FOREIGN)
                    + expected + "，请确认。", FOREIGN, OWNERSHIP));
        }
    }
}
