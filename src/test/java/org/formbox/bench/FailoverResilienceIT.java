package org.formbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.formbox.support.Postgres;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances ({@code java -jar}, {@code -Xmx512m}) on one PostgreSQL and one mail
 * server, with a shared raw archive, work through a 500-message backlog; whichever polls the
 * mailbox is killed with SIGKILL, twice, and started again as a follower each time. Every message
 * must end with exactly one submission and every sender with a reply; the takeover times, the
 * replies each instance sent and any second reply are printed.
 *
 * <p>{@code bin/resilience failover}; {@code -Dresilience.messages} (500), {@code -Dresilience.kills}
 * (2), {@code -Dresilience.seed} (random; printed, so that a failing run can be repeated).
 */
class FailoverResilienceIT {

    @Test
    void theLeaderKilledTwiceLosesNothingAndDoublesNothing() throws Exception {
        int n = Integer.getInteger("resilience.messages", 500);
        int kills = Integer.getInteger("resilience.kills", 2);
        long seed = Long.getLong("resilience.seed", System.nanoTime());
        Random random = new Random(seed);
        String run = "f" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        System.out.printf("failover test %s: %d messages, %d kills of the leader, seed %d%n", run, n, kills, seed);
        TreeSet<Integer> points = new TreeSet<>();
        while (points.size() < kills) {
            points.add(20 + random.nextInt(n - 100));
        }
        String url = Postgres.newDatabase("failover");
        Path root = Path.of("target/resilience/" + run).toAbsolutePath();
        List<String> log = new ArrayList<>();
        Instant began;
        try (MailServer mail = new MailServer()) {
            for (BenchMails.Mail m : BenchMails.make(run, n)) {
                mail.deliver(m.raw());
            }
            Map<String, ServiceProcess> instances = new TreeMap<>();
            for (String name : List.of("a", "b")) {
                instances.put(name, new ServiceProcess(root.resolve(name), mail.smtpProxy.port, mail.imapProxy.port, "512m",
                        "--spring.datasource.url=" + url, "--spring.datasource.username=" + Postgres.USER,
                        "--spring.datasource.password=", "--formbox.archive.dir=" + root.resolve("shared-archive"),
                        "--formbox.cluster.instance-id=" + name));
            }
            try {
                began = Instant.now();
                // side by side: each start takes most of a minute on two cores
                List<java.util.concurrent.CompletableFuture<ServiceProcess>> starts = new ArrayList<>();
                for (ServiceProcess p : instances.values()) {
                    starts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return p.start();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                starts.forEach(java.util.concurrent.CompletableFuture::join);
                java.util.concurrent.CompletableFuture<?> restarting = java.util.concurrent.CompletableFuture.completedFuture(null);
                for (int point : points) {
                    // two instances up before the next kill, and the point reached after that: a restart takes
                    // most of a minute, in which the leader could empty the inbox past the point
                    restarting.join();
                    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                            .until(() -> n - mail.count("INBOX") >= point);
                    await().pollDelay(Duration.ofMillis(random.nextInt(500))).until(() -> true);
                    String leader = leader(url);
                    ServiceProcess victim = instances.get(leader);
                    victim.kill();
                    Instant killed = Instant.now();
                    int out = n - mail.count("INBOX");
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                            .until(() -> !leader.equals(leader(url)) && leader(url) != null);
                    Duration takeover = Duration.between(killed, Instant.now());
                    // the first message the new leader moves out of the inbox (none when the killed one had emptied it)
                    int before = mail.count("INBOX");
                    if (before > 0) {
                        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                                .until(() -> mail.count("INBOX") < before);
                    }
                    Duration polling = Duration.between(killed, Instant.now());
                    log.add(String.format("kill -9 of leader %s at %d of %d messages out of the inbox: %s leads after %.1f s,"
                                    + (before > 0 ? " moves mail again after %.1f s" : " (the inbox was empty: nothing to move; %.1f s)"),
                            leader, out, n, leader(url), takeover.toMillis() / 1000.0, polling.toMillis() / 1000.0));
                    System.out.println(log.get(log.size() - 1));
                    restarting = java.util.concurrent.CompletableFuture.runAsync(() -> {
                        try {
                            victim.start(); // back as a follower
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                restarting.join();
                try {
                    await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                            .until(() -> mail.count("INBOX") == 0 && mail.repliesByRecipient(BenchMails.DOMAIN).size() == n);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    System.out.println("not every message was answered: " + e.getMessage());
                }
                for (ServiceProcess p : instances.values()) {
                    await().atMost(Duration.ofMinutes(3)).until(() -> p.metric("formbox.reply.backlog") == 0);
                }
            } finally {
                for (ServiceProcess p : instances.values()) {
                    p.stop();
                }
            }
            Duration took = Duration.between(began, Instant.now());
            StoreFacts store = StoreFacts.read(instances.get("a"));
            Map<String, Integer> replies = mail.repliesByRecipient(BenchMails.DOMAIN);
            int extra = replies.values().stream().mapToInt(c -> c - 1).sum();
            Map<String, Integer> sentBy = sentBy(url);
            System.out.printf("failover test %s (seed %d): %.0f s, %d submissions for %d messages, statuses %s, inbox %d,"
                            + " processed folder %d, replies to %d senders, %d second replies, replies sent by %s%n",
                    run, seed, took.toMillis() / 1000.0, store.rows.size(), n, store.statuses(), mail.count("INBOX"),
                    mail.count("Processed"), replies.size(), extra, sentBy);
            log.forEach(System.out::println);

            assertThat(store.submissionsBySender()).as("one submission per message").hasSize(n)
                    .allSatisfy((sender, count) -> assertThat(count).as(sender).isEqualTo(1));
            assertThat(store.rows).as("no failed submission").noneMatch(r -> r.status().equals("FAILED"));
            assertThat(store.rows).as("every reply marked sent").allMatch(r -> "SENT".equals(r.replyState()));
            assertThat(mail.count("INBOX")).as("nothing left in the inbox").isZero();
            assertThat(replies).as("a reply to every sender").hasSize(n);
            assertThat(extra).as("second replies (only a reply in flight at a kill could get one, one per sending lane)")
                    .isLessThanOrEqualTo(kills * ServiceProcess.SENDING_LANES);
            assertThat(sentBy).as("both instances sent replies").hasSize(2);
        }
    }

    /** The instance holding the mailbox lease now, or null when nobody does. */
    private static String leader(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select locked_by from cluster_lock where name = 'mailbox-leader'"
                     + " and lock_until > current_timestamp at time zone 'utc'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Map<String, Integer> sentBy(String url) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select claimed_by, count(*) from outbox where kind = 'REPLY' and state = 'SENT' group by claimed_by")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }
}
