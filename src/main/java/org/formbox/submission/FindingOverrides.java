package org.formbox.submission;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator's decision that a finding does not stand, recorded with who, when and why. When no
 * error finding is left standing and at least one annex was read, the submission becomes
 * {@code ACCEPTED}; otherwise its status is kept.
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
        SubmissionStatus status = SubmissionStatus.valueOf(jdbc.sql("select status from submission where id = ?")
                .param(submissionId).query(String.class).single());
        if (status == SubmissionStatus.NEEDS_CORRECTION && noStandingErrors(submissionId) && annexRead(submissionId)) {
            jdbc.sql("update submission set status = 'ACCEPTED' where id = ?").param(submissionId).update();
            status = SubmissionStatus.ACCEPTED;
        }
        // the files holding this mail's documents may now be complete
        files.refreshFor(submissionId, at);
        return Optional.of(new Outcome(submissionId, findingId, status, updated > 0));
    }

    private boolean noStandingErrors(long submissionId) {
        return jdbc.sql("select count(*) from finding where submission_id = ? and severity = 'error' and overridden_by is null")
                .param(submissionId).query(Long.class).single() == 0;
    }

    private boolean annexRead(long submissionId) {
        return jdbc.sql("select count(*) from document where submission_id = ? and annex in ('ANNEX_1', 'ANNEX_2')")
                .param(submissionId).query(Long.class).single() > 0;
    }
}
