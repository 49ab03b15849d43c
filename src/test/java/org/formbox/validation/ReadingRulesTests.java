package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.formbox.forms.ValueSource;
import org.junit.jupiter.api.Test;

class ReadingRulesTests {

    private final Checks checks = new Checks();

    @Test
    void asksTheSenderToConfirmAnUnclearTickInsteadOfGuessing() {
        Map<String, FieldValue> fields = new HashMap<>(SampleSubmission.surveyValues());
        fields.put("engineering_center", FieldValue.text("engineering_center", "☑省级 ☑市级", "☑省级 ☑市级")
                .from(ValueSource.TICK, 0.5));

        List<Finding> findings = checks.check(List.of(new CheckedDocument("a2.docx", Annex.valueOf("ANNEX_2"), fields, null)));

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("A2-TICK-UNCLEAR");
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.message()).contains("工程技术中心", "☑省级 ☑市级");
        });
        assertThat(findings).noneMatch(f -> f.severity() == Severity.error);
    }

    @Test
    void sendsNoErrorAboutValuesAScanDidNotYieldAndSaysTheScanWasRead() {
        Map<String, FieldValue> fields = new HashMap<>();
        SampleSubmission.surveyValues().forEach((k, v) -> fields.put(k, v.from(ValueSource.OCR, 0.95)));
        fields.remove("total_assets");
        fields.put("fixed_assets", FieldValue.number("fixed_assets", new BigDecimal("999999"), "999999")
                .from(ValueSource.OCR, 0.41));

        List<Finding> findings = checks.check(List.of(new CheckedDocument("扫描件.jpg", Annex.valueOf("ANNEX_2"), fields, null)));

        assertThat(findings).noneMatch(f -> f.severity() == Severity.error);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("MAIL-SCAN-READ");
            assertThat(f.message()).contains("扫描件.jpg", "扫描件或照片", "2项未能清晰识别", "Word");
        });
    }

    @Test
    void tellsWhatAScanWasReadAsWhenAClearlyReadValueFailsARule() {
        Map<String, FieldValue> fields = new HashMap<>();
        SampleSubmission.surveyValues().forEach((k, v) -> fields.put(k, v.from(ValueSource.OCR, 0.95)));
        fields.put("contact_email", FieldValue.text("contact_email", "not-an-address", "not-an-address")
                .from(ValueSource.OCR, 0.96));

        List<Finding> findings = checks.check(List.of(new CheckedDocument("scan.pdf", Annex.valueOf("ANNEX_2"), fields, null)));

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("A2-EMAIL");
            assertThat(f.severity()).as("OCR misreads with confidence too: the sender is asked to check").isEqualTo(Severity.warning);
            assertThat(f.message()).startsWith("按图像识别的结果：").contains("not-an-address").endsWith("如系识别有误，请忽略本条；否则请更正。")
                    .doesNotContain("请更正。如系");
        });
        assertThat(findings).noneMatch(f -> f.severity() == Severity.error);
    }

    @Test
    void keepsErrorsAboutValuesTypedInAWordFile() {
        Map<String, FieldValue> fields = new HashMap<>(SampleSubmission.surveyValues());
        fields.put("contact_email", FieldValue.text("contact_email", "not-an-address", "not-an-address"));

        List<Finding> findings = checks.check(List.of(new CheckedDocument("a2.docx", Annex.valueOf("ANNEX_2"), fields, null)));

        assertThat(findings).anyMatch(f -> f.rule().equals("A2-EMAIL") && f.severity() == Severity.error);
    }
}
