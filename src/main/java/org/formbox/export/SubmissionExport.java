package org.formbox.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.springframework.stereotype.Service;

/**
 * Every enterprise's file as an Excel workbook (sheets 企业档案: one row per enterprise with both
 * current annexes and the state; 未交齐: who has not submitted or is incomplete, with contacts; 问题;
 * 附件1项目) or as CSV (the first sheet only, UTF-8 with a byte-order mark so that Excel reads Chinese).
 */
@Service
public class SubmissionExport {

    /** The workbook's media type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EnterpriseFiles files;

    public SubmissionExport(EnterpriseFiles files) {
        this.files = files;
    }

    /** The workbook of the current store. */
    public byte[] workbook() {
        List<EnterpriseFile> all = files.all().stream().sorted(EnterpriseFile.ACTION_FIRST).toList();
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (ExportRows.Table table : List.of(FileRows.files(all), FileRows.incomplete(all), FileRows.findings(all),
                    FileRows.projects(all))) {
                write(book.createSheet(table.name()), table, bold);
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sheet as CSV. */
    public byte[] csv() {
        return csv(FileRows.files(files.all().stream().sorted(EnterpriseFile.ACTION_FIRST).toList()))
                .getBytes(StandardCharsets.UTF_8);
    }

    static String csv(ExportRows.Table table) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, table.header().stream().map(Object.class::cast).toList());
        table.rows().forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void write(Sheet sheet, ExportRows.Table table, CellStyle bold) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < table.header().size(); i++) {
            header.createCell(i).setCellValue(table.header().get(i));
            header.getCell(i).setCellStyle(bold);
        }
        int r = 1;
        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
                } else {
                    // a string cell is never a formula, whatever the sender typed
                    row.createCell(i).setCellValue(String.valueOf(v));
                }
            }
        }
        sheet.createFreezePane(2, 1);
    }

    private static void line(StringBuilder csv, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(values.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quoted, and a text starting like a formula made inert, so that a spreadsheet never evaluates it. */
    static String cell(Object v) {
        if (v instanceof Number n) {
            return n instanceof BigDecimal b ? b.toPlainString() : n.toString();
        }
        String s = String.valueOf(v);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
