package org.formbox.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.formbox.forms.FieldCatalog;

/**
 * Annex 2 figures that must fit together: A2-FIXED-LE-TOTAL, A2-EQUITY-LE-TOTAL, A2-DEBT-RATIO,
 * A2-HEADCOUNT, A2-ASSETS-MATCH, A2-RD-LE-SALES, A2-FLOOR-AREA. A rule is silent unless every
 * figure it compares holds a number: a blank is A2-REQUIRED's business.
 */
final class SurveyBalanceRules implements DocumentRules {

    private static final String TOTAL = "total_assets";
    private static final String FIXED = "fixed_assets";
    private static final String EQUITY = "owners_equity";
    private static final String DEBT_RATIO = "debt_to_asset_ratio";
    private static final String STAFF = "employees_total";
    private static final String JUNIOR = "employees_junior_high_or_below";
    private static final String COLLEGE = "employees_college_or_above";
    private static final String RD_EXPENSE = "annual_rd_expense";
    private static final String LAND = "land_area";
    private static final String FLOOR = "floor_area";
    private static final String ASSETS_2016 = FieldCatalog.financialKey("2016", "total_assets");
    private static final String SALES_2016 = FieldCatalog.financialKey("2016", "industrial_sales_revenue");

    private static final BigDecimal RATIO_TOLERANCE = BigDecimal.valueOf(2);
    private static final BigDecimal ASSETS_TOLERANCE = new BigDecimal("0.2");
    private static final BigDecimal FLOOR_FACTOR = BigDecimal.TEN;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public void check(Answers a, List<Finding> findings) {
        if (a.allNumbers(FIXED, TOTAL) && a.number(FIXED).compareTo(a.number(TOTAL)) > 0) {
            findings.add(Finding.error("A2-FIXED-LE-TOTAL",
                    a.quote(FIXED) + "大于" + a.quote(TOTAL) + "，请核对。", FIXED, TOTAL));
        }
        if (a.allNumbers(EQUITY, TOTAL) && a.number(EQUITY).compareTo(a.number(TOTAL)) > 0) {
            findings.add(Finding.error("A2-EQUITY-LE-TOTAL",
                    a.quote(EQUITY) + "大于" + a.quote(TOTAL) + "，请核对。", EQUITY, TOTAL));
        }
        checkDebtRatio(a, findings);
        checkHeadcount(a, findings);
        checkAssetsMatch(a, findings);
        if (a.allNumbers(RD_EXPENSE, SALES_2016) && a.number(RD_EXPENSE).compareTo(a.number(SALES_2016)) > 0) {
            findings.add(Finding.warning("A2-RD-LE-SALES", a.quote(RD_EXPENSE) + "大于" + a.quote(SALES_2016)
                    + "，请确认是否无误。", RD_EXPENSE, SALES_2016));
        }
        if (a.allNumbers(FLOOR, LAND) && a.number(FLOOR).compareTo(a.number(LAND).multiply(FLOOR_FACTOR)) > 0) {
            findings.add(Finding.warning("A2-FLOOR-AREA", a.quote(FLOOR) + "超过" + a.quote(LAND)
                    + "的10倍，请确认面积单位是否正确。", FLOOR, LAND));
        }
    }

    private void checkDebtRatio(Answers a, List<Finding> findings) {
        // Without positive total assets there is no ratio to compare with.
        if (!a.allNumbers(DEBT_RATIO, TOTAL, EQUITY) || a.number(TOTAL).signum() <= 0) {
            return;
        }
        BigDecimal total = a.number(TOTAL);
        BigDecimal computed = total.subtract(a.number(EQUITY))
                .multiply(HUNDRED).divide(total, MathContext.DECIMAL64);
        if (a.number(DEBT_RATIO).subtract(computed).abs().compareTo(RATIO_TOLERANCE) > 0) {
            findings.add(Finding.warning("A2-DEBT-RATIO", a.quote(DEBT_RATIO) + "与按" + a.quote(TOTAL) + "和"
                    + a.quote(EQUITY) + "算出的" + Quantities.rounded(computed) + "%相差超过2个百分点，请确认。",
                    DEBT_RATIO, TOTAL, EQUITY));
        }
    }

    private void checkHeadcount(Answers a, List<Finding> findings) {
        if (!a.allNumbers(JUNIOR, COLLEGE, STAFF)) {
            return;
        }
        BigDecimal sum = a.number(JUNIOR).add(a.number(COLLEGE));
        if (sum.compareTo(a.number(STAFF)) > 0) {
            // The labels begin with 其中 (of whom), which reads oddly once taken out of the table.
            findings.add(Finding.error("A2-HEADCOUNT", "职工中初中及以下（" + Quantities.withUnit(JUNIOR, a.number(JUNIOR))
                    + "）与大专及以上（" + Quantities.withUnit(COLLEGE, a.number(COLLEGE)) + "）之和（"
                    + Quantities.plain(sum) + "人）超过" + a.quote(STAFF) + "，请核对。", STAFF, JUNIOR, COLLEGE));
        }
    }

    private void checkAssetsMatch(Answers a, List<Finding> findings) {
        if (!a.allNumbers(TOTAL, ASSETS_2016)) {
            return;
        }
        // Compared without dividing, so a 2016 figure of 0 needs no special case.
        BigDecimal reference = a.number(ASSETS_2016);
        BigDecimal difference = a.number(TOTAL).subtract(reference).abs();
        if (difference.compareTo(reference.abs().multiply(ASSETS_TOLERANCE)) > 0) {
            findings.add(Finding.warning("A2-ASSETS-MATCH", a.quote(TOTAL) + "与" + a.quote(ASSETS_2016)
                    + "相差超过20%，请确认。", TOTAL, ASSETS_2016));
        }
    }
}
