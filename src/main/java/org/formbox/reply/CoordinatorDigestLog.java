package org.formbox.reply;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** When digests were sent: the last one bounds what the next calls new. */
@Component
class CoordinatorDigestLog {

    private final JdbcClient jdbc;

    CoordinatorDigestLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> lastSentAt() {
        return jdbc.sql("select max(sent_at) from digest_run").query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional().map(OffsetDateTime::toInstant);
    }

    void record(Instant sentAt, String recipient, int newCount, String requestedBy) {
        jdbc.sql("insert into digest_run (sent_at, recipient, new_count, requested_by) values (?, ?, ?, ?)")
                .params(sentAt.atOffset(ZoneOffset.UTC), recipient, newCount, requestedBy).update();
    }
}
