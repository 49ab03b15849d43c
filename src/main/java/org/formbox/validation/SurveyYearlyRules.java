package org.formbox.validation;

import java.util.List;
import org.formbox.forms.FieldCatalog;

/** The yearly table of Annex 2, year by year: A2-PROFIT-LE-SALES and A2-TAX-LE-SALES. */
final class SurveyYearlyRules implements DocumentRules {

    @Override
    public void check(Answers a, List<Finding> findings) {
        for (String year : FieldCatalog.YEARS) {
            String sales = FieldCatalog.financialKey(year, "industrial_sales_revenue");
            String profit = FieldCatalog.financialKey(year, "industrial_profit");
            String taxes = FieldCatalog.financialKey(year, "taxes_paid");
            if (exceeds(a, profit, sales)) {
                findings.add(Finding.error("A2-PROFIT-LE-SALES",
                        a.quote(profit) + "大于" + sameYear(a, sales) + "，请核对。", profit, sales));
            }
            // Taxes above sales are possible (e.g. back taxes), hence only a warning.
            if (exceeds(a, taxes, sales)) {
                findings.add(Finding.warning("A2-TAX-LE-SALES",
                        a.quote(taxes) + "大于" + sameYear(a, sales) + "，请确认是否无误。", taxes, sales));
            }
        }
    }

    private static boolean exceeds(Answers a, String part, String whole) {
        return a.allNumbers(part, whole) && a.number(part).compareTo(a.number(whole)) > 0;
    }

    /** {@code 当年工业销售收入（4800万元）}: the year was already named at the start of the sentence. */
    private static String sameYear(Answers a, String key) {
        String row = key.substring(key.lastIndexOf('.') + 1);
        return "当年" + FieldCatalog.FINANCIAL_ROWS.get(row) + "（" + Quantities.withUnit(key, a.number(key)) + "）";
    }
}
