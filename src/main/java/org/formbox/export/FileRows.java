package org.formbox.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.formbox.forms.FormDef;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseState;
import org.formbox.validation.Finding;

/**
 * The workbook's content as tables, one row per enterprise file: the current document of each form
 * and the state (企业档案), the enterprises not submitted or incomplete with their contacts (未交齐),
 * the findings standing (问题) and the current proposals' projects (附件1项目, named after the
 * proposal form). Plain Java.
 */
final class FileRows {

    private FileRows() {
    }

    /** The columns of 企业档案 before the fields: a received time and submission number per form. */
    static List<Column> fileColumns() {
        List<Column> columns = new ArrayList<>(List.of(Column.integer("企业编号"), Column.text("企业名称"), Column.text("名单内"),
                Column.text("地区"), Column.text("专项"), Column.state("状态"), Column.text("逾期")));
        for (FormDef form : FieldCatalog.forms()) {
            columns.add(Column.time(form.shortName() + "收到时间"));
            columns.add(Column.integer(form.shortName() + "提交编号"));
        }
        columns.addAll(List.of(Column.integer("错误数"), Column.integer("提示数"), Column.integer("待确认材料"),
                Column.wrapped("主要问题"), Column.text("联系人"), Column.text("电话"), Column.text("邮箱"), Column.time("交齐时间")));
        return columns;
    }

    /** 企业档案: one row per enterprise, its file's fields from the current document of the form holding each. */
    static ExportRows.Table files(List<EnterpriseFile> files) {
        List<Column> columns = fileColumns();
        // each label once: a field whose label is already a column (企业名称) is not repeated
        List<FieldDef> fields = FieldCatalog.all().stream()
                .filter(f -> columns.stream().noneMatch(c -> c.header().equals(Column.of(f).header()))).toList();
        fields.forEach(f -> columns.add(Column.of(f)));
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            List<Object> row = new ArrayList<>(Arrays.asList(f.id(), f.name(), f.onRoster() ? "是" : "否", f.region(),
                    f.programme(), f.state().label(), f.late() ? "逾期" : null));
            for (FormDef form : FieldCatalog.forms()) {
                row.add(time(f.current(form.annex().name())));
                row.add(id(f.current(form.annex().name())));
            }
            row.addAll(Arrays.asList(f.errors(), f.warnings(), f.held().size(), findingsText(f.findings()),
                    f.contactName(), f.contactPhone(), f.contactEmail(), f.completedAt()));
            for (FieldDef d : fields) {
                EnterpriseFile.Annex source = f.current(d.annex().name());
                row.add(source == null ? null : source.fields().get(d.key()));
            }
            rows.add(row);
        }
        return new ExportRows.Table("企业档案", columns, rows);
    }

    /** 未交齐: every enterprise not ACCEPTED, with what is missing and how to reach it. */
    static ExportRows.Table incomplete(List<EnterpriseFile> files) {
        List<Column> columns = List.of(Column.text("企业名称"), Column.text("名单内"), Column.text("地区"), Column.state("状态"),
                Column.text("尚缺"), Column.integer("错误数"), Column.text("联系人"), Column.text("电话"), Column.text("邮箱"),
                Column.text("最近来信邮箱"), Column.time("最近催报"), Column.text("退信地址"));
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            if (f.state().equals(EnterpriseState.ACCEPTED)) {
                continue;
            }
            String missing = f.missing().isEmpty() ? null
                    : String.join("、", f.missing().stream().map(FormDef::shortName).toList());
            rows.add(Arrays.asList(f.name(), f.onRoster() ? "是" : "否", f.region(), f.state().label(), missing, f.errors(),
                    f.contactName(), f.contactPhone(), f.contactEmail(), f.lastSender(), f.lastReminderAt(),
                    f.bouncedAddress()));
        }
        return new ExportRows.Table("未交齐", columns, rows);
    }

    /** 问题: every finding standing in a file. */
    static ExportRows.Table findings(List<EnterpriseFile> files) {
        List<Column> columns = List.of(Column.integer("企业编号"), Column.text("企业名称"), Column.state("状态"), Column.text("规则"),
                Column.text("级别"), Column.wrapped("涉及字段"), Column.wrapped("说明"));
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            for (Finding x : f.findings()) {
                rows.add(Arrays.asList(f.id(), f.name(), f.state().label(), x.rule(), Labels.severity(x.severity().name()),
                        String.join("、", x.fields().stream().map(k -> FieldCatalog.byKey(k).map(FieldDef::label).orElse(k)).toList()),
                        x.message()));
            }
        }
        return new ExportRows.Table("问题", columns, rows);
    }

    /** 附件1项目: the current proposal of each enterprise (the sheet named after the proposal form). */
    static ExportRows.Table projects(List<EnterpriseFile> files) {
        List<Column> columns = new ArrayList<>(List.of(Column.integer("企业编号"), Column.text("企业名称"), Column.integer("提交编号"),
                Column.text("文件名")));
        FieldCatalog.projectFacts().forEach(f -> columns.add(Column.of(f)));
        List<List<Object>> rows = new ArrayList<>();
        String proposal = FieldCatalog.proposal().map(p -> p.annex().name()).orElse(null);
        for (EnterpriseFile f : files) {
            EnterpriseFile.Annex current = proposal == null ? null : f.current(proposal);
            if (current != null) {
                List<Object> row = new ArrayList<>(Arrays.asList(f.id(), f.name(), current.submissionId(), current.filename()));
                FieldCatalog.projectFacts().forEach(d -> row.add(current.fields().get(d.key())));
                rows.add(row);
            }
        }
        return new ExportRows.Table(ExportRows.projectsSheet(), columns, rows);
    }

    /** The board as shown, one row per enterprise. */
    static ExportRows.Table board(List<EnterpriseFile> files, Map<Long, Instant> lastReplies) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("企业名称"), Column.text("名单内"), Column.text("地区"),
                Column.text("专项"), Column.state("状态"), Column.text("逾期")));
        FieldCatalog.forms().forEach(form -> columns.add(Column.time(form.shortName() + "收到时间")));
        columns.addAll(List.of(Column.integer("错误数"), Column.integer("提示数"), Column.wrapped("主要问题"), Column.time("最近回复"),
                Column.time("最近催报"), Column.text("联系人"), Column.text("电话"), Column.text("邮箱")));
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            List<Object> row = new ArrayList<>(Arrays.asList(f.name(), f.onRoster() ? "是" : "否", f.region(), f.programme(),
                    f.state().label(), f.late() ? "逾期" : null));
            FieldCatalog.forms().forEach(form -> row.add(time(f.current(form.annex().name()))));
            row.addAll(Arrays.asList(f.errors(), f.warnings(), findingsText(f.findings()), lastReplies.get(f.id()),
                    f.lastReminderAt(), f.contactName(), f.contactPhone(), f.contactEmail()));
            rows.add(row);
        }
        return new ExportRows.Table("进度", columns, rows);
    }

    private static String findingsText(List<Finding> findings) {
        return findings.isEmpty() ? null : String.join("\n", findings.stream().map(x -> "[" + Labels.severity(x.severity().name()) + "] " + x.message()).toList());
    }

    private static Instant time(EnterpriseFile.Annex a) {
        return a == null ? null : a.receivedAt();
    }

    private static Long id(EnterpriseFile.Annex a) {
        return a == null ? null : a.submissionId();
    }
}
