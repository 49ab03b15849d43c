package org.formbox.reply;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.formbox.export.Labels;
import org.formbox.submission.EnterpriseCounts;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseState;
import org.formbox.validation.Finding;
import org.formbox.validation.Severity;
import org.formbox.submission.SubmissionStatistics;
import org.formbox.submission.SubmissionStatus;
import org.formbox.submission.SubmissionView.Detail;
import org.formbox.submission.SubmissionView.Summary;

/**
 * What one digest says, shaped for the templates {@code mail-templates/digest.txt} and
 * {@code digest.html} (variable {@code d}); every text is ready to print.
 *
 * @param generatedAt       when it was made
 * @param since             the last digest, or "（首次汇总）"
 * @param total             submissions stored
 * @param enterprises       enterprises with a form submission
 * @param byStatus          status name → count
 * @param newSubmissions    received since the last digest
 * @param files             the counts of the enterprise files (应交, 已交齐, 缺件, 需更正, 未提交, 逾期, 名单外)
 * @param needingCorrection enterprises whose file needs correction, with the main errors standing
 * @param incomplete        enterprises whose file misses an annex, with what is missing
 * @param resubmissions     new versions received since the last digest
 * @param failed            messages that failed since the last digest
 */
public record CoordinatorDigestContent(String generatedAt, String since, long total, long enterprises,
                                       Map<String, Long> byStatus, Map<String, Long> files, List<Line> newSubmissions,
                                       List<Line> needingCorrection, List<Line> incomplete, List<Line> resubmissions,
                                       List<Line> failed) {

    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int MAIN_FINDINGS = 3;

    /**
     * One submission in a list.
     *
     * @param id         its id
     * @param enterprise enterprise name, or the sender when none
     * @param sender     the sender
     * @param receivedAt when received
     * @param status     status name in Chinese
     * @param version    version number, or blank
     * @param notes      main findings or the failure reason
     */
    public record Line(long id, String enterprise, String sender, String receivedAt, String status, String version,
                       List<String> notes) {
    }

    static CoordinatorDigestContent of(Instant now, ZoneId zone, Instant since, SubmissionStatistics.Counts counts,
                                       List<Summary> received, List<EnterpriseFile> files, List<Detail> failedSince) {
        DateTimeFormatter time = PATTERN.withZone(zone);
        Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
        counts.byStatus().forEach((s, n) -> byStatus.put(Labels.status(s), n));
        return new CoordinatorDigestContent(time.format(now), since == null ? "（首次汇总）" : time.format(since),
                counts.total(), counts.enterprises(), byStatus, EnterpriseCounts.of(files).headline(),
                received.stream().map(s -> line(s, time)).toList(),
                files.stream().filter(f -> f.state().equals(EnterpriseState.NEEDS_CORRECTION))
                        .map(f -> line(f, time, f.findings().stream().filter(x -> x.severity() == Severity.error)
                                .limit(MAIN_FINDINGS).map(Finding::message).toList())).toList(),
                files.stream().filter(f -> f.state().isMissing())
                        .map(f -> line(f, time, List.of(f.state().label()))).toList(),
                received.stream().filter(s -> s.version() != null && s.version() > 1)
                        .map(s -> line(s, time)).toList(),
                failedSince.stream().map(d -> line(d, time, d.failureReason() == null ? List.of() : List.of(d.failureReason())))
                        .toList());
    }

    private static Line line(EnterpriseFile f, DateTimeFormatter time, List<String> notes) {
        Instant last = f.versions().stream().filter(a -> a.heldBecause() == null).map(EnterpriseFile.Annex::receivedAt)
                .max(Instant::compareTo).orElse(null);
        return new Line(f.id(), f.name(), nz(f.lastSender()), last == null ? "" : time.format(last), f.state().label(),
                f.late() ? "逾期" : "", notes);
    }

    /** Whether anything happened since the last digest. */
    public boolean quiet() {
        return newSubmissions.isEmpty();
    }

    private static Line line(Summary s, DateTimeFormatter time) {
        return new Line(s.id(), name(s.enterpriseName(), s.sender()), nz(s.sender()), time.format(s.receivedAt()),
                Labels.status(s.status()), s.version() == null ? "" : String.valueOf(s.version()), List.of());
    }

    private static Line line(Detail d, DateTimeFormatter time, List<String> notes) {
        return new Line(d.id(), name(d.enterpriseName(), d.sender()), nz(d.sender()), time.format(d.receivedAt()),
                Labels.status(d.status()), d.version() == null ? "" : String.valueOf(d.version()), notes);
    }

    static boolean failed(Summary s) {
        return SubmissionStatus.FAILED.name().equals(s.status());
    }

    private static String name(String enterprise, String sender) {
        return enterprise == null || enterprise.isBlank() ? nz(sender) : enterprise;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
