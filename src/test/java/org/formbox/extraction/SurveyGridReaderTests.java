package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldValue;
import org.formbox.forms.FormDef;
import org.junit.jupiter.api.Test;

/** A scanned issued template whose labels OCR misread beyond recognition, read by the template's rows. */
class SurveyGridReaderTests {

    private static final FormDef FORM = FieldCatalog.survey().orElseThrow();

    private static List<Cell> row(String... texts) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            cells.add(new Cell(texts[i], 100 * i, 100 * i + 100, false, Origin.ocr(0.7)));
        }
        return cells;
    }

    private static Map<String, FieldValue> read(List<List<Cell>> rows) {
        SurveyGridReader reader = new SurveyGridReader(FieldLabels.survey(FORM),
                java.util.stream.Stream.concat(FORM.template().rows().stream(), java.util.stream.Stream.of(FORM.template().contact())).toList(),
                FORM.template().freeText());
        FieldCollector out = new FieldCollector();
        reader.read(new Grid(rows), out);
        return out.values();
    }

    @Test
    void aMisreadLabelBesideRecognisedOnesIsTheTemplatesLabelAtItsPlace() {
        Map<String, FieldValue> v = read(List.of(row("法人代上去", "应海涛", "所有有制类型", "中外合资", "外资比倪", "32%"),
                row("联系人", "潘静怡", "由话", "13968207541", "邮箱", "panjy@tianfan-marine.cn")));
        assertThat(v.get("legal_representative").text()).isEqualTo("应海涛");
        assertThat(v.get("ownership_type").text()).isEqualTo("中外合资");
        assertThat(v.get("foreign_capital_ratio").number()).isEqualByComparingTo("32");
        assertThat(v.get("contact_phone").text()).isEqualTo("13968207541");
    }

    @Test
    void aMisreadFreeTextLabelBetweenRecognisedOnesIsTheTemplatesLabelInItsOrder() {
        Map<String, FieldValue> v = read(List.of(
                row("获名牌/商标/免检产品、市级重点工业新产品、装备制造业首台（套）产品情况:浙江省隐形冠军企业。"),
                row("企业本来发展设银芭技术匠求:扩建海工装备总装基地。"),
                row("企业对该行业领域技术发展和市场的看法与判断:海上风电向深远海发展。"),
                row("企业拟申请的市重大专项项目建议:深远海漂浮式风电安装平台关键技术研发。")));
        assertThat(v.get("development_plan").text()).isEqualTo("扩建海工装备总装基地。");
        assertThat(v.get("honors").text()).isEqualTo("浙江省隐形冠军企业。");
    }

    @Test
    void placesNothingWhereARecognisedLabelStandsElsewhereThanTheTemplateHasIt() {
        // the ownership type first and the foreign share second: not the template's row
        Map<String, FieldValue> v = read(List.of(row("所有制类型", "中外合资", "外资比例", "32%", "法人代上去", "应海涛")));
        assertThat(v).doesNotContainKey("legal_representative");
        assertThat(v.get("ownership_type").text()).isEqualTo("中外合资");
    }

    @Test
    void placesNothingInTypedDocuments() {
        List<Cell> typed = new ArrayList<>();
        String[] texts = {"法人代上去", "应海涛", "所有制类型", "中外合资", "外资比例", "32%"};
        for (int i = 0; i < texts.length; i++) {
            typed.add(new Cell(texts[i], 100 * i, 100 * i + 100, false, Origin.CELL));
        }
        assertThat(read(List.of(typed))).doesNotContainKey("legal_representative");
    }
}
