package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyCompletenessRulesTests {

    @Test
    void flagsAMissingRequiredField() {
        List<Finding> findings = SampleSubmission.complete().withoutSurvey("legal_representative")
                .findings("A2-REQUIRED");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("legal_representative");
            assertThat(f.message()).isEqualTo("附件2中“法人代表”未填写，请补充。");
        });
    }

    @Test
    void flagsABlankYearlyCell() {
        List<Finding> findings = SampleSubmission.complete().survey("financials.2015.taxes_paid", "  ")
                .findings("A2-REQUIRED");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.fields()).containsExactly("financials.2015.taxes_paid");
            assertThat(f.message()).contains("2015年工业实交税金");
        });
    }

    @Test
    void doesNotRequireOptionalFieldsOrTreatNoneAsBlank() {
        List<Finding> findings = SampleSubmission.complete()
                .withoutSurvey("honors").withoutSurvey("development_plan")
                .survey("engineering_center", "无")
                .findings("A2-REQUIRED");

        assertThat(findings).isEmpty();
    }

    @Test
    void flagsANumberThatCannotBeRead() {
        List<Finding> findings = SampleSubmission.complete().survey("total_assets", "约一点八亿左右")
                .findings("A2-FORMAT");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("total_assets");
            assertThat(f.message()).contains("总资产", "约一点八亿左右", "金额", "万元");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"无", "/", "—", "-", "0"})
    void acceptsNoneAnswersInNumericFields(String none) {
        assertThat(SampleSubmission.complete().survey("patents_invention", none).findings("A2-FORMAT")).isEmpty();
    }

    @Test
    void flagsAPercentAboveOneHundred() {
        List<Finding> findings = SampleSubmission.complete().survey("rd_staff_ratio", "135")
                .findings("A2-PERCENT-RANGE");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("rd_staff_ratio");
            assertThat(f.message()).isEqualTo("研发人员占比（135%）不在0%至100%之间，请更正。");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100", "35.50"})
    void acceptsPercentsFromZeroToOneHundred(String percent) {
        assertThat(SampleSubmission.complete().survey("rd_staff_ratio", percent).findings("A2-PERCENT-RANGE"))
                .isEmpty();
    }

    @Test
    void flagsMoneyThatLooksLikeYuan() {
        List<Finding> findings = SampleSubmission.complete().survey("registered_capital", "50000000")
                .findings("A2-UNITS");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("registered_capital");
            assertThat(f.message()).contains("注册资金（50000000万元）", "元");
        });
    }

    @Test
    void acceptsLargeButPlausibleMoney() {
        assertThat(SampleSubmission.complete().survey("registered_capital", "10000000").findings("A2-UNITS"))
                .isEmpty();
    }
}
