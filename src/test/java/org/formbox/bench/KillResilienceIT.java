package org.formbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The service killed with SIGKILL at random points while it works through a 500-message backlog,
 * restarted, five times: every message ends with exactly one submission, none is lost, every
 * sender gets a reply, and only a message in flight at a kill may get a second one.
 *
 * <p>{@code bin/resilience kill}; {@code -Dresilience.messages} (500), {@code -Dresilience.kills}
 * (5), {@code -Dresilience.seed} (random; printed, so that a failing run can be repeated).
 */
class KillResilienceIT {

    @Test
    void killedFiveTimesWhileWorkingThroughABacklogLosesNothing() throws Exception {
        int n = Integer.getInteger("resilience.messages", 500);
        int kills = Integer.getInteger("resilience.kills", 5);
        long seed = Long.getLong("resilience.seed", System.nanoTime());
        Random random = new Random(seed);
        String run = "k" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        System.out.printf("kill test %s: %d messages, %d kills, seed %d%n", run, n, kills, seed);

        // kill points: when this many messages have left the inbox, plus a random pause of up to
        // half a second, so that a kill lands anywhere in the handling of a message or a reply
        TreeSet<Integer> points = new TreeSet<>();
        while (points.size() < kills) {
            points.add(10 + random.nextInt(n - 60));
        }
        List<String> log = new ArrayList<>();
        try (MailServer mail = new MailServer()) {
            for (BenchMails.Mail m : BenchMails.make(run, n)) {
                mail.deliver(m.raw());
            }
            ServiceProcess service = new ServiceProcess(Path.of("target/resilience/" + run).toAbsolutePath(),
                    mail.smtpProxy.port, mail.imapProxy.port, "512m");
            try (service) {
                for (int point : points) {
                    service.start();
                    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                            .until(() -> n - mail.count("INBOX") >= point);
                    await().pollDelay(Duration.ofMillis(random.nextInt(500))).until(() -> true);
                    int replies = mail.repliesByRecipient(BenchMails.DOMAIN).size();
                    service.kill();
                    log.add(String.format("kill -9 at %d of %d messages out of the inbox, %d replies received",
                            n - mail.count("INBOX"), n, replies));
                    System.out.println(log.get(log.size() - 1));
                }
                service.start();
                try {
                    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                            .until(() -> mail.count("INBOX") == 0 && mail.repliesByRecipient(BenchMails.DOMAIN).size() == n);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    System.out.println("not every message was answered: " + e.getMessage()); // the assertions below say which
                }
                // let the last replies' marks land before the orderly stop; a reply the killed instance had
                // claimed is retried once its claim runs out (formbox.cluster.outbox-claim, 2 minutes)
                await().atMost(Duration.ofMinutes(3)).until(() -> service.metric("formbox.reply.backlog") == 0);
                service.stop();
            }
            StoreFacts store = StoreFacts.read(service);
            Map<String, Integer> replies = mail.repliesByRecipient(BenchMails.DOMAIN);
            long twice = replies.values().stream().filter(c -> c > 1).count();
            int extra = replies.values().stream().mapToInt(c -> c - 1).sum();
            System.out.printf("kill test %s (seed %d): %d starts, %d submissions for %d messages, statuses %s, "
                            + "inbox %d, processed folder %d, replies to %d senders, %d got a second reply (%d extra)%n",
                    run, seed, service.starts(), store.rows.size(), n, store.statuses(), mail.count("INBOX"),
                    mail.count("Processed"), replies.size(), twice, extra);
            log.forEach(System.out::println);

            List<String> lost = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!store.submissionsBySender().containsKey(BenchMails.sender(run, i))) {
                    lost.add(BenchMails.sender(run, i));
                }
            }
            assertThat(lost).as("messages without a submission").isEmpty();
            assertThat(store.submissionsBySender()).as("one submission per message").hasSize(n)
                    .allSatisfy((sender, count) -> assertThat(count).as(sender).isEqualTo(1));
            assertThat(store.rows).as("no failed submission").noneMatch(r -> r.status().equals("FAILED"));
            assertThat(store.rows).as("every reply marked sent").allMatch(r -> "SENT".equals(r.replyState()));
            assertThat(mail.count("INBOX")).as("nothing left in the inbox").isZero();
            assertThat(replies).as("a reply to every sender").hasSize(n);
            // a kill can catch each of the outbox's lanes between the server's acceptance and the mark
            assertThat(extra).as("second replies: at most one per sending lane and kill").isLessThanOrEqualTo(kills * ServiceProcess.SENDING_LANES);
        }
    }
}
