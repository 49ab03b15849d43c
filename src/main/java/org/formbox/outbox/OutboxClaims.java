package org.formbox.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.formbox.cluster.ClusterSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims of outbox rows by the instances that drain the outbox together. A claim is one
 * conditional UPDATE (portable, and short: no lock is held while the mail is sent); the row then
 * carries the instance's name in {@code claimed_by} (kept after sending: who sent it) and a
 * deadline in {@code claimed_until}, after which another instance may retry a row whose claimant died.
 */
@Component
public class OutboxClaims {

    private final JdbcClient jdbc;
    private final ClusterSettings settings;

    OutboxClaims(JdbcClient jdbc, ClusterSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Claims a pending row for this instance; false when it is sent, or claimed by a live claim. */
    public boolean claim(long outboxId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbc.sql("""
                update outbox set claimed_by = ?, claimed_until = ?
                where id = ? and state = 'PENDING' and (claimed_until is null or claimed_until < ?)""")
                .params(settings.instanceId(), now.plus(settings.outboxClaim()), outboxId, now)
                .update() == 1;
    }
}
