package org.formbox.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.system.CallSettings;
import org.springframework.stereotype.Service;

/**
 * Every enterprise's file as an Excel workbook (sheets 企业档案: one row per enterprise with both
 * current annexes and the state; 未交齐: who has not submitted or is incomplete, with contacts; 问题;
 * 附件1项目; 长文本 — laid out by {@link WorkbookLayout}) or as CSV (the first sheet only, UTF-8 with a
 * byte-order mark so that Excel reads Chinese).
 */
@Service
public class SubmissionExport {

    /** The workbook's media type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EnterpriseFiles files;
    private final ZoneId zone;

    public SubmissionExport(EnterpriseFiles files, CallSettings call) {
        this.files = files;
        this.zone = call.timeZone();
    }

    /** The workbook of the current store. */
    public byte[] workbook() {
        List<EnterpriseFile> all = files.all().stream().sorted(EnterpriseFile.ACTION_FIRST).toList();
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WorkbookLayout layout = new WorkbookLayout(book, zone);
            for (ExportRows.Table table : List.of(FileRows.files(all), FileRows.incomplete(all), FileRows.findings(all),
                    FileRows.projects(all))) {
                layout.write(table.name(), table.columns(), table.rows(), 2);
            }
            layout.writeLongTexts(List.of("提交编号", "企业名称"));
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sheet as CSV. */
    public byte[] csv() {
        return csv(FileRows.files(files.all().stream().sorted(EnterpriseFile.ACTION_FIRST).toList()), zone)
                .getBytes(StandardCharsets.UTF_8);
    }

    static String csv(ExportRows.Table table, ZoneId zone) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        line(csv, table.header().stream().map(Object.class::cast).toList(), time);
        table.rows().forEach(row -> line(csv, row, time));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<Object> values, DateTimeFormatter time) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(values.get(i), time));
        }
        csv.append("\r\n");
    }

    private static String cell(Object v, DateTimeFormatter time) {
        return v instanceof Instant i ? cell(time.format(i)) : cell(v);
    }

    /** Quoted, and a text starting like a formula made inert, so that a spreadsheet never evaluates it. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
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
