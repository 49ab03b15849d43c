package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.formbox.forms.FieldType.AREA;
import static org.formbox.forms.FieldType.COUNT;
import static org.formbox.forms.FieldType.MONEY;
import static org.formbox.forms.FieldType.PERCENT;

import java.math.BigDecimal;
import org.formbox.forms.FieldType;
import org.formbox.forms.FieldValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValueNormaliserTests {

    @ParameterizedTest
    @ValueSource(strings = {"5000", "5,000", "5000万", "5000万元", "0.5亿", "0.5亿元", "５０００", "50000000元",
            " 5000 万元 ", "５，０００万元", "约5000万元", "五千万元"})
    void readsMoneyInWanYuan(String raw) {
        assertThat(ValueNormaliser.number(MONEY, raw)).isEqualByComparingTo("5000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"35%", "35", "35％", "0.35", "百分之三十五", "３５％"})
    void readsPercentAsZeroToHundred(String raw) {
        assertThat(ValueNormaliser.number(PERCENT, raw)).isEqualByComparingTo("35");
    }

    @ParameterizedTest
    @ValueSource(strings = {"120", "120人", "一百二十", "一百二十人", "１２０"})
    void readsCounts(String raw) {
        assertThat(ValueNormaliser.number(COUNT, raw)).isEqualByComparingTo("120");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12000", "12000平方米", "1.2万平方米", "12000㎡", "12000m2", "12000M2", "12,000平米"})
    void readsAreaInSquareMetres(String raw) {
        assertThat(ValueNormaliser.number(AREA, raw)).isEqualByComparingTo("12000");
    }

    @Test
    void convertsMuToSquareMetres() {
        assertThat(ValueNormaliser.number(AREA, "18亩")).isEqualByComparingTo("12000.06");
    }

    @ParameterizedTest
    @CsvSource({"无,MONEY", "/,PERCENT", "—,COUNT", "-,AREA", "0,MONEY"})
    void readsNoneAnswersAsZeroAndKeepsTheirText(String raw, FieldType type) {
        FieldValue v = ValueNormaliser.normalise("k", type, raw);
        assertThat(v.number()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(v.text()).isEqualTo(raw);
        assertThat(v.blank()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\n"})
    void treatsEmptyAsAbsent(String raw) {
        assertThat(ValueNormaliser.normalise("k", MONEY, raw)).isNull();
    }

    @Test
    void keepsUnparseableNumericTextWithoutANumber() {
        FieldValue v = ValueNormaliser.normalise("total_assets", MONEY, " 约五六千万 ");
        assertThat(v.number()).isNull();
        assertThat(v.text()).isEqualTo("约五六千万");
        assertThat(v.raw()).isEqualTo(" 约五六千万 ");
    }

    @Test
    void keepsRawTextBesideTheNumber() {
        FieldValue v = ValueNormaliser.normalise("total_assets", MONEY, "0.5亿元");
        assertThat(v.number()).isEqualByComparingTo("5000");
        assertThat(v.raw()).isEqualTo("0.5亿元");
    }

    @Test
    void readsBareOneHundredPercentAndFractions() {
        assertThat(ValueNormaliser.number(PERCENT, "100")).isEqualByComparingTo("100");
        assertThat(ValueNormaliser.number(PERCENT, "0.055")).isEqualByComparingTo("5.5");
        assertThat(ValueNormaliser.number(PERCENT, "12.5%")).isEqualByComparingTo("12.5");
    }

    @ParameterizedTest
    @CsvSource({"奉化,奉化区", "奉化市,奉化区", "宁波市鄞州区,鄞州区", "鄞州,鄞州区", "高新区,宁波高新区", "宁波高新区,宁波高新区",
            "余姚,余姚市", "浙江省宁波市北仑区,北仑区", "梅山保税港区,梅山保税港区", "宁波梅山保税港区,梅山保税港区",
            "保税区,宁波保税区", "杭州湾新区,杭州湾新区", "东钱湖,东钱湖旅游度假区", "大榭,大榭开发区", "象 山,象山县",
            "杭州市西湖区,杭州市西湖区", "鄞州区姜山镇,鄞州区姜山镇", "宁波,宁波", "北仑鄞州,北仑鄞州"})
    void canonicalRegionWhenTheAnswerNamesExactlyOne(String raw, String text) {
        FieldValue v = ValueNormaliser.normalise("region", FieldType.TEXT, raw);
        assertThat(v.text()).isEqualTo(text);
        assertThat(v.raw()).isEqualTo(raw);
    }
}
