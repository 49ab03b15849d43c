package org.formbox.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.formbox.cluster.ClusterSettings;
import org.formbox.support.MovableClock;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox's rounds in a real store (H2 with the service's migrations): a round claimed in one
 * statement, each mail marked sent on its own, the claim kept true while a long round lasts, and what
 * a round did not get to given back at once.
 */
class OutboxSenderTests {

    private static final Duration CLAIM = Duration.ofMinutes(2);

    private JdbcClient jdbc;
    private MovableClock clock;
    private OutboxClaims mine;
    private OutboxClaims other;
    private final List<Long> sent = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();
    private Consumer<Outbox.Entry> onSend = e -> { };

    @BeforeEach
    void store() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:outbox-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
        clock = new MovableClock(Instant.now(), ZoneOffset.UTC);
        mine = new OutboxClaims(jdbc, settings("mine"), clock);
        other = new OutboxClaims(jdbc, settings("other"), clock);
    }

    private static ClusterSettings settings(String instance) {
        return new ClusterSettings(instance, Duration.ofSeconds(20), Duration.ofSeconds(5), List.of(), Duration.ofMinutes(1), CLAIM);
    }

    private OutboxSender sender() {
        return sender(1);
    }

    private OutboxSender sender(int lanes) {
        MailTransport transport = new MailTransport(new MailSettings(false, "forms@formbox.test",
                new MailSettings.Imap("127.0.0.1", 1, "u", "p", false, "INBOX", "Processed", "Failed"),
                new MailSettings.Smtp("127.0.0.1", 1, null, null, false)));
        OutboxMail replies = new OutboxMail() {
            @Override
            public Outbox.Kind kind() {
                return Outbox.Kind.REPLY;
            }

            @Override
            public Outbox.Result send(Outbox.Entry entry, Instant at) {
                onSend.accept(entry);
                synchronized (sent) {
                    sent.add(entry.id());
                    threads.add(Thread.currentThread().getName());
                }
                return new Outbox.Sent("s", "t", "<" + entry.id() + "@formbox.test>", at);
            }
        };
        return new OutboxSender(new Outbox(jdbc, mine), transport, List.of(replies), lanes);
    }

    private List<Long> queue(int n) {
        List<Long> ids = new ArrayList<>();
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        for (int i = 0; i < n; i++) {
            jdbc.sql("insert into outbox (kind, recipient, state, attempts, next_attempt_at, created_at) values ('REPLY', ?, 'PENDING', 0, ?, ?)")
                    .params("r" + i + "@nbtest.cn", due, due).update();
            ids.add(jdbc.sql("select max(id) from outbox").query(Long.class).single());
        }
        return ids;
    }

    private String state(long id) {
        return jdbc.sql("select state from outbox where id = ?").param(id).query(String.class).single();
    }

    private OffsetDateTime claimedUntil(long id) {
        return jdbc.sql("select claimed_until from outbox where id = ?").param(id).query(OffsetDateTime.class).optional().orElse(null);
    }

    @Test
    void aRoundIsClaimedBeforeItsFirstMailAndEachMailIsMarkedSentOnItsOwn() {
        List<Long> ids = queue(5);
        onSend = entry -> {
            // all the round's rows claimed by one claim before the first mail went
            assertThat(jdbc.sql("select count(distinct claim_token) from outbox where claimed_by = 'mine'").query(Long.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from outbox where claimed_by = 'mine'").query(Long.class).single()).isEqualTo(5);
            // the mails before this one are marked sent, this one and the later ones not yet
            int k = ids.indexOf(entry.id());
            for (int j = 0; j < ids.size(); j++) {
                assertThat(state(ids.get(j))).as("row %d while sending %d", j, k).isEqualTo(j < k ? "SENT" : "PENDING");
            }
        };

        assertThat(sender().sendDue()).isEqualTo(5);

        assertThat(sent).containsExactlyElementsOf(ids);
        assertThat(ids).allSatisfy(id -> assertThat(state(id)).isEqualTo("SENT"));
    }

    @Test
    void rowsAnotherInstanceHoldsAreLeftToIt() {
        List<Long> ids = queue(4);
        assertThat(other.claim(ids.get(1))).isTrue();

        OutboxClaims.Round round = mine.claim(ids);

        assertThat(round.size()).isEqualTo(3);
        assertThat(round.holds(ids.get(1))).isFalse();
        assertThat(round.holds(ids.get(0)) && round.holds(ids.get(2)) && round.holds(ids.get(3))).isTrue();
        assertThat(other.claim(ids).size()).as("nothing left to claim").isZero();
        assertThat(jdbc.sql("select claimed_by from outbox where id = ?").param(ids.get(1)).query(String.class).single()).isEqualTo("other");
    }

    @Test
    void aRoundLongerThanTheClaimKeepsItsRowsClaimedUntilEachIsSent() {
        List<Long> ids = queue(6);
        onSend = entry -> {
            // each mail starts with at least seven eighths of the claim ahead of it ...
            assertThat(Duration.between(clock.instant(), claimedUntil(entry.id()).toInstant()))
                    .isGreaterThanOrEqualTo(CLAIM.minus(CLAIM.dividedBy(8)));
            // ... and the rows still to come stay out of another instance's reach
            assertThat(other.claim(ids).size()).isZero();
            clock.advance(Duration.ofSeconds(50)); // six slow mails: 5 minutes, more than twice the claim
        };

        assertThat(sender().sendDue()).isEqualTo(6);

        assertThat(sent).containsExactlyElementsOf(ids);
    }

    @Test
    void aRowWhoseClaimRanOutAndThatAnotherInstanceTookIsNotSentAgain() {
        List<Long> ids = queue(3);
        onSend = entry -> {
            if (entry.id() == ids.get(0)) {
                clock.advance(CLAIM.plusSeconds(1)); // a mail that hung longer than the whole claim
                assertThat(other.claim(ids.get(2))).isTrue();
            }
        };

        assertThat(sender().sendDue()).isEqualTo(2);

        assertThat(sent).containsExactly(ids.get(0), ids.get(1));
        assertThat(state(ids.get(2))).isEqualTo("PENDING");
        assertThat(jdbc.sql("select claimed_by from outbox where id = ?").param(ids.get(2)).query(String.class).single()).isEqualTo("other");
        assertThat(claimedUntil(ids.get(2))).as("the other instance's claim is untouched").isNotNull();
    }

    @Test
    void whatARoundCutShortDidNotGetToIsGivenBackAtOnce() {
        List<Long> ids = queue(4);
        onSend = entry -> {
            throw new IllegalStateException(new ConnectException("Connection refused"));
        };

        assertThat(sender().sendDue()).isZero();

        assertThat(sent).isEmpty();
        // the first was tried and waits for its next attempt; the rest are free for any instance now, not in 2 minutes
        assertThat(jdbc.sql("select attempts from outbox where id = ?").param(ids.get(0)).query(Integer.class).single()).isEqualTo(1);
        assertThat(ids).allSatisfy(id -> assertThat(claimedUntil(id)).isNull());
        assertThat(other.claim(ids.subList(1, 4)).size()).isEqualTo(3);
    }

    @Test
    void aLargeRoundIsSentInLanesSideBySideEachMailOnceAndMarkedOnItsOwn() throws Exception {
        List<Long> ids = queue(60);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(3);
        java.util.Set<Long> firsts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        onSend = entry -> {
            // the first mail of each lane waits for the other two lanes' first: they run side by side
            if (firsts.size() < 3 && firsts.add(entry.id())) {
                try {
                    together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the lanes did not run side by side", e);
                }
            }
        };

        try (OutboxSender sender = sender(3)) {
            assertThat(sender.sendDue()).isEqualTo(60);
        }

        assertThat(sent).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
        assertThat(threads).allMatch(t -> t.startsWith("formbox-sender-"));
        assertThat(java.util.Set.copyOf(threads)).hasSize(3);
        assertThat(ids).allSatisfy(id -> assertThat(state(id)).isEqualTo("SENT"));
        assertThat(ids).allSatisfy(id -> assertThat(claimedUntil(id)).isNull());
        // each lane sends its share oldest first
        for (String lane : java.util.Set.copyOf(threads)) {
            List<Long> its = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                if (threads.get(i).equals(lane)) {
                    its.add(sent.get(i));
                }
            }
            assertThat(its).isSorted().hasSize(20);
        }
    }

    @Test
    void aFewMailsGoOverOneConnectionOnTheTimersThread() {
        List<Long> ids = queue(OutboxSender.PER_LANE + 3);

        try (OutboxSender sender = sender(4)) {
            assertThat(sender.sendDue()).isEqualTo(ids.size());
        }

        assertThat(sent).containsExactlyElementsOf(ids);
        assertThat(java.util.Set.copyOf(threads)).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aLaneWhoseServerIsDownGivesBackWhatItDidNotGetToAndTheOthersGoOn() {
        List<Long> ids = queue(40);
        long failing = ids.get(1); // the second lane's first mail
        onSend = entry -> {
            if (entry.id() == failing) {
                throw new IllegalStateException(new ConnectException("Connection refused"));
            }
        };

        try (OutboxSender sender = sender(2)) {
            assertThat(sender.sendDue()).isEqualTo(20);
        }

        // the first lane sent all of its 20; the second tried one, which waits for its next attempt
        assertThat(sent).hasSize(20).allMatch(id -> ids.indexOf(id) % 2 == 0);
        assertThat(jdbc.sql("select attempts from outbox where id = ?").param(failing).query(Integer.class).single()).isEqualTo(1);
        assertThat(ids).allSatisfy(id -> assertThat(claimedUntil(id)).isNull());
        assertThat(other.claim(ids.stream().filter(id -> ids.indexOf(id) % 2 == 1 && id != failing).toList()).size())
                .as("the second lane's other rows are free for any instance at once").isEqualTo(19);
    }
}
