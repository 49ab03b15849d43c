package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyBalanceRulesTests {

    @Test
    void flagsFixedAssetsAboveTotalAssets() {
        List<Finding> findings = SampleSubmission.complete().survey("fixed_assets", "21000")
                .findings("A2-FIXED-LE-TOTAL");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("fixed_assets", "total_assets");
            assertThat(f.message()).isEqualTo("固定资产（21000万元）大于总资产（18000万元），请核对。");
        });
    }

    @Test
    void acceptsFixedAssetsEqualToTotalAssets() {
        assertThat(SampleSubmission.complete().survey("fixed_assets", "18000.00").findings("A2-FIXED-LE-TOTAL"))
                .isEmpty();
    }

    @Test
    void comparesNothingWhenAFigureIsBlank() {
        List<Finding> findings = SampleSubmission.complete().survey("total_assets", "").check();

        assertThat(findings).extracting(Finding::rule).containsExactly("A2-REQUIRED");
    }

    @Test
    void flagsEquityAboveTotalAssets() {
        List<Finding> findings = SampleSubmission.complete().survey("owners_equity", "19000.50")
                .findings("A2-EQUITY-LE-TOTAL");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("owners_equity", "total_assets");
            assertThat(f.message()).isEqualTo("所有者权益（19000.5万元）大于总资产（18000万元），请核对。");
        });
    }

    @Test
    void acceptsEquityBelowTotalAssets() {
        assertThat(SampleSubmission.complete().survey("owners_equity", "17999").findings("A2-EQUITY-LE-TOTAL"))
                .isEmpty();
    }

    @Test
    void flagsADebtRatioThatDoesNotFitTheBalanceSheet() {
        // (18000 − 12000) / 18000 = 33.3 %
        List<Finding> findings = SampleSubmission.complete().survey("owners_equity", "12000")
                .findings("A2-DEBT-RATIO");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("debt_to_asset_ratio", "total_assets", "owners_equity");
            assertThat(f.message()).contains("资产负债率（50%）", "总资产（18000万元）", "所有者权益（12000万元）", "33.3%");
        });
    }

    @Test
    void acceptsADebtRatioWithinTwoPoints() {
        assertThat(SampleSubmission.complete().survey("debt_to_asset_ratio", "48").findings("A2-DEBT-RATIO"))
                .isEmpty();
    }

    @Test
    void skipsTheDebtRatioWhenTotalAssetsAreZero() {
        assertThat(SampleSubmission.complete().survey("total_assets", "0").findings("A2-DEBT-RATIO")).isEmpty();
    }

    @Test
    void flagsMoreEducatedAndLessEducatedStaffThanStaff() {
        List<Finding> findings = SampleSubmission.complete().survey("employees_college_or_above", "250")
                .findings("A2-HEADCOUNT");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactlyInAnyOrder("employees_total", "employees_junior_high_or_below",
                    "employees_college_or_above");
            assertThat(f.message()).isEqualTo(
                    "职工中初中及以下（100人）与大专及以上（250人）之和（350人）超过职工总人数（320人），请核对。");
        });
    }

    @Test
    void acceptsHeadcountsThatAddUpToTheTotal() {
        assertThat(SampleSubmission.complete().survey("employees_college_or_above", "220")
                .findings("A2-HEADCOUNT")).isEmpty();
    }

    @Test
    void flagsTotalAssetsFarFromThe2016Table() {
        List<Finding> findings = SampleSubmission.complete().survey("financials.2016.total_assets", "12000")
                .findings("A2-ASSETS-MATCH");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("total_assets", "financials.2016.total_assets");
            assertThat(f.message()).contains("总资产（18000万元）", "2016年资产总额（12000万元）", "20%");
        });
    }

    @Test
    void acceptsTotalAssetsWithinTwentyPercentOfThe2016Table() {
        assertThat(SampleSubmission.complete().survey("financials.2016.total_assets", "15000")
                .findings("A2-ASSETS-MATCH")).isEmpty();
    }

    @Test
    void flagsResearchSpendingAboveSales() {
        List<Finding> findings = SampleSubmission.complete().survey("annual_rd_expense", "25000")
                .findings("A2-RD-LE-SALES");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("annual_rd_expense", "financials.2016.industrial_sales_revenue");
            assertThat(f.message()).contains("年度研发经费投入（25000万元）", "2016年工业销售收入（24000万元）");
        });
    }

    @Test
    void acceptsResearchSpendingBelowSales() {
        assertThat(SampleSubmission.complete().survey("annual_rd_expense", "2400").findings("A2-RD-LE-SALES"))
                .isEmpty();
    }

    @Test
    void flagsAFloorAreaOverTenTimesTheLand() {
        List<Finding> findings = SampleSubmission.complete().survey("floor_area", "200000.01")
                .findings("A2-FLOOR-AREA");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("floor_area", "land_area");
            assertThat(f.message()).contains("建筑面积（200000.01平方米）", "占地面积（20000平方米）", "10倍");
        });
    }

    @Test
    void acceptsAFloorAreaOfTenTimesTheLand() {
        assertThat(SampleSubmission.complete().survey("floor_area", "200000").findings("A2-FLOOR-AREA")).isEmpty();
    }
}
