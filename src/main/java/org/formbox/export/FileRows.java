package org.formbox.export;

import java.time.Instant;
import java.util.ArrayList;
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

    static final List<String> FILE_COLUMNS = List.of("企业编号", "企业名称", "名单内", "地区", "专项", "状态", "逾期",
            "附件1收到时间", "附件1提交编号", "附件2收到时间", "附件2提交编号", "错误数", "提示数", "待确认材料", "主要问题",
            "联系人", "电话", "邮箱", "交齐时间");

    /** 企业档案: one row per enterprise, its file's fields from the current Annex 2 and Annex 1. */
    static ExportRows.Table files(List<EnterpriseFile> files) {
        List<String> header = new ArrayList<>(FILE_COLUMNS);
        List<FieldDef> fields = FieldCatalog.all();
        fields.forEach(f -> header.add(f.label()));
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            List<Object> row = new ArrayList<>(List.of(f.id(), f.name(), f.onRoster() ? "是" : "否", nz(f.region()),
                    nz(f.programme()), f.state().label(), f.late() ? "逾期" : "", time(f.annex1()), id(f.annex1()),
                    time(f.annex2()), id(f.annex2()), f.errors(), f.warnings(), f.held().size(), findingsText(f.findings()),
                    nz(f.contactName()), nz(f.contactPhone()), nz(f.contactEmail()),
                    f.completedAt() == null ? "" : ExportRows.TIME.format(f.completedAt())));
            for (FieldDef d : fields) {
                EnterpriseFile.Annex source = d.annex() == Annex.ANNEX_1 ? f.annex1() : f.annex2();
                row.add(source == null ? "" : source.fields().getOrDefault(d.key(), ""));
            }
            rows.add(row);
        }
        return new ExportRows.Table("企业档案", header, rows);
    }

    /** 未交齐: every enterprise not ACCEPTED, with what is missing and how to reach it. */
    static ExportRows.Table incomplete(List<EnterpriseFile> files) {
        List<String> header = List.of("企业名称", "名单内", "地区", "状态", "尚缺", "错误数", "联系人", "电话", "邮箱",
                "最近来信邮箱", "最近催报", "退信地址");
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            if (f.state() == EnterpriseState.ACCEPTED) {
                continue;
            }
            String missing = f.annex1() == null && f.annex2() == null ? "附件1、附件2"
                    : f.annex1() == null ? "附件1" : f.annex2() == null ? "附件2" : "";
            rows.add(List.of(f.name(), f.onRoster() ? "是" : "否", nz(f.region()), f.state().label(), missing, f.errors(),
                    nz(f.contactName()), nz(f.contactPhone()), nz(f.contactEmail()), nz(f.lastSender()),
                    f.lastReminderAt() == null ? "" : ExportRows.TIME.format(f.lastReminderAt()), nz(f.bouncedAddress())));
        }
        return new ExportRows.Table("未交齐", header, rows);
    }

    /** 问题: every finding standing in a file. */
    static ExportRows.Table findings(List<EnterpriseFile> files) {
        List<String> header = List.of("企业编号", "企业名称", "状态", "规则", "级别", "涉及字段", "说明");
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            for (Finding x : f.findings()) {
                rows.add(List.of(f.id(), f.name(), f.state().label(), x.rule(), Labels.severity(x.severity().name()),
                        String.join("、", x.fields().stream().map(k -> FieldCatalog.byKey(k).map(FieldDef::label).orElse(k)).toList()),
                        x.message()));
            }
        }
        return new ExportRows.Table("问题", header, rows);
    }

    /** 附件1项目: the current Annex 1 of each enterprise. */
    static ExportRows.Table projects(List<EnterpriseFile> files) {
        List<String> header = new ArrayList<>(List.of("企业编号", "企业名称", "提交编号", "文件名"));
        FieldCatalog.projectFacts().forEach(f -> header.add(f.label()));
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            if (f.annex1() != null) {
                List<Object> row = new ArrayList<>(List.of(f.id(), f.name(), f.annex1().submissionId(), f.annex1().filename()));
                FieldCatalog.projectFacts().forEach(d -> row.add(f.annex1().fields().getOrDefault(d.key(), "")));
                rows.add(row);
            }
        }
        return new ExportRows.Table("附件1项目", header, rows);
    }

    /** The board as shown, one row per enterprise. */
    static ExportRows.Table board(List<EnterpriseFile> files, Map<Long, Instant> lastReplies) {
        List<String> header = List.of("企业名称", "名单内", "地区", "专项", "状态", "逾期", "附件1收到时间", "附件2收到时间",
                "错误数", "提示数", "主要问题", "最近回复", "最近催报", "联系人", "电话", "邮箱");
        List<List<Object>> rows = new ArrayList<>();
        for (EnterpriseFile f : files) {
            Instant reply = lastReplies.get(f.id());
            rows.add(List.of(f.name(), f.onRoster() ? "是" : "否", nz(f.region()), nz(f.programme()), f.state().label(),
                    f.late() ? "逾期" : "", time(f.annex1()), time(f.annex2()), f.errors(), f.warnings(),
                    findingsText(f.findings()), reply == null ? "" : ExportRows.TIME.format(reply),
                    f.lastReminderAt() == null ? "" : ExportRows.TIME.format(f.lastReminderAt()), nz(f.contactName()),
                    nz(f.contactPhone()), nz(f.contactEmail())));
        }
        return new ExportRows.Table("进度", header, rows);
    }

    private static String findingsText(List<Finding> findings) {
        return String.join("\n", findings.stream().map(x -> "[" + Labels.severity(x.severity().name()) + "] " + x.message()).toList());
    }

    private static String time(EnterpriseFile.Annex a) {
        return a == null ? "" : ExportRows.TIME.format(a.receivedAt());
    }

    private static Object id(EnterpriseFile.Annex a) {
        return a == null ? "" : a.submissionId();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
