package org.formbox.reply;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FormDef;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.submission.EnterpriseState;
import org.formbox.submission.SubmissionView;
import org.formbox.system.CallSettings;
import org.formbox.validation.Finding;
import org.formbox.validation.Severity;
import org.springframework.stereotype.Component;

/**
 * Writes the reply's 档案情况 block from the enterprise files as they stood right after the mail.
 * It names the sender's own earlier mails only: a document of another address is called
 * "贵单位此前已提交", and a mail held for staff (another sender naming a known enterprise) hears
 * nothing about the file it named.
 */
@Component
class FileStandingComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final EnterpriseFiles files;
    private final CallSettings call;
    private final java.time.Clock clock;

    FileStandingComposer(EnterpriseFiles files, CallSettings call, java.time.Clock clock) {
        this.files = files;
        this.call = call;
        this.clock = clock;
    }

    /** The block for this submission, or null when it filed no form. */
    FileStanding compose(SubmissionView.Detail s, List<String> mailErrors) {
        Map<Long, List<EnterpriseFiles.Filed>> byEnterprise = new LinkedHashMap<>();
        for (EnterpriseFiles.Filed f : files.filedIn(s.id())) {
            byEnterprise.computeIfAbsent(f.enterpriseId(), k -> new ArrayList<>()).add(f);
        }
        if (byEnterprise.isEmpty()) {
            return null;
        }
        String sender = s.sender() == null ? null : s.sender().strip().toLowerCase(java.util.Locale.ROOT);
        List<FileStanding.Enterprise> enterprises = new ArrayList<>();
        boolean open = false;
        for (Map.Entry<Long, List<EnterpriseFiles.Filed>> e : byEnterprise.entrySet()) {
            Optional<EnterpriseFile> file = files.fileAsOf(e.getKey(), s.id());
            if (file.isEmpty()) {
                continue;
            }
            List<EnterpriseFiles.Filed> here = e.getValue().stream().filter(f -> f.heldBecause() == null).toList();
            if (here.isEmpty()) {
                enterprises.add(held(file.get().name(), e.getValue()));
                continue;
            }
            open |= !file.get().state().equals(EnterpriseState.ACCEPTED);
            enterprises.add(standing(file.get(), s.id(), sender, here, mailErrors));
        }
        return new FileStanding(enterprises, deadline(open));
    }

    private static FileStanding.Enterprise held(String name, List<EnterpriseFiles.Filed> filed) {
        String kinds = String.join("、", filed.stream().map(f -> label(f.annex())).distinct().toList());
        return new FileStanding.Enterprise(name, "待工作人员确认", List.of(
                "本次收到的" + kinds + "所填写的企业已有其他邮箱报送的材料。为防止他人误改，本次材料已保存，"
                        + "待工作人员核实确认后才会生效；如确为贵单位的更新材料，工作人员核实后即予采用。"));
    }

    private FileStanding.Enterprise standing(EnterpriseFile file, long submissionId, String sender,
                                             List<EnterpriseFiles.Filed> here, List<String> mailErrors) {
        List<String> lines = new ArrayList<>();
        Set<String> sent = new java.util.LinkedHashSet<>(here.stream().map(EnterpriseFiles.Filed::annex).toList());
        for (FormDef form : FieldCatalog.forms()) {
            String kind = form.annex().name();
            EnterpriseFile.Annex current = file.current(kind);
            if (sent.contains(kind)) {
                StringBuilder line = new StringBuilder("本次收到的" + label(kind) + "已作为该企业的现行" + label(kind));
                previousOwn(file, kind, submissionId, sender).ifPresent(p -> line.append("，替代您于 ")
                        .append(format(WHEN, p.receivedAt())).append(" 提交的").append(label(kind))
                        .append("（回执号 ").append(ReplyComposer.receipt(p.submissionId())).append("）"));
                lines.add(line + "。");
            } else if (current != null) {
                lines.add(label(kind) + (sender != null && sender.equals(current.sender())
                        ? "（" + format(DAY, current.receivedAt()) + "收到）" : "（贵单位此前已提交）") + "仍然有效。");
            } else {
                lines.add("尚缺" + form.name() + "，请尽快补交。");
            }
        }
        long errors = file.errors();
        if (errors > 0) {
            boolean ownPair = file.current().values().stream().allMatch(a -> sender != null && sender.equals(a.sender()));
            lines.add("该企业档案中现有 " + errors + " 处需要更正" + (ownPair ? "" : "（含贵单位此前提交的材料）") + "，请更正后重新发送相应附件。");
            if (ownPair) {
                file.findings().stream().filter(f -> f.severity() == Severity.error)
                        .map(Finding::message).filter(m -> !mailErrors.contains(m)).forEach(m -> lines.add("需更正：" + m));
            }
        }
        return new FileStanding.Enterprise(file.name(), stateText(file), lines);
    }

    private static Optional<EnterpriseFile.Annex> previousOwn(EnterpriseFile file, String kind, long submissionId, String sender) {
        EnterpriseFile.Annex previous = null;
        for (EnterpriseFile.Annex a : file.versions()) {
            if (a.submissionId() != submissionId && a.heldBecause() == null && kind.equals(a.kind())) {
                previous = a;
            }
        }
        return Optional.ofNullable(previous).filter(p -> sender != null && sender.equals(p.sender()));
    }

    private String deadline(boolean open) {
        Optional<ZonedDateTime> deadline = call.deadline();
        if (deadline.isEmpty()) {
            return null;
        }
        String when = DEADLINE.format(deadline.get());
        if (clock.instant().isAfter(deadline.get().toInstant())) {
            return "征集截止时间（" + when + "）已过。本次材料已收下，将标记为逾期提交。";
        }
        return open ? "材料提交截止时间为 " + when + "，请在此之前补齐或更正。" : "材料提交截止时间为 " + when + "。";
    }

    private static String stateText(EnterpriseFile file) {
        EnterpriseState state = file.state();
        if (state.equals(EnterpriseState.ACCEPTED)) {
            return String.join("、", FieldCatalog.forms().stream().map(FormDef::shortName).toList()) + "均已收齐，未发现需要更正的问题";
        }
        if (state.equals(EnterpriseState.NEEDS_CORRECTION)) {
            return "附件已收齐，但有需要更正的问题";
        }
        if (state.isMissing()) {
            return "尚缺" + String.join("、", file.missing().stream().map(FormDef::shortName).toList());
        }
        return "尚未收到材料";
    }

    /** The short name of the form of this annex (附件1). */
    private static String label(String kind) {
        return FieldCatalog.form(kind).map(FormDef::shortName).orElse(kind);
    }

    private String format(DateTimeFormatter f, Instant at) {
        return f.withZone(zone()).format(at);
    }

    private ZoneId zone() {
        return call.timeZone();
    }
}
