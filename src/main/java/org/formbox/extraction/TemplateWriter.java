package org.formbox.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FormDef;

/**
 * Writes the blank forms the service hands out, from the active call definition, so that what
 * senders fill in is exactly what the readers look for: the survey laid out as its template says
 * (label cell, value cell; the yearly table; the free-text rows; the contact row) and the proposal
 * with its outline headings under a cover table of the project facts.
 */
public final class TemplateWriter {

    private static final int COLUMNS = 6;
    private static final String NUMERALS = "一二三四五六七八九十";

    private TemplateWriter() {
    }

    /** The blank forms of the active call, each with the file name its template gives. */
    public static List<Blank> blanks() {
        List<Blank> blanks = new ArrayList<>();
        for (FormDef form : FieldCatalog.forms()) {
            blanks.add(new Blank(form.template().file(), form.kind().equals("proposal") ? proposal(form) : survey(form)));
        }
        return List.copyOf(blanks);
    }

    /** A blank form: the name the sender sees and the .docx bytes. */
    public record Blank(String filename, byte[] content) {
    }

    /** The blank survey table with the yearly table (Annex 2). */
    public static byte[] annex2() {
        return survey(FieldCatalog.survey().orElseThrow());
    }

    /** The blank of a survey form: its label/value rows, its yearly table, free-text rows and contact row. */
    public static byte[] survey(FormDef form) {
        try (XWPFDocument doc = new XWPFDocument()) {
            form.template().titles().forEach(t -> title(doc, t));
            XWPFTable table = doc.createTable(1, COLUMNS);
            table.removeRow(0);
            for (List<String> keys : form.template().rows()) {
                List<String> cells = new ArrayList<>();
                keys.forEach(k -> {
                    cells.add(label(form, k));
                    cells.add("");
                });
                row(table, cells);
            }
            FormDef.Table yearly = form.table();
            if (yearly != null) {
                List<String> header = new ArrayList<>(List.of("", "单位"));
                yearly.years().forEach(y -> header.add(y + "年"));
                row(table, header);
                for (FormDef.Row r : yearly.rows()) {
                    List<String> cells = new ArrayList<>(List.of(r.label(), yearly.type().unit()));
                    yearly.years().forEach(y -> cells.add(""));
                    row(table, cells);
                }
            }
            form.template().freeText().forEach(k -> row(table, List.of(label(form, k) + "：")));
            if (!form.template().contact().isEmpty()) {
                row(table, List.of(String.join("                ",
                        form.template().contact().stream().map(k -> label(form, k) + "：").toList())));
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blank proposal (Annex 1): a cover table of the project facts and the outline headings. */
    public static byte[] annex1() {
        return proposal(FieldCatalog.proposal().orElseThrow());
    }

    /** The blank of a proposal form. */
    public static byte[] proposal(FormDef form) {
        try (XWPFDocument doc = new XWPFDocument()) {
            form.template().titles().forEach(t -> title(doc, t));
            XWPFTable cover = doc.createTable(1, 2);
            cover.removeRow(0);
            for (FieldDef f : form.fields()) {
                String unit = f.displayUnit().isEmpty() ? "" : "（" + f.displayUnit() + "）";
                row(cover, List.of(f.label() + unit, ""));
            }
            List<FormDef.Group> groups = form.outline() == null ? List.of() : form.outline().groups();
            for (int g = 0; g < groups.size(); g++) {
                heading(doc, "（" + NUMERALS.charAt(g) + "）" + groups.get(g).title(), 1);
                int number = 0;
                for (FieldDef section : groups.get(g).sections()) {
                    heading(doc, ++number + "、" + section.label(), 2);
                    doc.createParagraph();
                }
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The label a template row prints for a field or a shared cell. */
    private static String label(FormDef form, String key) {
        return form.cells().stream().filter(c -> c.key().equals(key)).map(FormDef.Cell::label).findFirst()
                .orElseGet(() -> FieldCatalog.byKey(key).orElseThrow().label());
    }

    /** Adds a row whose cells share the table's columns evenly, the last cell taking what is left. */
    private static void row(XWPFTable table, List<String> texts) {
        int columns = table.getRows().isEmpty() ? (texts.size() == 2 ? 2 : COLUMNS) : width(table);
        XWPFTableRow row = table.createRow();
        while (row.getTableCells().size() > texts.size()) {
            row.removeCell(row.getTableCells().size() - 1);
        }
        while (row.getTableCells().size() < texts.size()) {
            row.addNewTableCell();
        }
        int each = columns / texts.size();
        for (int i = 0; i < texts.size(); i++) {
            XWPFTableCell cell = row.getCell(i);
            int span = i == texts.size() - 1 ? columns - each * (texts.size() - 1) : each;
            if (span > 1) {
                cell.getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(span));
            }
            cell.setText(texts.get(i));
        }
    }

    private static int width(XWPFTable table) {
        int w = 0;
        for (XWPFTableCell c : table.getRow(0).getTableCells()) {
            var pr = c.getCTTc().getTcPr();
            w += pr != null && pr.isSetGridSpan() ? ((BigInteger) pr.getGridSpan().getVal()).intValue() : 1;
        }
        return w;
    }

    private static void title(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(16);
        run.setText(text);
    }

    private static void heading(XWPFDocument doc, String text, int level) {
        XWPFParagraph p = doc.createParagraph();
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(level == 1 ? 14 : 12);
        run.setText(text);
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }
}
