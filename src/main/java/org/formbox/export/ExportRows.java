package org.formbox.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formbox.forms.FormDef;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.submission.SubmissionView.Detail;
import org.formbox.submission.SubmissionView.Document;
import org.formbox.submission.SubmissionView.FindingView;

/**
 * The export as tables of cells (numbers stay {@link java.math.BigDecimal}, the rest strings), shared
 * by the workbook and the CSV; {@link FileRows} fills them from the enterprise files.
 */
final class ExportRows {

    private ExportRows() {
    }

    /**
     * A table: its columns and data rows (numbers as {@link java.math.BigDecimal}, times as
     * {@link java.time.Instant}, a blank as null), written by {@link WorkbookLayout}.
     */
    record Table(String name, List<Column> columns, List<List<Object>> rows) {

        List<String> header() {
            return columns.stream().map(Column::header).toList();
        }
    }

    /** One row per submission given, one column per field (a view of single mails, beside the files' tables). */
    static Table submissions(List<Detail> latest) {
        List<Column> columns = new ArrayList<>(List.of(Column.integer("提交编号"), Column.text("企业名称"), Column.text("发件人"),
                Column.time("收到时间"), Column.state("状态"), Column.integer("版本"), Column.integer("错误数"),
                Column.wrapped("问题")));
        // each label once: a field whose label is already a column (企业名称) is not repeated
        List<FieldDef> fields = FieldCatalog.all().stream()
                .filter(f -> columns.stream().noneMatch(c -> c.header().equals(Column.of(f).header()))).toList();
        fields.forEach(f -> columns.add(Column.of(f)));
        List<List<Object>> rows = new ArrayList<>();
        for (Detail d : latest) {
            Map<String, Object> values = values(d.documents(), null);
            List<Object> row = new ArrayList<>(java.util.Arrays.asList(d.id(), d.enterpriseName(), d.sender(),
                    d.receivedAt(), Labels.status(d.status()), d.version(), standingErrors(d), findingsText(d)));
            fields.forEach(f -> row.add(values.get(f.key())));
            rows.add(row);
        }
        return new Table("最新提交", columns, rows);
    }

    /** Every finding of the latest submissions. */
    static Table findings(List<Detail> latest) {
        List<Column> columns = List.of(Column.integer("提交编号"), Column.text("企业名称"), Column.state("状态"),
                Column.text("规则"), Column.text("级别"), Column.wrapped("涉及字段"), Column.wrapped("说明"), Column.text("撤销人"),
                Column.time("撤销时间"), Column.wrapped("撤销说明"));
        List<List<Object>> rows = new ArrayList<>();
        for (Detail d : latest) {
            for (FindingView f : d.findings()) {
                rows.add(java.util.Arrays.asList(d.id(), d.enterpriseName(), Labels.status(d.status()), f.rule(),
                        Labels.severity(f.severity()), String.join("、", f.fields().stream().map(ExportRows::label).toList()),
                        f.message(), f.overriddenBy(), f.overriddenAt(), f.overrideNote()));
            }
        }
        return new Table("问题", columns, rows);
    }

    /** The name of the projects sheet: the proposal form's short name and 项目 (附件1项目). */
    static String projectsSheet() {
        return FieldCatalog.proposal().map(FormDef::shortName).orElse("") + "项目";
    }

    /** One row per proposal document of the latest submissions. */
    static Table projects(List<Detail> latest) {
        List<Column> columns = new ArrayList<>(List.of(Column.integer("提交编号"), Column.text("企业名称"), Column.text("文件名")));
        FieldCatalog.projectFacts().forEach(f -> columns.add(Column.of(f)));
        List<List<Object>> rows = new ArrayList<>();
        for (Detail d : latest) {
            for (Document doc : d.documents()) {
                if (FieldCatalog.form(doc.annex()).map(f -> f.kind().equals("proposal")).orElse(false)) {
                    List<Object> row = new ArrayList<>(java.util.Arrays.asList(d.id(), d.enterpriseName(), doc.filename()));
                    FieldCatalog.projectFacts().forEach(f -> row.add(doc.fields().get(f.key())));
                    rows.add(row);
                }
            }
        }
        return new Table(projectsSheet(), columns, rows);
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
        if (d.findings().stream().noneMatch(f -> f.overriddenBy() == null)) {
            return null;
        }
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
