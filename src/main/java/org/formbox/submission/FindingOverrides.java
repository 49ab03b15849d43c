package org.formbox.submission;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator's decision that a finding does not stand, recorded with who, when and why. When no
 * error finding is left standing and at least one annex was read, the submission becomes
 * {@code ACCEPTED}; otherwise its status is kept. An override can be withdrawn: the finding stands
 * again (an accepted submission with a standing error needs correction again), and both the
 * override and its withdrawal stay on record.
 */
@Service
public class FindingOverrides {

    private final JdbcClient jdbc;
    private final EnterpriseFiles files;

    public FindingOverrides(JdbcClient jdbc, EnterpriseFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /**
     * The result of an override.
     *
     * @param submissionId the submission
     * @param findingId    the finding
     * @param status       the submission's status afterwards
     * @param changed      false when the finding had been overridden before (that first override stands)
     */
    public record Outcome(long submissionId, long findingId, SubmissionStatus status, boolean changed) {
    }

    /** Overrides a finding; empty when the submission has no such finding. */
    @Transactional
    public Optional<Outcome> override(long submissionId, long findingId, String user, String note, Instant at) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("an override needs a note");
        }
        boolean exists = jdbc.sql("select count(*) from finding where id = ? and submission_id = ?")
                .params(findingId, submissionId).query(Long.class).single() > 0;
        if (!exists) {
            return Optional.empty();
        }
        int updated = jdbc.sql("""
                update finding set overridden_by = ?, overridden_at = ?, override_note = ?
                where id = ? and submission_id = ? and overridden_by is null""")
                .params(user, at.atOffset(ZoneOffset.UTC), note.strip(), findingId, submissionId).update();
        if (updated > 0) {
            record(submissionId, findingId, "OVERRIDE", user, at, note.strip());
        }
        SubmissionStatus status = SubmissionStatus.valueOf(jdbc.sql("select status from submission where id = ?")
                .param(submissionId).query(String.class).single());
        status = rejudge(submissionId, status);
        // the files holding this mail's documents may now be complete
        files.refreshFor(submissionId, at);
        return Optional.of(new Outcome(submissionId, findingId, status, updated > 0));
    }

    /** Withdraws the override of a finding, so that it stands again; empty when the submission has no such finding. */
    @Transactional
    public Optional<Outcome> withdraw(long submissionId, long findingId, String user, Instant at) {
        boolean exists = jdbc.sql("select count(*) from finding where id = ? and submission_id = ?")
                .params(findingId, submissionId).query(Long.class).single() > 0;
        if (!exists) {
            return Optional.empty();
        }
        int updated = jdbc.sql("""
                update finding set overridden_by = null, overridden_at = null, override_note = null
                where id = ? and submission_id = ? and overridden_by is not null""")
                .params(findingId, submissionId).update();
        if (updated > 0) {
            record(submissionId, findingId, "WITHDRAW", user, at, null);
        }
        SubmissionStatus status = SubmissionStatus.valueOf(jdbc.sql("select status from submission where id = ?")
                .param(submissionId).query(String.class).single());
        status = rejudge(submissionId, status);
        return Optional.of(new Outcome(submissionId, findingId, status, updated > 0));
    }

    /**
     * One override or withdrawal, as recorded.
     *
     * @param findingId the finding
     * @param rule      its rule
     * @param action    {@code OVERRIDE} or {@code WITHDRAW}
     * @param by        who
     * @param at        when
     * @param note      the override's note
     */
    public record Event(long findingId, String rule, String action, String by, Instant at, String note) {
    }

    /** Every override and withdrawal on a submission's findings, oldest first. */
    public List<Event> events(long submissionId) {
        return jdbc.sql("""
                select finding_id, rule, action, actor, acted_at, note from finding_override_event
                where submission_id = ? order by acted_at, id""").param(submissionId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.OffsetDateTime.class).toInstant(), rs.getString(6))).list();
    }

    private void record(long submissionId, long findingId, String action, String user, Instant at, String note) {
        jdbc.sql("""
                insert into finding_override_event (submission_id, finding_id, rule, action, actor, acted_at, note)
                select submission_id, id, rule, ?, ?, ?, ? from finding where id = ?""")
                .params(action, user, at.atOffset(ZoneOffset.UTC), note, findingId).update();
    }

    /** A submission carrying forms judged again by the one rule (SubmissionStatus.judged), its new status stored. */
    private SubmissionStatus rejudge(long submissionId, SubmissionStatus status) {
        if (!status.carriesForms()) {
            return status;
        }
        SubmissionStatus now = StoredJudgement.of(jdbc, submissionId);
        if (now != status) {
            jdbc.sql("update submission set status = ? where id = ?").params(now.name(), submissionId).update();
        }
        return now;
    }
}
