package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.junit.jupiter.api.Test;

class TemplateWriterTests {

    private final DocumentReader reader = new DocumentReader();

    @Test
    void readsEveryFieldOfAFilledAnnex2Template() throws IOException {
        byte[] filled = fill(TemplateWriter.annex2(), SampleAnswers.typed());

        ReadDocument read = reader.read("annex2.docx", filled);

        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(Accuracy.mismatches(SampleAnswers.expected(), read.fields())).isEmpty();
        assertThat(read.fields().keySet()).containsAll(FieldCatalog.annex2Fields().stream().map(FieldDef::key).toList());
    }

    @Test
    void readsABlankAnnex2TemplateAsAnnex2WithNoAnswers() {
        ReadDocument read = reader.read("annex2-template.docx", TemplateWriter.annex2());

        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(read.fields()).isEmpty();
    }

    @Test
    void readsTheAnnex1TemplateAsAnnex1() {
        ReadDocument read = reader.read("annex1-template.docx", TemplateWriter.annex1());

        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_1"));
    }

    /** Types the answers into the value cells beside (or, for free text, inside) the printed labels. */
    static byte[] fill(byte[] template, Map<String, String> answers) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
            XWPFTable table = doc.getTables().get(0);
            List<XWPFTableRow> rows = table.getRows();
            for (int r = 0; r < rows.size(); r++) {
                List<XWPFTableCell> cells = rows.get(r).getTableCells();
                for (int c = 0; c < cells.size(); c++) {
                    fillCell(cells, c, answers);
                }
                String rowLabel = cells.get(0).getText();
                FieldCatalog.FINANCIAL_ROWS.forEach((key, label) -> {
                    if (rowLabel.equals(label)) {
                        for (int y = 0; y < FieldCatalog.YEARS.size(); y++) {
                            cells.get(2 + y).setText(answers.get(FieldCatalog.financialKey(FieldCatalog.YEARS.get(y), key)));
                        }
                    }
                });
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void fillCell(List<XWPFTableCell> cells, int c, Map<String, String> answers) {
        String text = cells.get(c).getText();
        if (text.startsWith("联系人：")) {
            cells.get(c).removeParagraph(0);
            cells.get(c).setText("联系人：" + answers.get("contact_name") + "    电话：" + answers.get("contact_phone")
                    + "    邮箱：" + answers.get("contact_email"));
            return;
        }
        if (text.startsWith("授权专利数")) {
            cells.get(c + 1).setText(answers.get("patents"));
            return;
        }
        for (FieldDef f : FieldCatalog.surveyFields()) {
            if (text.equals(f.label() + "：")) {
                cells.get(c).addParagraph().createRun().setText(answers.get(f.key()));
            } else if (text.equals(f.label()) && c + 1 < cells.size()) {
                cells.get(c + 1).setText(answers.get(f.key()));
            }
        }
    }
}
