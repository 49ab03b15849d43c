package org.formbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * More than fifty broken and hostile attachments ({@link HostileMails}), one per mail, delivered
 * while the service runs: each sender gets a reply with MAIL-UNREADABLE's text within 30 s of
 * arrival, the service stays up and healthy, and its memory stays bounded (-Xmx512m, peak RSS
 * under {@value #RSS_LIMIT_MB} MB).
 *
 * <p>{@code bin/resilience hostile}; {@code -Dresilience.spacing} (ms between two hostile mails, 1000).
 */
class HostileFilesResilienceIT {

    static final int RSS_LIMIT_MB = 1200;
    /** What MAIL-UNREADABLE tells the sender (validation/MailRules). */
    static final String UNREADABLE_TEXT = "无法读取";

    @Test
    void answersEveryHostileFileAsUnreadableWithin30SecondsAndStaysUp() throws Exception {
        String run = "h" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        long spacing = Long.getLong("resilience.spacing", 1000);
        List<HostileMails.Hostile> hostile = HostileMails.make(run);
        assertThat(hostile).hasSizeGreaterThanOrEqualTo(50);
        Map<String, Instant> arrived = new LinkedHashMap<>();
        Map<String, Double> answeredAfter = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (MailServer mail = new MailServer()) {
            ServiceProcess service = new ServiceProcess(Path.of("target/resilience/" + run).toAbsolutePath(),
                    mail.smtpProxy.port, mail.imapProxy.port, "512m");
            double peakRss;
            double peakHeap;
            try (service; Sampler sampler = new Sampler(service.start())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> service.healthStatus() == 200);
                for (HostileMails.Hostile h : hostile) {
                    mail.deliver(h.raw());
                    arrived.put(h.sender(), Instant.now());
                    await().pollDelay(Duration.ofMillis(spacing)).until(() -> true);
                    collect(mail, hostile, arrived, answeredAfter);
                }
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    collect(mail, hostile, arrived, answeredAfter);
                    return answeredAfter.size() == hostile.size()
                            || arrived.values().stream().allMatch(t -> t.plusSeconds(45).isBefore(Instant.now()));
                });
                assertThat(service.alive()).as("service still running").isTrue();
                assertThat(service.healthStatus()).as("service healthy").isEqualTo(200);
                assertThat(service.metric("formbox.messages.processed")).as("messages counted").isEqualTo(hostile.size());
                assertThat(service.metric("formbox.extraction.time")).as("reads timed").isPositive();
                sampler.close();
                peakRss = Math.max(sampler.peakRssMb(), service.procStatus("VmHWM") / 1024.0);
                peakHeap = sampler.peakHeapMb();
                service.stop();
            }
            Map<String, String> status = new LinkedHashMap<>();
            try (var c = service.openStore(); var st = c.createStatement(); var rs = st.executeQuery("""
                    select s.sender, s.status || ': ' || coalesce(listagg(distinct d.unreadable, ', '), '-')
                    from submission s left join document d on d.submission_id = s.id group by s.id, s.sender, s.status""")) {
                while (rs.next()) {
                    status.put(rs.getString(1), rs.getString(2));
                }
            }
            System.out.printf("%nhostile files %s: %d mails, peak heap %.0f MB, peak RSS %.0f MB (limit %d MB)%n",
                    run, hostile.size(), peakHeap, peakRss, RSS_LIMIT_MB);
            System.out.println("| hostile attachment | status: why unreadable | MAIL-UNREADABLE reply after |\n|---|---|---|");
            for (HostileMails.Hostile h : hostile) {
                Double after = answeredAfter.get(h.sender());
                System.out.printf("| %s | %s | %s |%n", h.what(), status.get(h.sender()),
                        after == null ? "**none**" : String.format("%.1f s", after));
                if (after == null || after > 30) {
                    problems.add(h.what() + ": " + (after == null ? "no MAIL-UNREADABLE reply" : after + " s"));
                }
            }
            assertThat(problems).as("hostile files not answered as unreadable within 30 s").isEmpty();
            assertThat(peakRss).as("peak RSS, MB").isLessThan(RSS_LIMIT_MB);
        }
    }

    /** Notes each sender whose reply (with MAIL-UNREADABLE's text) has arrived, and when. */
    private static void collect(MailServer mail, List<HostileMails.Hostile> hostile, Map<String, Instant> arrived,
                                Map<String, Double> answeredAfter) throws Exception {
        Map<String, Integer> replies = mail.repliesByRecipient(BenchMails.DOMAIN);
        for (HostileMails.Hostile h : hostile) {
            if (answeredAfter.containsKey(h.sender()) || !replies.containsKey(h.sender())) {
                continue;
            }
            for (MimeMessage reply : mail.repliesTo(h.sender())) {
                if (text(reply).contains(UNREADABLE_TEXT)) {
                    answeredAfter.put(h.sender(), BenchmarkIT.seconds(arrived.get(h.sender()), Instant.now()));
                }
            }
        }
    }

    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                s.append(text(mp.getBodyPart(i)));
            }
            return s.toString();
        }
        return "";
    }
}
