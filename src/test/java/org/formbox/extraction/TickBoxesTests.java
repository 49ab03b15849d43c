package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldValue;
import org.formbox.forms.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickBoxesTests {

    private static FieldDef def(String key) {
        return FieldCatalog.byKey(key).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "engineering_center|☑省级 □市级 □自设|省级",
            "engineering_center|□国家级 ☒省级 □市级|省级",
            "core_equipment|自制 √国产 √进口|国产、进口",
            "core_equipment|□自制 □国产 ■进口|进口",
            "core_technology_source|■自主研发 □合作开发 □引进消化吸收|自主研发",
            "core_technology_source|自主研发☑ 合作开发□|自主研发",
            "engineering_center|级别：□国家级 ✓市级|市级"})
    void readsTheOptionsTicked(String key, String text, String want) {
        TickBoxes.Reading r = TickBoxes.read(def(key), text);

        assertThat(r.clear()).isTrue();
        assertThat(r.value()).isEqualTo(want);
    }

    @Test
    void takesTwoTicksInASingleAnswerAsUnclearNotAsAGuess() {
        TickBoxes.Reading r = TickBoxes.read(def("engineering_center"), "☑省级 ☑市级 □自设");

        assertThat(r.clear()).isFalse();
        assertThat(r.value()).isEqualTo("☑省级 ☑市级 □自设");
    }

    @Test
    void takesBoxesNoneTickedAsABlank() {
        assertThat(TickBoxes.read(def("engineering_center"), "□省级 □市级 □自设").blank()).isTrue();
    }

    @Test
    void leavesBulletsInFreeTextAlone() {
        assertThat(TickBoxes.read(def("main_products"), "■轴承 ■齿轮")).isNull();
        assertThat(TickBoxes.read(def("engineering_center"), "省级")).isNull();
    }

    @Test
    void marksTickedValuesWithTheirSource() throws Exception {
        byte[] docx = Files.readAllBytes(Path.of("src/test/resources/habits/docs/ticks-symbol-font-hx.docx"));
        ReadDocument read = new DocumentReader().read("hx.docx", docx);

        FieldValue centre = read.fields().get("engineering_center");
        assertThat(centre.text()).isEqualTo("市级");
        assertThat(centre.source()).isEqualTo(ValueSource.TICK);
        assertThat(centre.needsReview()).isFalse();
        assertThat(read.fields().get("enterprise_name").source()).isEqualTo(ValueSource.CELL);
    }

    @Test
    void flagsAnUnclearTickForReview() throws Exception {
        byte[] docx = Files.readAllBytes(Path.of("src/test/resources/habits/docs/ticks-unclear-hx.docx"));
        FieldValue centre = new DocumentReader().read("hx.docx", docx).fields().get("engineering_center");

        assertThat(centre.source()).isEqualTo(ValueSource.TICK);
        assertThat(centre.needsReview()).isTrue();
    }
}
