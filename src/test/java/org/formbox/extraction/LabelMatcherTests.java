package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelMatcherTests {

    private final LabelMatcher labels = FieldLabels.survey();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "总 资 产\\n（万元）|total_assets",
            "总资产(万元)：|total_assets",
            "资产总额|financial:total_assets",
            "固定资产（万元）|fixed_assets",
            "其中初中及以下（人）|employees_junior_high_or_below",
            "初中及以下|employees_junior_high_or_below",
            "其中：初中及以下（人）|employees_junior_high_or_below",
            "其中: 大专及以上（人）|employees_college_or_above",
            "联系电话：|contact_phone",
            "电 话|contact_phone",
            "工程技术中心\\n\\n（省级、市级或自设）|engineering_center",
            "授权专利数(发明,实用新型）|patents",
            "注册资金\\n\\n（万元）|registered_capital",
            "获名牌/商标/免检产品、市级重点工业新产品、装备制造业首台（套）产品情况：|honors",
            "企业名称:|enterprise_name"})
    void recognisesLabelsAsSendersWriteThem(String cell, String key) {
        List<LabelMatcher.Segment> s = labels.segments(cell.replace("\\n", "\n"), false);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).entry().key()).isEqualTo(key);
        assertThat(s.get(0).value()).isEmpty();
    }

    @Test
    void readsAValueTypedIntoTheLabelCell() {
        List<LabelMatcher.Segment> s = labels.segments("企业名称：宁波某某有限公司", false);
        assertThat(s).singleElement().satisfies(seg -> {
            assertThat(seg.entry().key()).isEqualTo("enterprise_name");
            assertThat(seg.value()).isEqualTo("宁波某某有限公司");
        });
    }

    @Test
    void splitsTheContactCellIntoThreeAnswers() {
        List<LabelMatcher.Segment> s = labels.segments("联系人：张三  电话：0574-87654321  邮箱：zs@example.com", false);
        assertThat(s).extracting(seg -> seg.entry().key()).containsExactly("contact_name", "contact_phone", "contact_email");
        assertThat(s).extracting(LabelMatcher.Segment::value).containsExactly("张三", "0574-87654321", "zs@example.com");
    }

    @Test
    void doesNotTakeAValueStartingWithLabelWordsForALabel() {
        assertThat(labels.segments("行业重点企业基本情况调查表", false)).isEmpty();
        assertThat(labels.segments("宁波某某有限公司", false)).isEmpty();
    }

    @Test
    void keepsLongAnswersWhole() {
        List<LabelMatcher.Segment> s = labels.segments("企业未来发展设想及技术需求：\n扩大产能，电话：不变", false);
        assertThat(s).singleElement().extracting(LabelMatcher.Segment::value).isEqualTo("扩大产能，电话：不变");
    }

    @Test
    void splitsAFlattenedTableRowAtLabels() {
        List<LabelMatcher.Segment> s = labels.segments("法人代表 张三 所有制类型 民营 外资比例 0%", true);
        assertThat(s).extracting(LabelMatcher.Segment::value).containsExactly("张三", "民营", "0%");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "实施期限（年）：3|duration_years|3", "实施周期：2018-2020|duration_years|2018-2020",
            "项目周期：36个月|duration_years|36个月"})
    void knowsTheWordingsSendersUseForTheDuration(String text, String key, String value) {
        var segments = FieldLabels.projectFacts().segments(text, false);

        org.assertj.core.api.Assertions.assertThat(segments).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(segments.get(0).entry().key()).isEqualTo(key);
        org.assertj.core.api.Assertions.assertThat(segments.get(0).value()).isEqualTo(value);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "联系电话：0574-86112345|contact_phone", "手机号码：13906617788|contact_phone",
            "电子邮箱：a@b.cn|contact_email", "电子信箱：a@b.cn|contact_email", "联系人姓名：何俊|contact_name"})
    void knowsTheWordingsSendersUseForContacts(String text, String key) {
        org.assertj.core.api.Assertions.assertThat(FieldLabels.survey().segments(text, false).get(0).entry().key())
                .isEqualTo(key);
    }
}
