package org.formbox.submission;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link SubmissionStatus#judged} applied to a stored submission: its documents and standing findings. */
final class StoredJudgement {

    private StoredJudgement() {
    }

    /** The status a stored submission that carries forms has now. */
    static SubmissionStatus of(JdbcClient jdbc, long submissionId) {
        boolean annexRead = jdbc.sql("select count(*) from document where submission_id = ? and annex not in ('OTHER', 'UNREADABLE')")
                .param(submissionId).query(Long.class).single() > 0;
        boolean errorStands = jdbc.sql(
                "select count(*) from finding where submission_id = ? and severity = 'error' and overridden_by is null")
                .param(submissionId).query(Long.class).single() > 0;
        return SubmissionStatus.judged(annexRead, errorStands);
    }
}
