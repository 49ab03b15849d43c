package org.formbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mail server down for a minute (IMAP and SMTP both: listening sockets closed, open
 * connections cut) while the service works, then back: health is DOWN for the whole minute, the
 * service recovers by itself, and every message gets one submission and one reply.
 *
 * <p>{@code bin/resilience outage}; {@code -Dresilience.outage} (seconds, 60).
 */
class MailOutageResilienceIT {

    @Test
    void recoversByItselfWhenTheMailServerComesBackAndLosesNothing() throws Exception {
        int n = 120;
        int outage = Integer.getInteger("resilience.outage", 60);
        String run = "o" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<BenchMails.Mail> mails = BenchMails.make(run, n);
        try (MailServer mail = new MailServer()) {
            ServiceProcess service = new ServiceProcess(Path.of("target/resilience/" + run).toAbsolutePath(),
                    mail.smtpProxy.port, mail.imapProxy.port, "512m");
            try (service) {
                service.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> service.healthStatus() == 200);
                for (BenchMails.Mail m : mails.subList(0, n / 2)) {
                    mail.deliver(m.raw());
                }
                await().atMost(Duration.ofMinutes(2)).until(() -> mail.repliesByRecipient(BenchMails.DOMAIN).size() >= 10);

                mail.imapProxy.down();
                mail.smtpProxy.down();
                Instant down = Instant.now();
                System.out.printf("outage %s: mail server down with %d of %d messages out of the inbox, %d replies%n", run,
                        n / 2 - mail.count("INBOX"), n / 2, mail.repliesByRecipient(BenchMails.DOMAIN).size());
                // mail keeps arriving at the (unreachable) server meanwhile
                for (BenchMails.Mail m : mails.subList(n / 2, n)) {
                    mail.deliver(m.raw());
                }
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> service.healthStatus() == 503);
                String health = service.health();
                System.out.println("health while down: " + health);
                assertThat(health).contains("\"mailbox\":{\"status\":\"DOWN\"").contains("\"smtp\":{\"status\":\"DOWN\"");
                Duration rest = Duration.ofSeconds(outage).minus(Duration.between(down, Instant.now()));
                await().during(rest).atMost(rest.plusSeconds(10)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> service.alive() && service.healthStatus() == 503);

                mail.imapProxy.up();
                mail.smtpProxy.up();
                Instant up = Instant.now();
                int before = mail.repliesByRecipient(BenchMails.DOMAIN).size();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                        .until(() -> mail.repliesByRecipient(BenchMails.DOMAIN).size() > before);
                double resumed = BenchmarkIT.seconds(up, Instant.now());
                // Camel's consumer check stays DOWN until the first poll after the outage has finished its batch
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> service.healthStatus() == 200);
                double healthy = BenchmarkIT.seconds(up, Instant.now());
                await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> mail.count("INBOX") == 0 && mail.repliesByRecipient(BenchMails.DOMAIN).size() == n);
                double drained = BenchmarkIT.seconds(up, Instant.now());
                System.out.printf("outage %s: down %d s; first reply %.1f s, health UP %.1f s and every reply out %.1f s after the server came back%n",
                        run, outage, resumed, healthy, drained);
                assertThat(service.alive()).isTrue();
                assertThat(service.starts()).isEqualTo(1);
                await().atMost(Duration.ofSeconds(30)).until(() -> service.metric("formbox.reply.backlog") == 0);
                service.stop();
            }
            StoreFacts store = StoreFacts.read(service);
            Map<String, Integer> replies = mail.repliesByRecipient(BenchMails.DOMAIN);
            System.out.printf("outage %s: %d submissions for %d messages, statuses %s, replies %d, more than one: %d%n", run,
                    store.rows.size(), n, store.statuses(), replies.size(), replies.values().stream().filter(c -> c > 1).count());
            assertThat(store.submissionsBySender()).hasSize(n).allSatisfy((s, count) -> assertThat(count).isEqualTo(1));
            assertThat(store.rows).noneMatch(r -> r.status().equals("FAILED")).allMatch(r -> "SENT".equals(r.replyState()));
            assertThat(replies).hasSize(n);
            // a reply whose connection was cut after the server took it but before it said so is sent again
            assertThat(replies.values().stream().mapToInt(c -> c - 1).sum()).isLessThanOrEqualTo(1);
        }
    }
}
