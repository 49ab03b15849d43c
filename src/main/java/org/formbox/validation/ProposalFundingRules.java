package org.formbox.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The funding and duration an Annex 1 states: A1-MATCHING, A1-GRANT-RANGE, A1-DURATION and
 * A1-FIGURES-UNREAD.
 */
final class ProposalFundingRules implements DocumentRules {

    private static final String REQUESTED = "requested_funding";
    private static final String SELF_RAISED = "self_raised_funding";
    private static final String SUBPROJECTS = "subproject_count";
    private static final String DURATION = "duration_years";

    private static final BigDecimal MATCHING_FACTOR = BigDecimal.valueOf(2);
    private static final BigDecimal GRANT_MIN = BigDecimal.valueOf(500);
    private static final BigDecimal GRANT_MAX = BigDecimal.valueOf(1000);
    private static final BigDecimal MAX_YEARS = BigDecimal.valueOf(5);

    @Override
    public void check(Answers a, List<Finding> findings) {
        if (a.allNumbers(REQUESTED, SELF_RAISED)
                && a.number(SELF_RAISED).compareTo(a.number(REQUESTED).multiply(MATCHING_FACTOR)) < 0) {
            findings.add(Finding.error("A1-MATCHING", a.quote(SELF_RAISED) + "低于" + a.quote(REQUESTED)
                    + "的2倍，请按不低于1:2的比例落实自筹经费。", SELF_RAISED, REQUESTED));
        }
        checkGrantPerSubproject(a, findings);
        if (a.allNumbers(DURATION) && a.number(DURATION).compareTo(MAX_YEARS) > 0) {
            findings.add(Finding.error("A1-DURATION", a.quote(DURATION) + "超过5年，请调整。", DURATION));
        }
        checkFiguresFound(a, findings);
    }

    /**
     * Only when the proposal states its number of subprojects. Proposals often leave it out, and
     * assuming a single subproject would flag every large multi-subproject proposal wrongly.
     */
    private void checkGrantPerSubproject(Answers a, List<Finding> findings) {
        if (!a.allNumbers(REQUESTED, SUBPROJECTS) || a.number(SUBPROJECTS).signum() <= 0) {
            return;
        }
        BigDecimal perSubproject = a.number(REQUESTED).divide(a.number(SUBPROJECTS), MathContext.DECIMAL64);
        if (perSubproject.compareTo(GRANT_MIN) < 0 || perSubproject.compareTo(GRANT_MAX) > 0) {
            findings.add(Finding.warning("A1-GRANT-RANGE", a.quote(REQUESTED) + "分摊到"
                    + Quantities.plain(a.number(SUBPROJECTS)) + "个课题后，每个课题约"
                    + Quantities.rounded(perSubproject) + "万元，不在500至1000万元之间，请确认。",
                    REQUESTED, SUBPROJECTS));
        }
    }

    private void checkFiguresFound(Answers a, List<Finding> findings) {
        List<String> missing = new ArrayList<>();
        for (String key : List.of(REQUESTED, SELF_RAISED)) {
            if (a.number(key) == null) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            String labels = String.join("和", missing.stream().map(Answers::label).toList());
            findings.add(Finding.warning("A1-FIGURES-UNREAD", "未能在附件1中找到" + labels
                    + "的金额，请在经费投入概算部分写明（单位：万元）。", missing.toArray(String[]::new)));
        }
    }
}
