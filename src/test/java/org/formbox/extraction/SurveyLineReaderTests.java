package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.formbox.forms.FieldValue;
import org.junit.jupiter.api.Test;

/** Lines as a PDF of the survey table gives them: cells wrapped in narrow columns, rows flattened. */
class SurveyLineReaderTests {

    private final SurveyLineReader reader = new SurveyLineReader(FieldLabels.survey());

    private Map<String, FieldValue> read(String... lines) {
        FieldCollector out = new FieldCollector();
        List<Line> list = Arrays.stream(lines).map(l -> new Line(l, false)).toList();
        reader.read(list, out);
        return out.values();
    }

    @Test
    void joinsALabelCutInTwoAndDropsTheUnitFragmentBeforeTheValue() {
        Map<String, FieldValue> v = read("职工总人数", "（人） 310 其中初中及以下", "（人） 85 其中大专及以", "上（人） 142");
        assertThat(v.get("employees_total").number()).isEqualByComparingTo("310");
        assertThat(v.get("employees_junior_high_or_below").number()).isEqualByComparingTo("85");
        assertThat(v.get("employees_college_or_above").number()).isEqualByComparingTo("142");
    }

    @Test
    void joinsALabelWhoseBracketWrapsAndReadsTheValueBelow() {
        Map<String, FieldValue> v = read("工程技术中心", "（省级、市级或自", "设）", "市级 年度研发经费", "投入（万元） 1050",
                "注册资金", "（万元） 0.8 亿元");
        assertThat(v.get("engineering_center").text()).isEqualTo("市级");
        assertThat(v.get("annual_rd_expense").number()).isEqualByComparingTo("1050");
        assertThat(v.get("registered_capital").number()).isEqualByComparingTo("8000");
    }

    @Test
    void appendsTheWrappedRestOfATextAnswer() {
        Map<String, FieldValue> v = read("所属行业 涂料、功能涂", "层材料制造 所属地区 北仑区", "主要产品 海洋重防腐涂料、船舶防污涂",
                "料、热喷涂合金粉末 生产能力 年产涂料2万吨、", "合金粉末800吨", "备注：请于6月底前提交。");
        assertThat(v.get("industry").text()).isEqualTo("涂料、功能涂层材料制造");
        assertThat(v.get("region").text()).isEqualTo("北仑区");
        assertThat(v.get("main_products").text()).isEqualTo("海洋重防腐涂料、船舶防污涂料、热喷涂合金粉末");
        assertThat(v.get("production_capacity").text()).isEqualTo("年产涂料2万吨、合金粉末800吨");
    }

    @Test
    void readsYearlyFiguresWithTheirUnitsInColumnOrder() {
        Map<String, FieldValue> v = read("单位 2014 年 2015 年 2016 年", "资产总额 万元 2.1 亿元 2.3 亿元 2.6 亿元",
                "工业利润总额 万元 1850 2140 2460");
        assertThat(v.get("financials.2014.total_assets").number()).isEqualByComparingTo("21000");
        assertThat(v.get("financials.2016.total_assets").number()).isEqualByComparingTo("26000");
        assertThat(v.get("financials.2015.industrial_profit").number()).isEqualByComparingTo("2140");
    }

    @Test
    void leavesARowWithABlankCellAbsentRatherThanShiftingItsFigures() {
        Map<String, FieldValue> v = read("单位 2014 年 2015 年 2016 年", "资产总额 万元 7000 7500 8000",
                "工业利润总额 万元 800 1000", "工业实交税金 万元 300 320 340");
        assertThat(v).doesNotContainKeys("financials.2014.industrial_profit", "financials.2015.industrial_profit",
                "financials.2016.industrial_profit");
        assertThat(v.get("financials.2016.total_assets").number()).isEqualByComparingTo("8000");
        assertThat(v.get("financials.2015.taxes_paid").number()).isEqualByComparingTo("320");
    }
}
