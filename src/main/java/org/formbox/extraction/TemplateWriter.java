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

/**
 * Writes the blank forms the service hands out, from {@link FieldCatalog}, so that what senders
 * fill in is exactly what the readers look for: {@code annex2-template.docx} laid out like the call
 * (label cell, value cell; the yearly table; the free-text rows; the contact row) and
 * {@code annex1-template.docx} with the outline headings under a cover table of the project facts.
 */
public final class TemplateWriter {

    private static final int COLUMNS = 6;
    private static final String PATENT_LABEL = "授权专利数（发明，实用新型）";
    /** Rows of the survey table, by field key; the label text comes from the catalogue. */
    private static final List<List<String>> SURVEY_ROWS = List.of(
            List.of("enterprise_name"),
            List.of("legal_representative", "ownership_type", "foreign_capital_ratio"),
            List.of("industry", "region", "registered_capital"),
            List.of("total_assets", "fixed_assets", "owners_equity"),
            List.of("land_area", "floor_area", "debt_to_asset_ratio"),
            List.of("employees_total", "employees_junior_high_or_below", "employees_college_or_above"),
            List.of("rd_staff_ratio", "engineering_center", "annual_rd_expense"),
            List.of("main_products", "production_capacity"),
            List.of("core_equipment", "core_technology_source"),
            List.of("patents", "rd_conditions"));
    private static final List<String> FREE_TEXT = List.of("honors", "development_plan", "industry_view", "proposed_projects");
    private static final List<String> CONTACT = List.of("contact_name", "contact_phone", "contact_email");

    private TemplateWriter() {
    }

    /** The blank Annex 2 survey table. */
    public static byte[] annex2() {
        try (XWPFDocument doc = new XWPFDocument()) {
            title(doc, "附件2       宁波市“科技创新2025”重大专项");
            title(doc, "行业重点企业基本情况调查表");
            XWPFTable table = doc.createTable(1, COLUMNS);
            table.removeRow(0);
            for (List<String> keys : SURVEY_ROWS) {
                List<String> cells = new ArrayList<>();
                keys.forEach(k -> {
                    cells.add(label(k));
                    cells.add("");
                });
                row(table, cells);
            }
            List<String> header = new ArrayList<>(List.of("", "单位"));
            FieldCatalog.YEARS.forEach(y -> header.add(y + "年"));
            row(table, header);
            FieldCatalog.FINANCIAL_ROWS.values().forEach(label -> row(table, List.of(label, "万元", "", "", "")));
            FREE_TEXT.forEach(k -> row(table, List.of(label(k) + "：")));
            row(table, List.of(String.join("                ", CONTACT.stream().map(k -> label(k) + "：").toList())));
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blank Annex 1 proposal: a cover table of the project facts and the outline headings. */
    public static byte[] annex1() {
        try (XWPFDocument doc = new XWPFDocument()) {
            title(doc, "XXXX项目实施方案");
            XWPFTable cover = doc.createTable(1, 2);
            cover.removeRow(0);
            for (FieldDef f : FieldCatalog.projectFacts()) {
                String unit = f.type().unit().isEmpty() ? "" : "（" + f.type().unit() + "）";
                if (f.key().equals("duration_years")) {
                    unit = "（年）";
                }
                row(cover, List.of(f.label() + unit, ""));
            }
            String group = null;
            int groupNumber = 0;
            int sectionNumber = 0;
            for (FieldDef section : FieldCatalog.sections()) {
                String prefix = section.key().substring(0, section.key().indexOf('.'));
                if (!prefix.equals(group)) {
                    group = prefix;
                    sectionNumber = 0;
                    heading(doc, "（" + "一二三四五".charAt(groupNumber++) + "）" + OutlineHeadings.GROUP_TITLES.get(prefix), 1);
                }
                heading(doc, ++sectionNumber + "、" + section.label(), 2);
                doc.createParagraph();
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String label(String key) {
        return key.equals("patents") ? PATENT_LABEL : FieldCatalog.byKey(key).orElseThrow().label();
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
