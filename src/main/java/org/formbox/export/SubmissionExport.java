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
import org.formbox.submission.EnterpriseHistory;
import org.formbox.system.CallSettings;
import org.formbox.submission.SubmissionView.Detail;
import org.springframework.stereotype.Service;

/**
 * The latest submission of every enterprise as an Excel workbook (sheets 最新提交, 问题, 附件1项目 and
 * 长文本, laid out by {@link WorkbookLayout}) or as CSV (the first sheet only, UTF-8 with a byte-order mark so that Excel reads Chinese).
 */
@Service
public class SubmissionExport {

    /** The workbook's media type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EnterpriseHistory history;
    private final ZoneId zone;

    public SubmissionExport(EnterpriseHistory history, CallSettings call) {
        this.history = history;
        this.zone = call.timeZone();
    }

    /** The workbook of the current store. */
    public byte[] workbook() {
        List<Detail> latest = history.latest();
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WorkbookLayout layout = new WorkbookLayout(book, zone);
            for (ExportRows.Table table : List.of(ExportRows.submissions(latest), ExportRows.findings(latest),
                    ExportRows.projects(latest))) {
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
        ExportRows.Table table = ExportRows.submissions(history.latest());
        StringBuilder csv = new StringBuilder("\uFEFF");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        line(csv, table.header().stream().map(Object.class::cast).toList(), time);
        table.rows().forEach(row -> line(csv, row, time));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void line(StringBuilder csv, List<Object> values, DateTimeFormatter time) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(values.get(i), time));
        }
        csv.append("\r\n");
    }

    private String cell(Object v, DateTimeFormatter time) {
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
