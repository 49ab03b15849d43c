package org.formbox.submission;

import java.util.List;
import java.util.Optional;
import org.formbox.submission.SubmissionView.Detail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The versions of an enterprise's submission, and the latest one of every enterprise. */
@Service
public class EnterpriseHistory {

    private final JdbcClient jdbc;
    private final SubmissionSearch search;

    public EnterpriseHistory(JdbcClient jdbc, SubmissionSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /** The key linking the versions a submission belongs to; empty for one without forms. */
    public Optional<String> enterpriseKey(long submissionId) {
        return jdbc.sql("select enterprise_key from submission where id = ?").param(submissionId)
                .query(String.class).optional();
    }

    /** Every version of an enterprise's submission, the first first. */
    public List<Detail> versions(String enterpriseKey) {
        return jdbc.sql("select id from submission where enterprise_key = ? order by version, id")
                .param(enterpriseKey).query(Long.class).list()
                .stream().map(id -> search.detail(id).orElseThrow()).toList();
    }

    /** The current submission of every enterprise, by enterprise name. */
    public List<Detail> latest() {
        return jdbc.sql("""
                select id from submission
                where enterprise_key is not null and superseded_by is null
                order by enterprise_name, id""")
                .query(Long.class).list()
                .stream().map(id -> search.detail(id).orElseThrow()).toList();
    }
}
