package org.formbox.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldValue;
import org.formbox.forms.ValueSource;

/**
 * What the checks may say about values the readers were not sure of. A row of tick boxes that
 * says two things is a warning (A2-TICK-UNCLEAR), never a guess. A scan or photo is read by OCR:
 * the sender is told so (MAIL-SCAN-READ) and asked for the Word file when values could not be read
 * with confidence; no error is sent about a value that OCR missed or read unsurely — staff check
 * those (请人工核对 on the submission page).
 */
final class ReadingRules {

    private ReadingRules() {
    }

    /** Warnings about unclear ticks in one document. */
    static void ticks(org.formbox.forms.FormDef form, CheckedDocument document, List<Finding> findings) {
        document.fields().forEach((key, v) -> {
            if (v.source() == ValueSource.TICK && v.needsReview()) {
                findings.add(Finding.warning("A2-TICK-UNCLEAR", form.shortName() + "中“" + label(key) + "”的勾选不明确（“"
                        + v.text().replaceAll("\\s+", " ") + "”），请确认所选项。", key));
            }
        });
    }

    /** The findings without errors about values read unsurely (an uncomputable formula, an OCR guess). */
    static List<Finding> withoutErrorsOnUnsure(CheckedDocument document, List<Finding> found) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : found) {
            boolean unsure = f.fields().stream().map(document.fields()::get).anyMatch(v -> v != null && v.needsReview());
            if (f.severity() == Severity.warning || !unsure) {
                kept.add(f);
            }
        }
        return kept;
    }

    /** Whether the document was read from a picture. */
    static boolean scanned(CheckedDocument document) {
        return document.fields().values().stream().anyMatch(v -> v.source() == ValueSource.OCR);
    }

    /**
     * The findings of a scanned document that may go to the sender: errors about fields OCR did
     * not find or read unsurely are dropped, then one note that the scan was read.
     */
    static List<Finding> forScan(org.formbox.forms.FormDef form, CheckedDocument document, List<Finding> found) {
        Map<String, FieldValue> fields = document.fields();
        List<Finding> kept = new ArrayList<>();
        for (Finding f : found) {
            boolean unsure = f.fields().stream().anyMatch(k -> fields.get(k) == null || fields.get(k).needsReview());
            if (f.severity() == Severity.warning) {
                kept.add(f);
            } else if (!unsure) {
                kept.add(asReadFromPicture(f, fields));
            }
        }
        // a proposal's outline is not counted: its sections are findings of their own
        boolean survey = form.kind().equals("survey");
        long unread = !survey ? 0 : FieldCatalog.answerFields(form).stream().filter(FieldDef::required).map(FieldDef::key)
                .filter(k -> fields.get(k) == null || fields.get(k).needsReview()).count();
        String what = form.shortName();
        kept.add(Finding.warning("MAIL-SCAN-READ", unread == 0
                ? "附件“" + document.filename() + "”是扫描件或照片，已按" + what + "自动识别，请核对回执中的内容。"
                : "附件“" + document.filename() + "”是扫描件或照片，已按" + what + "自动识别，但有" + unread
                        + "项未能清晰识别；为免误判，请另发送填写好的 Word（.docx/.doc）原文件。"));
        return kept;
    }

    /**
     * An error about values OCR read with confidence, told as what the picture was read as: OCR is
     * sure of characters it misreads too (a photo's "chaixy@dongmao-tex.cn" came out "chaixy@d" with
     * confidence), so the sender is asked to check, not told the form is wrong. Staff see the same
     * finding, under its rule, beside the value.
     */
    private static Finding asReadFromPicture(Finding f, Map<String, FieldValue> fields) {
        boolean fromPicture = f.fields().stream().map(fields::get).anyMatch(v -> v != null && v.source() == ValueSource.OCR);
        if (!fromPicture) {
            return f;
        }
        String message = f.message().replaceFirst("[，,]?请(更正|修改|核对|补充)[^。]*。?$", "。");
        return new Finding(f.rule(), Severity.warning, f.fields(),
                "按图像识别的结果：" + message + "如系识别有误，请忽略本条；否则请更正。");
    }

    private static String label(String key) {
        return FieldCatalog.byKey(key).map(FieldDef::shortLabel).orElse(key);
    }
}
