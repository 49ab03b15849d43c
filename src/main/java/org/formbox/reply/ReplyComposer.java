package org.formbox.reply;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FormDef;
import org.formbox.forms.FormNames;
import org.formbox.forms.Unreadable;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.system.CallSettings;
import org.springframework.stereotype.Component;

/** Turns a stored submission into what its reply says. */
@Component
public class ReplyComposer {

    /** The values echoed back, in this order, when they were read: the definition's {@code reply.echo}. */
    static List<String> keyFields() {
        String lastYear = FieldCatalog.lastYear();
        return FieldCatalog.definition().echo().stream().map(k -> k.replace("$last_year", lastYear)).toList();
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final SubmissionSearch search;
    private final FileStandingComposer fileStanding;
    private final CallSettings call;

    ReplyComposer(SubmissionSearch search, FileStandingComposer fileStanding, CallSettings call) {
        this.search = search;
        this.fileStanding = fileStanding;
        this.call = call;
    }

    /** The receipt number of a submission. */
    public static String receipt(long id) {
        return String.format("FB-%06d", id);
    }

    /** A time as people reading the mail see it: in {@code formbox.time-zone}, with the zone named. */
    String when(java.time.temporal.TemporalAccessor instant) {
        java.time.ZonedDateTime at = java.time.Instant.from(instant).atZone(call.timeZone());
        return zoneName() + WHEN.format(at);
    }

    /** Said before a time, as people say it: 北京时间 2026年11月28日 10:05. */
    private String zoneName() {
        return "Asia/Shanghai".equals(call.timeZone().getId()) ? "北京时间 " : call.timeZone().getId() + " ";
    }

    /** What the reply to this submission says. */
    public ReplyContent compose(SubmissionView.Detail s) {
        List<ReplyContent.DocumentLine> documents = new ArrayList<>();
        for (SubmissionView.Document d : s.documents()) {
            if (d.container()) {
                documents.add(new ReplyContent.DocumentLine(d.filename(), d.origin(), outlook(d)
                        ? "Outlook 打包的附件，已取出并读取其中的文件" : savedMail(d) ? "保存的邮件，已打开并读取其中的附件"
                        : "压缩包，已解压并读取其中的文件"));
            } else {
                documents.add(new ReplyContent.DocumentLine(d.filename(), d.origin(), readAs(d)));
            }
        }
        FindingsReport report = FindingsReport.of(s.findings());
        String status = s.status();
        boolean person = "NEEDS_ANSWER".equals(status);
        List<ReplyContent.ValueLine> values = person ? List.of() : values(s.documents());
        var tooLarge = "FAILED".equals(status) ? org.formbox.submission.FailureReason.tooLargeSizes(s.failureReason())
                : java.util.Optional.<long[]>empty();
        List<String> next = tooLarge.isPresent() ? tooLargeSteps(tooLarge.get()[1])
                : nextSteps(status, !report.warnings().isEmpty(), report.annexesToResend());
        List<String> sections = new ArrayList<>();
        if (!person) {
            if (!"FAILED".equals(status)) {
                sections.add("documents"); // a broken mail has no attachments worth naming
            }
            if (!values.isEmpty()) {
                sections.add("values");
            }
            if (!report.errors().isEmpty()) {
                sections.add("errors");
            }
            if (!report.warnings().isEmpty()) {
                sections.add("warnings");
            }
            sections.add("next");
        }
        String receivedAt = when(s.receivedAt());
        // the file block says what this mail replaced, annex by annex; the older sentence would say all of it
        FileStanding file = person ? null : fileStanding.compose(s, report.errors());
        return new ReplyContent(receipt(s.id()),
                ReplySubjects.reply(status, s.enterpriseName(), s.subject(), receipt(s.id())),
                greeting(s), status, receivedAt,
                tooLarge.map(sizes -> tooLargeHeadline(receivedAt, sizes[0], sizes[1]))
                        .orElseGet(() -> headline(status, receivedAt, report.errors().size(), report.warnings().size())),
                documents, values, report.errors(), report.warnings(), file == null ? supersedes(s) : null, next,
                file != null && file.deadline() != null ? null : deadline(), // the file block names it, late or not
                contact(person), blankToNull(call.office().note()), "NO_FORM".equals(status), List.copyOf(sections), file);
    }

    private String deadline() {
        return call.deadline().map(d -> "材料报送截止时间为" + zoneName() + WHEN.format(d) + "，请在此之前提交或更正。")
                .orElse(null);
    }

    private String contact(boolean person) {
        String name = blankToNull(call.office().displayName());
        String phone = blankToNull(call.office().phone());
        String office = (name == null ? "我们" : name) + (phone == null ? "" : "（电话：" + phone + "）");
        if (person) {
            return "如需补充，可直接回复本邮件" + (phone == null ? "。" : "；急事请致电" + office + "。");
        }
        return "如有疑问，请直接回复本邮件" + (name == null && phone == null ? "。" : "，或联系" + office + "。");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean savedMail(SubmissionView.Document d) {
        return d.contentType() != null && d.contentType().startsWith("message/rfc822");
    }

    private static boolean outlook(SubmissionView.Document d) {
        return d.contentType() != null && (d.contentType().contains("ms-tnef") || d.contentType().contains("ms-outlook"));
    }

    private static String readAs(SubmissionView.Document d) {
        if (d.annex() == null) {
            return "未读取";
        }
        Annex annex = Annex.valueOf(d.annex());
        if (annex.equals(Annex.UNREADABLE)) {
            String why = d.unreadable() == null ? "无法读取" : Unreadable.valueOf(d.unreadable()).reason();
            return "无法读取（" + why + "）";
        }
        FormDef form = FieldCatalog.form(annex).orElse(null);
        if (form == null && org.formbox.system.MailSignatures.isSignature(d.contentType(), d.filename())) {
            return "数字签名，无需处理";
        }
        if (form == null) {
            return "不是" + FormNames.each(FormDef::shortName, "或") + "，未作处理";
        }
        List<FieldDef> required = FieldCatalog.all().stream().filter(f -> f.annex().equals(annex) && f.required()).toList();
        long filled = required.stream().filter(f -> d.fields().containsKey(f.key())).count();
        String what = form.name();
        // a proposal's required entries are its outline sections
        String unit = form.kind().equals("proposal") ? "项内容" : "项";
        // a scan's or photo's gaps are no errors (the OCR may have missed them): the sender is asked to check
        boolean scanned = d.provenance() != null && d.provenance().values().stream().anyMatch(p -> "OCR".equals(p.source()));
        return filled == required.size()
                ? "已按" + what + "读取，必填的 " + required.size() + " " + unit + "都已找到"
                : "已按" + what + "读取，必填的 " + required.size() + " " + unit + "中找到 " + filled + " 项，其余"
                        + (scanned ? "未能从图像中识别，见下面请您确认的事项" : "见下面需要更正的问题");
    }

    private static List<ReplyContent.ValueLine> values(List<SubmissionView.Document> documents) {
        List<ReplyContent.ValueLine> lines = new ArrayList<>();
        for (String key : keyFields()) {
            for (SubmissionView.Document d : documents) {
                Object v = d.fields().get(key);
                if (v != null) {
                    FieldDef def = FieldCatalog.byKey(key).orElseThrow(); // the definition's echo names only its fields
                    lines.add(new ReplyContent.ValueLine(def.shortLabel(), format(v, def)));
                    break;
                }
            }
        }
        return lines;
    }

    static String format(Object value, FieldDef def) {
        if (value instanceof BigDecimal n) {
            return n.stripTrailingZeros().toPlainString() + def.displayUnit();
        }
        String text = String.valueOf(value).strip().replaceAll("\\s+", " ");
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String greeting(SubmissionView.Detail s) {
        String name = s.senderName();
        return name == null || name.isBlank() ? "您好：" : name.strip() + "，您好：";
    }

    private static String headline(String status, String receivedAt, int errors, int warnings) {
        return switch (status) {
            case "ACCEPTED" -> warnings == 0
                    ? "您于" + receivedAt + " 发来的材料已收到并读取完毕，没有发现需要更正的问题。"
                    : "您于" + receivedAt + " 发来的材料已收到并读取完毕，没有必须更正的问题，另有 " + warnings + " 处请您确认。";
            case "NEEDS_CORRECTION" -> "您于" + receivedAt + " 发来的材料已收到，其中有 " + errors + " 处需要更正"
                    + (warnings > 0 ? "，另有 " + warnings + " 处请您确认" : "") + "。";
            case "NO_FORM" -> "您于" + receivedAt + " 发来的邮件已收到，但邮件中没有找到" + FormNames.each(FormDef::name, "或") + "。";
            case "FAILED" -> "您于" + receivedAt + " 发来的邮件已收到，但邮件在传输或生成时已损坏，系统无法读取其中的内容和附件。";
            case "NEEDS_ANSWER" -> "已收到您的来信（" + receivedAt + "），工作人员将尽快答复。";
            default -> "您于" + receivedAt + " 发来的邮件已收到。";
        };
    }

    private String supersedes(SubmissionView.Detail s) {
        if (s.supersedes() == null) {
            return null;
        }
        return search.detail(s.supersedes())
                .map(p -> "本次提交为第 " + s.version() + " 版，替代您于" + when(p.receivedAt())
                        + " 提交的材料（回执号 " + receipt(p.id()) + "），以本次为准。")
                .orElse(null);
    }

    /** A message over the intake's size limit: kept, but none of it read. */
    private static String tooLargeHeadline(String receivedAt, long size, long limit) {
        return "您于" + receivedAt + " 发来的邮件已收到，但邮件大小约为 " + megabytes(size) + "，超过本邮箱可以处理的 "
                + megabytes(limit) + "，系统无法读取其中的附件。";
    }

    private static List<String> tooLargeSteps(long limit) {
        return List.of("请将" + FormNames.all() + "的 Word（.docx/.doc）或 Excel（.xlsx）原文件作为附件重新发送，每封邮件不超过 "
                        + megabytes(limit) + "；材料较多时可以分几封邮件发送。",
                "扫描件或照片请降低分辨率后再发送，或改为发送 Word、Excel 原文件。");
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return (mb >= 10 ? String.valueOf(Math.round(mb)) : String.format(java.util.Locale.ROOT, "%.1f", mb)) + " MB";
    }

    private static List<String> nextSteps(String status, boolean warnings, String annexes) {
        return switch (status) {
            case "ACCEPTED" -> warnings
                    ? List.of("请核对上面请您确认的事项。如果确有错误，请修改后将完整的表格重新发送到本邮箱，我们以最新一次提交为准；如果无误，无需再做任何操作。")
                    : List.of("无需再做任何操作。如需修改，请将修改后的完整表格重新发送到本邮箱，我们以最新一次提交为准。");
            case "NEEDS_CORRECTION" -> List.of(
                    "请按上面的提示修改" + annexes + "，然后将修改后的完整" + annexes + "重新发送到本邮箱（直接回复本邮件即可）。",
                    "我们收到后以最新一次提交为准，并再次回复核对结果。");
            case "NO_FORM" -> List.of("本邮件附有" + FormNames.all() + "的空白模板，请填写后作为附件发送到本邮箱。",
                    "请直接发送 Word（.docx/.doc）或 Excel（.xlsx）文件，不要只发截图或链接。");
            case "FAILED" -> List.of("请新建一封邮件，将" + FormNames.all() + "作为附件添加后重新发送到本邮箱，给您带来不便，敬请谅解。",
                    "如重新发送后仍收到本提示，请与申报办公室联系。");
            default -> List.of();
        };
    }

    /** The same reply without the blank forms, which went to the same address earlier the same day. */
    static ReplyContent formsSentEarlier(ReplyContent c) {
        return new ReplyContent(c.receipt(), c.subject(), c.greeting(), c.status(), c.receivedAt(), c.headline(), c.documents(),
                c.values(), c.errors(), c.warnings(), c.supersedes(),
                List.of(FormNames.all() + "的空白模板已随今天较早的回复发给您，请在该邮件中查收，填写后作为附件发送到本邮箱。",
                        "请直接发送 Word（.docx/.doc）或 Excel（.xlsx）文件，不要只发截图或链接。"),
                c.deadline(), c.contact(), c.note(), false, c.sections(), c.fileStanding());
    }

    /** Variables for the templates. */
    static Map<String, Object> variables(ReplyContent content) {
        return Map.of("reply", content);
    }
}
