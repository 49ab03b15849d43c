package org.formbox.export;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.submission.SubmissionView.Detail;
import org.formbox.submission.SubmissionView.Document;
import org.formbox.submission.SubmissionView.FindingView;

/**
 * The export as tables of cells (numbers stay {@link java.math.BigDecimal}, the rest strings), shared
 * by the workbook and the CSV. Plain Java: built from the read model.
 */
final class ExportRows {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private ExportRows() {
    }

    /** A table: a header row and data rows. */
    record Table(String name, List<String> header, List<List<Object>> rows) {
    }

    /** One row per enterprise: its latest submission, one column per field. */
    static Table submissions(List<Detail> latest) {
        List<String> header = new ArrayList<>(List.of("提交编号", "企业名称", "发件人", "收到时间", "状态", "版本", "错误数", "问题"));
        List<FieldDef> fields = FieldCatalog.all();
        fields.forEach(f -> header.add(f.label()));
        List<List<Object>> rows = new ArrayList<>();
        for (Detail d : latest) {
            Map<String, Object> values = values(d.documents(), null);
            List<Object> row = new ArrayList<>(List.of(d.id(), nz(d.enterpriseName()), nz(d.sender()),
                    d.receivedAt() == null ? "" : TIME.format(d.receivedAt()), Labels.status(d.status()),
                    d.version() == null ? "" : d.version(), standingErrors(d), findingsText(d)));
            fields.forEach(f -> row.add(values.getOrDefault(f.key(), "")));
            rows.add(row);
        }
        return new Table("最新提交", header, rows);
    }

    /** Every finding of the latest submissions. */
    static Table findings(List<Detail> latest) {
        List<String> header = List.of("提交编号", "企业名称", "状态", "规则", "级别", "涉及字段", "说明", "撤销人", "撤销时间", "撤销说明");
        List<List<Object>> rows = new ArrayList<>();
        for (Detail d : latest) {
            for (FindingView f : d.findings()) {
                rows.add(List.of(d.id(), nz(d.enterpriseName()), Labels.status(d.status()), f.rule(),
                        Labels.severity(f.severity()), String.join("、", f.fields().stream().map(ExportRows::label).toList()),
                        f.message(), nz(f.overriddenBy()), f.overriddenAt() == null ? "" : TIME.format(f.overriddenAt()),
                        nz(f.overrideNote())));
            }
        }
        return new Table("问题", header, rows);
    }

    /** One row per Annex 1 document of the latest submissions. */
    static Table projects(List<Detail> latest) {
        List<String> header = new ArrayList<>(List.of("提交编号", "企业名称", "文件名"));
        FieldCatalog.projectFacts().forEach(f -> header.add(f.label()));
        List<List<Object>> rows = new ArrayList<>();
        for (Detail d : latest) {
            for (Document doc : d.documents()) {
                if (Annex.ANNEX_1.name().equals(doc.annex())) {
                    List<Object> row = new ArrayList<>(List.of(d.id(), nz(d.enterpriseName()), doc.filename()));
                    FieldCatalog.projectFacts().forEach(f -> row.add(doc.fields().getOrDefault(f.key(), "")));
                    rows.add(row);
                }
            }
        }
        return new Table("附件1项目", header, rows);
    }

    /** The values of all documents, the first document's value winning. */
    static Map<String, Object> values(List<Document> documents, String annex) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Document doc : documents) {
            if (annex == null || annex.equals(doc.annex())) {
                doc.fields().forEach(values::putIfAbsent);
            }
        }
        return values;
    }

    private static long standingErrors(Detail d) {
        return d.findings().stream().filter(f -> "error".equals(f.severity()) && f.overriddenBy() == null).count();
    }

    private static String findingsText(Detail d) {
        return String.join("\n", d.findings().stream().filter(f -> f.overriddenBy() == null)
                .map(f -> "[" + Labels.severity(f.severity()) + "] " + f.message()).toList());
    }

    private static String label(String key) {
        return FieldCatalog.byKey(key).map(FieldDef::label).orElse(key);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
