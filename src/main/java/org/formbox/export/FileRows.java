package org.formbox.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseState;
import org.formbox.validation.Finding;

/**
 * The workbook's content as tables, one row per enterprise file: both current annexes and the
 * state (企业档案), the enterprises not submitted or incomplete with their contacts (未交齐), the
 * findings standing (问题) and the current Annex 1 projects (附件1项目). Plain Java.
 */
final class FileRows {

    private FileRows() {
    }

    static final List<Column> FILE_COLUMNS = List.of(Column.integer("企业编号"), Column.text("企业名称"), Column.text("名单内"),
            Column.text("地区"), Column.text("专项"), Column.state("状态"), Column.text("逾期"), Column.time("附件1收到时间"),
            Column.integer("附件1提交编号"), Column.time("附件2收到时间"), Column.integer("附件2提交编号"), Column.integer("错误数"),
            Column.integer("提示数"), Column.integer("待确认材料"), Column.wrapped("主要问题"), Column.text("联系人"),
            Column.text("电话"), Column.text("邮箱"), Column.time("交齐时间"));

    /** 企业档案: one row per enterprise, its file's fields from the current Annex 2 and Annex 1. */
    static ExportRows.Table files(List<EnterpriseFile> files) {
        List<Column> columns = new ArrayList<>(FILE_COLUMNS);
        // each label once: a field whose label is already a column (企业名称) is not repeated
        List<FieldDef> fields = FieldCatalog.all().stream()
                .filter(f -> columns.stream().noneMatch(c -> c.header().equals(Column.of(f).header()))).toList();
        fields.forEach(f -> columns.add(Column.of(f)));
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            List<Object> row = new ArrayList<>(Arrays.asList(f.id(), f.name(), f.onRoster() ? "是" : "否", f.region(),
                    f.programme(), f.state().label(), f.late() ? "逾期" : null, time(f.annex1()), id(f.annex1()),
                    time(f.annex2()), id(f.annex2()), f.errors(), f.warnings(), f.held().size(), findingsText(f.findings()),
                    f.contactName(), f.contactPhone(), f.contactEmail(), f.completedAt()));
            for (FieldDef d : fields) {
                EnterpriseFile.Annex source = d.annex() == Annex.ANNEX_1 ? f.annex1() : f.annex2();
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
            if (f.state() == EnterpriseState.ACCEPTED) {
                continue;
            }
            String missing = f.annex1() == null && f.annex2() == null ? "附件1、附件2"
                    : f.annex1() == null ? "附件1" : f.annex2() == null ? "附件2" : null;
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

    /** 附件1项目: the current Annex 1 of each enterprise. */
    static ExportRows.Table projects(List<EnterpriseFile> files) {
        List<Column> columns = new ArrayList<>(List.of(Column.integer("企业编号"), Column.text("企业名称"), Column.integer("提交编号"),
                Column.text("文件名")));
        FieldCatalog.projectFacts().forEach(f -> columns.add(Column.of(f)));
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            if (f.annex1() != null) {
                List<Object> row = new ArrayList<>(Arrays.asList(f.id(), f.name(), f.annex1().submissionId(), f.annex1().filename()));
                FieldCatalog.projectFacts().forEach(d -> row.add(f.annex1().fields().get(d.key())));
                rows.add(row);
            }
        }
        return new ExportRows.Table("附件1项目", columns, rows);
    }

    /** The board as shown, one row per enterprise. */
    static ExportRows.Table board(List<EnterpriseFile> files, Map<Long, Instant> lastReplies) {
        List<Column> columns = List.of(Column.text("企业名称"), Column.text("名单内"), Column.text("地区"), Column.text("专项"),
                Column.state("状态"), Column.text("逾期"), Column.time("附件1收到时间"), Column.time("附件2收到时间"),
                Column.integer("错误数"), Column.integer("提示数"), Column.wrapped("主要问题"), Column.time("最近回复"),
                Column.time("最近催报"), Column.text("联系人"), Column.text("电话"), Column.text("邮箱"));
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            rows.add(Arrays.asList(f.name(), f.onRoster() ? "是" : "否", f.region(), f.programme(), f.state().label(),
                    f.late() ? "逾期" : null, time(f.annex1()), time(f.annex2()), f.errors(), f.warnings(),
                    findingsText(f.findings()), lastReplies.get(f.id()), f.lastReminderAt(), f.contactName(),
                    f.contactPhone(), f.contactEmail()));
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
