package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyYearlyRulesTests {

    @Test
    void flagsProfitAboveSalesInItsYear() {
        List<Finding> findings = SampleSubmission.complete()
                .survey("financials.2016.industrial_profit", "5200")
                .survey("financials.2016.industrial_sales_revenue", "4800")
                .findings("A2-PROFIT-LE-SALES");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("financials.2016.industrial_profit",
                    "financials.2016.industrial_sales_revenue");
            assertThat(f.message()).isEqualTo("2016年工业利润总额（5200万元）大于当年工业销售收入（4800万元），请核对。");
        });
    }

    @Test
    void comparesProfitWithSalesOfTheSameYearOnly() {
        // The 2014 and 2016 profits exceed the 2015 sales: only mixing up the years would flag them.
        List<Finding> findings = SampleSubmission.complete()
                .survey("financials.2015.industrial_sales_revenue", "1000")
                .survey("financials.2015.industrial_profit", "900")
                .survey("financials.2015.taxes_paid", "100")
                .findings("A2-PROFIT-LE-SALES");

        assertThat(findings).isEmpty();
    }

    @Test
    void flagsTaxesAboveSalesInItsYear() {
        List<Finding> findings = SampleSubmission.complete().survey("financials.2014.taxes_paid", "20500")
                .findings("A2-TAX-LE-SALES");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("financials.2014.taxes_paid",
                    "financials.2014.industrial_sales_revenue");
            assertThat(f.message()).contains("2014年工业实交税金（20500万元）", "当年工业销售收入（20000万元）");
        });
    }

    @Test
    void acceptsTaxesEqualToSales() {
        assertThat(SampleSubmission.complete().survey("financials.2014.taxes_paid", "20000")
                .findings("A2-TAX-LE-SALES")).isEmpty();
    }
}
