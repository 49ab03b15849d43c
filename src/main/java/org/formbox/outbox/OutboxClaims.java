package org.formbox.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.formbox.cluster.ClusterSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims of outbox rows by the instances that drain the outbox together. A claim is one
 * conditional UPDATE (portable, and short: no lock is held while the mail is sent); the row then
 * carries the instance's name in {@code claimed_by} (kept after sending: who sent it), a deadline in
 * {@code claimed_until}, after which another instance may retry a row whose claimant died, and the
 * token of the claim in {@code claim_token}.
 *
 * <p>A sender's round is claimed in one statement ({@link #claim(Collection)}: one commit for the
 * round, not one a mail); the token tells which of the rows asked for this instance got (another may
 * hold some). While the round lasts, {@link Round#keep()} extends the claim on the rows not yet done
 * before it runs short, so that the deadline stays true for every mail of the round however long the
 * round takes; {@link Round#release()} gives back at the end what was not sent.
 */
@Component
public class OutboxClaims {

    private final JdbcClient jdbc;
    private final ClusterSettings settings;
    private final Clock clock;

    @Autowired
    OutboxClaims(JdbcClient jdbc, ClusterSettings settings) {
        this(jdbc, settings, Clock.systemUTC());
    }

    OutboxClaims(JdbcClient jdbc, ClusterSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Claims a pending row for this instance; false when it is sent, or claimed by a live claim. */
    public boolean claim(long outboxId) {
        return claim(List.of(outboxId)).holds(outboxId);
    }

    /**
     * Claims, in one statement, those of these rows that are pending and not under a live claim; the
     * round tells which this instance now holds.
     */
    public Round claim(Collection<Long> outboxIds) {
        Round round = new Round(UUID.randomUUID().toString());
        if (outboxIds.isEmpty()) {
            return round;
        }
        Instant now = clock.instant();
        Instant until = now.plus(settings.outboxClaim());
        int claimed = jdbc.sql("""
                update outbox set claimed_by = ?, claimed_until = ?, claim_token = ?
                where state = 'PENDING' and (claimed_until is null or claimed_until < ?) and id in (%s)""".formatted(marks(outboxIds.size())))
                .params(with(outboxIds, settings.instanceId(), until.atOffset(ZoneOffset.UTC), round.token, now.atOffset(ZoneOffset.UTC)))
                .update();
        round.until = until;
        if (claimed > 0) {
            round.held.addAll(outboxIds);
            if (claimed < outboxIds.size()) {
                round.held.retainAll(round.heldNow());
            }
        }
        return round;
    }

    /** The rows one claim holds; the lanes of a round share it (its methods take turns). */
    public final class Round {

        private final String token;
        private final Set<Long> held = new HashSet<>();
        private Instant until;

        private Round(String token) {
            this.token = token;
        }

        /** Whether this instance holds this row (as of the claim or its last extension), and has not said it is done with it. */
        public synchronized boolean holds(long outboxId) {
            return held.contains(outboxId);
        }

        /** How many rows the claim holds and are not done. */
        public synchronized int size() {
            return held.size();
        }

        /** The row is sent, cancelled or set to be retried: its own statement ended the claim on it. */
        public synchronized void done(long outboxId) {
            held.remove(outboxId);
        }

        /**
         * Called before each mail of the round: when less than seven eighths of the claim's span is
         * left, extends the claim on the rows of this round not yet done (one statement) and learns
         * again which they are: a row whose claim ran out and that another instance took is no longer
         * held. So every mail starts with nearly the whole claim ahead of it (105 s of the default
         * 2 minutes; a single claim per mail gave it 120 s), however long the round takes, at the cost
         * of one statement per eighth of the claim in a slow round (none in a round of usual speed).
         */
        public synchronized void keep() {
            if (held.isEmpty()) {
                return;
            }
            Duration span = settings.outboxClaim();
            Instant now = clock.instant();
            if (Duration.between(now, until).compareTo(span.minus(span.dividedBy(8))) >= 0) {
                return;
            }
            Instant next = now.plus(span);
            // the token only matches while no other instance has claimed the row since
            int kept = jdbc.sql("""
                    update outbox set claimed_until = ? where claim_token = ? and state = 'PENDING' and claimed_until is not null
                    and id in (%s)""".formatted(marks(held.size())))
                    .params(with(held, next.atOffset(ZoneOffset.UTC), token)).update();
            until = next;
            if (kept < held.size()) {
                held.retainAll(heldNow());
            }
        }

        /** Gives back the rows of this round not done (a round cut short), for any instance to take at once. */
        public synchronized void release() {
            if (held.isEmpty()) {
                return;
            }
            jdbc.sql("""
                    update outbox set claimed_until = null where claim_token = ? and state = 'PENDING' and claimed_until is not null
                    and id in (%s)""".formatted(marks(held.size())))
                    .params(with(held, token)).update();
            held.clear();
        }

        /** When the claim runs out, for the tests. */
        synchronized Instant until() {
            return until;
        }

        private Set<Long> heldNow() {
            return new HashSet<>(jdbc.sql("""
                    select id from outbox where claim_token = ? and state = 'PENDING' and claimed_until is not null
                    and id in (%s)""".formatted(marks(held.size())))
                    .params(with(held, token)).query(Long.class).list());
        }
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** These parameters, then the ids. */
    private static Object[] with(Collection<Long> ids, Object... first) {
        Object[] params = new Object[first.length + ids.size()];
        System.arraycopy(first, 0, params, 0, first.length);
        int i = first.length;
        for (long id : ids) {
            params[i++] = id;
        }
        return params;
    }
}
