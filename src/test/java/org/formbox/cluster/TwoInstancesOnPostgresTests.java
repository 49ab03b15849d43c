package org.formbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.formbox.FormboxApplication;
import org.formbox.outbox.OutboxClaims;
import org.formbox.support.Mailbox;
import org.formbox.support.OnPostgres;
import org.formbox.support.Postgres;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two instances of the service, each a whole Spring context, on one PostgreSQL database and one
 * mail server: one polls the mailbox, both send replies, the digest goes out once per firing, and
 * when the leader dies the other takes the mailbox over (last, as it ends one of the two).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesOnPostgresTests {

    /** This run's archive folder: one left by an earlier run would be reconciled into the fresh store. */
    private static final String RUN = java.util.UUID.randomUUID().toString();

    static final String ADDRESS = "forms@formbox.test";
    static GreenMail mail;
    static String url;
    static JdbcTemplate db;
    static Mailbox mailbox;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void mailServerAndDatabase() {
        int smtp = OnPostgres.freePort();
        int imap = OnPostgres.freePort();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.withConfiguration(GreenMailConfiguration.aConfig().withUser(ADDRESS, ADDRESS, ADDRESS));
        mail.start();
        url = Postgres.newDatabase("cluster");
        db = new JdbcTemplate(new DriverManagerDataSource(url, Postgres.USER, ""));
        mailbox = new Mailbox(new MailSettings(false, ADDRESS,
                new MailSettings.Imap("127.0.0.1", imap, ADDRESS, ADDRESS, false, "INBOX", "Processed", "Failed"),
                new MailSettings.Smtp("127.0.0.1", smtp, null, null, false)));
        first = instance("first");
        second = instance("second");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {first, second}) {
            if (c != null) {
                c.close();
            }
        }
        mail.stop();
    }

    /** An instance as {@code java -jar} starts it: the settings as command-line arguments, above application.properties. */
    static ConfigurableApplicationContext instance(String name) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FormboxApplication.class).run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Postgres.USER,
                "--spring.datasource.password=",
                "--server.port=0",
                "--formbox.mail.embedded=false",
                "--formbox.mail.smtp.port=" + mail.getSmtp().getPort(),
                "--formbox.mail.imap.port=" + mail.getImap().getPort(),
                "--formbox.mail.poll-delay=250",
                "--formbox.reply.poll-period=250",
                "--formbox.archive.dir=target/test-data/cluster/archive-" + RUN,
                "--formbox.cluster.instance-id=" + name,
                "--formbox.cluster.lease=PT10S",
                "--formbox.cluster.renew-every=PT1S",
                "--formbox.digest.cron=*/4 * * * * *",
                "--formbox.cluster.schedule-hold=PT2S",
                "--formbox.security.users[0].username=staff",
                "--formbox.security.users[0].password={noop}staff-pass",
                "--formbox.security.users[0].role=STAFF");
        return context;
    }

    static boolean leads(ConfigurableApplicationContext context) {
        return context.getBean(Leadership.class).isLeader();
    }

    static void deliver(String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String sender = prefix + i + "@nbtest.cn";
            mailbox.deliver(TestMails.from(sender).build(), sender);
        }
    }

    static long count(String sql) {
        return db.queryForObject(sql, Long.class);
    }

    /** Every sender of the run has exactly one reply in their inbox. */
    static void answeredOnce(String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            assertThat(mailbox.inboxOf(prefix + i + "@nbtest.cn")).hasSize(1);
        }
    }

    static int health(ConfigurableApplicationContext context) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @Order(3)
    void oneInstancePollsBothAnswerAndTheOtherTakesOverWhenTheLeaderDies() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> leads(first) || leads(second));
        ConfigurableApplicationContext leader = leads(first) ? first : second;
        ConfigurableApplicationContext follower = leader == first ? second : first;
        assertThat(leads(follower)).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> health(leader) == 200);
        assertThat(health(follower)).as("an idle follower is healthy").isEqualTo(200);

        deliver("before.", 12);
        await().atMost(Duration.ofSeconds(90)).until(() -> count("select count(*) from outbox where kind = 'REPLY' and state = 'SENT'") == 12);
        assertThat(count("select count(*) from submission")).isEqualTo(12);
        assertThat(leads(follower)).isFalse();
        answeredOnce("before.", 12);

        // the leader dies just after renewing its lease: the lease stays in the table until it runs out
        String leaderName = leader.getBean(Leadership.class).instanceId();
        leader.close();
        db.update("update cluster_lock set lock_until = current_timestamp at time zone 'utc' + interval '10 seconds', "
                + "locked_by = ? where name = ?", leaderName, Leadership.LOCK);
        Instant died = Instant.now();
        String followerName = follower.getBean(Leadership.class).instanceId();
        await().atMost(Duration.ofSeconds(30)).until(() -> leads(follower) && followerName.equals(
                db.queryForObject("select locked_by from cluster_lock where name = ?", String.class, Leadership.LOCK)));
        Duration takeover = Duration.between(died, Instant.now());
        assertThat(takeover).isLessThan(Duration.ofSeconds(30)).isGreaterThan(Duration.ofSeconds(5));

        deliver("after.", 8);
        await().atMost(Duration.ofSeconds(90)).until(() -> count("select count(*) from outbox where kind = 'REPLY' and state = 'SENT'") == 20);
        assertThat(count("select count(*) from submission")).isEqualTo(20);
        assertThat(count("select count(distinct message_key) from submission")).isEqualTo(20);
        answeredOnce("before.", 12);
        answeredOnce("after.", 8);
        assertThat(mailbox.messageIds("Processed")).hasSize(20);
        assertThat(mailbox.messageIds("INBOX")).isEmpty();
    }

    @Test
    @Order(2)
    void theDigestGoesOutOncePerFiring() {
        long before = count("select count(*) from digest_run");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from digest_run") >= before + 3);
        List<Instant> sent = db.queryForList("select sent_at from digest_run order by sent_at", Timestamp.class)
                .stream().map(Timestamp::toInstant).toList();
        for (int i = 1; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 1), sent.get(i))).as("digests %s and %s", sent.get(i - 1), sent.get(i))
                    .isGreaterThan(Duration.ofSeconds(2));
        }
        // each firing's digest is one outbox row, sent by one of the two instances
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from outbox where kind = 'DIGEST' and state = 'SENT'")
                >= before + 3);
        long fired = count("select count(*) from digest_run");
        assertThat(count("select count(*) from outbox where kind = 'DIGEST'")).isBetween(fired, fired + 1);
    }

    @Test
    @Order(1)
    void anOutboxRowIsClaimedByOneInstanceOnly() throws Exception {
        // rows of a kind no sender picks up, so that only the two claimers below compete for them
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(db.queryForObject("""
                    insert into outbox (kind, recipient, state, next_attempt_at, created_at)
                    values ('CLAIM-TEST', ?, 'PENDING', now(), now()) returning id""", Long.class, "claim" + i + "@nbtest.cn"));
        }
        OutboxClaims a = first.getBean(OutboxClaims.class);
        OutboxClaims b = second.getBean(OutboxClaims.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> claimAllA = () -> (int) ids.stream().filter(a::claim).count();
            Callable<Integer> claimAllB = () -> (int) ids.stream().filter(b::claim).count();
            Future<Integer> byA = pool.submit(claimAllA);
            Future<Integer> byB = pool.submit(claimAllB);
            assertThat(byA.get() + byB.get()).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from outbox where kind = 'CLAIM-TEST' and claimed_by is not null")).isEqualTo(200);
        long row = ids.get(0);
        assertThat(a.claim(row) || b.claim(row)).isFalse();
        // a claimant that died: its claim runs out and another instance may retry the row
        db.update("update outbox set claimed_until = now() - interval '1 second' where id = ?", row);
        assertThat(b.claim(row)).isTrue();
        assertThat(a.claim(row)).isFalse();
        db.update("delete from outbox where kind = 'CLAIM-TEST'");
    }

    @Test
    @Order(2)
    void roundsClaimedInOneStatementEachNeverShareARow() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(db.queryForObject("""
                    insert into outbox (kind, recipient, state, next_attempt_at, created_at)
                    values ('CLAIM-TEST', ?, 'PENDING', now(), now()) returning id""", Long.class, "round" + i + "@nbtest.cn"));
        }
        OutboxClaims a = first.getBean(OutboxClaims.class);
        OutboxClaims b = second.getBean(OutboxClaims.class);
        List<Long> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Long> byA = new ArrayList<>();
        List<Long> byB = new ArrayList<>();
        try {
            // overlapping rounds of 50, one instance from each end, at the same time
            Future<?> roundsA = pool.submit(() -> {
                for (int from = 0; from < 200; from += 25) {
                    List<Long> asked = ids.subList(from, Math.min(200, from + 50));
                    OutboxClaims.Round round = a.claim(asked);
                    asked.stream().filter(round::holds).forEach(byA::add);
                }
            });
            Future<?> roundsB = pool.submit(() -> {
                for (int from = 0; from < 200; from += 25) {
                    List<Long> asked = reversed.subList(from, Math.min(200, from + 50));
                    OutboxClaims.Round round = b.claim(asked);
                    asked.stream().filter(round::holds).forEach(byB::add);
                }
            });
            roundsA.get();
            roundsB.get();
        } finally {
            pool.shutdown();
        }
        assertThat(byA.size() + byB.size()).isEqualTo(200);
        assertThat(byA).doesNotContainAnyElementsOf(byB);
        assertThat(count("select count(*) from outbox where kind = 'CLAIM-TEST' and claimed_by = 'first'")).isEqualTo(byA.size());
        // a round given back is free for the other instance at once
        db.update("update outbox set claimed_until = null where kind = 'CLAIM-TEST'");
        OutboxClaims.Round round = a.claim(ids.subList(0, 10));
        assertThat(round.size()).isEqualTo(10);
        assertThat(b.claim(ids.subList(0, 10)).size()).isZero();
        round.release();
        assertThat(b.claim(ids.subList(0, 10)).size()).isEqualTo(10);
        db.update("delete from outbox where kind = 'CLAIM-TEST'");
    }
}
