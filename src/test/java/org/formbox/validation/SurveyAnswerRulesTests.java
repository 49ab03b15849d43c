package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyAnswerRulesTests {

    @Test
    void flagsForeignCapitalInAPrivateEnterprise() {
        List<Finding> findings = SampleSubmission.complete()
                .survey("ownership_type", "民营企业").survey("foreign_capital_ratio", "10")
                .findings("A2-FOREIGN-RATIO");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("foreign_capital_ratio", "ownership_type");
            assertThat(f.message()).contains("民营企业", "外资比例（10%）", "应为0%");
        });
    }

    @ParameterizedTest
    @CsvSource({"外商独资, 60, 应为100%", "中外合资, 100, 应大于0%且小于100%", "中外合资, 0, 应大于0%且小于100%",
            "国有, 5, 应为0%", "私营, 1, 应为0%"})
    void flagsForeignCapitalThatDoesNotFitTheOwnership(String ownership, String ratio, String expected) {
        List<Finding> findings = SampleSubmission.complete()
                .survey("ownership_type", ownership).survey("foreign_capital_ratio", ratio)
                .findings("A2-FOREIGN-RATIO");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains(expected));
    }

    @ParameterizedTest
    @CsvSource({"外商独资企业, 100", "中外合资, 49", "集体, 0", "股份制, 30", "港澳台, 100"})
    void acceptsForeignCapitalThatFitsTheOwnership(String ownership, String ratio) {
        assertThat(SampleSubmission.complete()
                .survey("ownership_type", ownership).survey("foreign_capital_ratio", ratio)
                .findings("A2-FOREIGN-RATIO")).isEmpty();
    }

    @Test
    void flagsARegionOutsideNingbo() {
        List<Finding> findings = SampleSubmission.complete().survey("region", "杭州市西湖区").findings("A2-REGION");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("region");
            assertThat(f.message()).contains("所属地区", "杭州市西湖区");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"鄞州区", "鄞州", "宁波市鄞州区", "高新区", "宁波国家高新区", "奉化", "奉化区", "奉化市",
            "杭州湾新区", "梅山保税港区", "东钱湖", "宁波保税区", "大榭", "慈溪市", "象山县", "浙江省宁波市 北仑区"})
    void acceptsNingboRegionsInShortAndLongForms(String region) {
        assertThat(SampleSubmission.complete().survey("region", region).findings("A2-REGION")).isEmpty();
    }
}
