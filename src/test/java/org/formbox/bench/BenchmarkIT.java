package org.formbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.formbox.extraction.DocumentReader;
import org.formbox.extraction.ReadDocument;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of the issue: N realistic submissions wait in the mailbox, the packaged service
 * starts (-Xmx512m, default poll settings) and works through them; then a steady trickle measures
 * the reply latency from arrival; then the same documents are read by {@link DocumentReader} alone
 * in this JVM, the raw parse floor. Prints and writes {@code target/benchmark/report.md}.
 *
 * <p>{@code bin/benchmark [N]}; system properties {@code benchmark.messages} (2000),
 * {@code benchmark.trickle} (100 messages), {@code benchmark.rate} (5 per second),
 * {@code benchmark.args} (extra service settings, space-separated), {@code benchmark.imap}
 * ({@code greenmail}, or {@code dovecot}: Debian's Dovecot holds the polled mailbox).
 */
class BenchmarkIT {

    @Test
    void backlogThroughputLatencyMemoryAndParseFloor() throws Exception {
        int n = Integer.getInteger("benchmark.messages", 2000);
        int trickle = Integer.getInteger("benchmark.trickle", 100);
        double rate = Double.parseDouble(System.getProperty("benchmark.rate", "5"));
        String[] extra = System.getProperty("benchmark.args", "").isBlank() ? new String[0]
                : System.getProperty("benchmark.args").trim().split("\\s+");
        String server = System.getProperty("benchmark.imap", "greenmail");
        boolean dovecot = server.equals("dovecot");
        String run = "b" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        // as the service does at start: the mail and XML providers looked up once, not on every body part
        // and header GreenMail parses (which took half of this JVM's CPU) nor every XML part the floor opens
        org.formbox.ProviderLookups.pin();
        // GreenMail logs a line for every reply's recipient it makes an account for: CPU on the cores the service is measured on
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path dir = Path.of("target/benchmark/" + run).toAbsolutePath();

        Instant t0 = Instant.now();
        int warmN = Integer.getInteger("benchmark.warm", n);
        List<BenchMails.Mail> mails = BenchMails.make(run, n + trickle + warmN);
        List<BenchMails.Mail> backlog = mails.subList(0, n);
        List<BenchMails.Mail> steady = mails.subList(n, n + trickle);
        // a second backlog of new enterprises, put into the mailbox at once while the service runs
        List<BenchMails.Mail> warm = mails.subList(n + trickle, n + trickle + warmN);
        double generated = seconds(t0, Instant.now());

        StringBuilder report = new StringBuilder();
        // GreenMail receives the replies in both cases; with benchmark.imap=dovecot, Dovecot holds the polled mailbox
        try (MailServer mail = new MailServer(); DovecotServer imap = dovecot ? DovecotServer.start() : null) {
            Instant d0 = Instant.now();
            if (dovecot) {
                imap.deliver(backlog.stream().map(BenchMails.Mail::raw).toList());
            } else {
                for (BenchMails.Mail m : backlog) {
                    mail.deliver(m.raw());
                }
            }
            double delivered = seconds(d0, Instant.now());
            // through the relay, which acknowledges at once (see Outage.quickAck); -Dbenchmark.direct=true goes straight to GreenMail
            boolean direct = Boolean.getBoolean("benchmark.direct");
            ServiceProcess service = new ServiceProcess(dir, direct ? mail.smtpPort : mail.smtpProxy.port,
                    dovecot ? imap.imapPort : direct ? mail.imapPort : mail.imapProxy.port, "512m", extra);
            Map<String, Instant> arrivals = new HashMap<>();
            double peakHeap;
            double peakRss;
            CpuTime.Reading cpu;
            List<Map.Entry<String, Double>> threadKinds;
            CpuTime.Reading warmCpu = null;
            List<Map.Entry<String, Double>> warmThreadKinds = List.of();
            try (service; Sampler sampler = new Sampler(service.start())) {
                long imapPid = dovecot ? imap.pid() : -1;
                CpuTime.Reading ready = CpuTime.read(service.pid(), imapPid);
                var threadsReady = CpuTime.threads(service.pid());
                // generous (1 msg/s), so that a run on a busy machine still ends with figures
                await().atMost(Duration.ofSeconds(Long.getLong("benchmark.timeout", 120L + n))).pollInterval(Duration.ofSeconds(1))
                        .until(() -> mail.repliesByRecipient(BenchMails.DOMAIN).size() >= n);
                cpu = CpuTime.read(service.pid(), imapPid).since(ready);
                threadKinds = CpuTime.byKind(threadsReady, CpuTime.threads(service.pid()));
                // steady arrivals at the given rate, to measure arrival-to-reply at default settings
                long gapNanos = (long) (1e9 / rate);
                long next = System.nanoTime();
                for (BenchMails.Mail m : steady) {
                    // parked, not spinning: a spinning thread took one of the two cores from the service
                    for (long wait; (wait = next - System.nanoTime()) > 0; ) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    arrivals.put(m.sender(), Instant.now());
                    if (dovecot) {
                        imap.deliver(List.of(m.raw()));
                    } else {
                        mail.deliver(m.raw());
                    }
                    next += gapNanos;
                }
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> mail.repliesByRecipient(BenchMails.DOMAIN).size() >= n + trickle);
                if (warmN > 0) {
                    CpuTime.Reading before = CpuTime.read(service.pid(), imapPid);
                    var threadsBefore = CpuTime.threads(service.pid());
                    if (dovecot) {
                        imap.deliverAtOnce(warm.stream().map(BenchMails.Mail::raw).toList());
                    } else {
                        for (BenchMails.Mail m : warm) {
                            mail.deliver(m.raw());
                        }
                    }
                    await().atMost(Duration.ofSeconds(Long.getLong("benchmark.timeout", 120L + warmN))).pollInterval(Duration.ofSeconds(1))
                            .until(() -> mail.repliesByRecipient(BenchMails.DOMAIN).size() >= n + trickle + warmN);
                    warmCpu = CpuTime.read(service.pid(), imapPid).since(before);
                    warmThreadKinds = CpuTime.byKind(threadsBefore, CpuTime.threads(service.pid()));
                }
                sampler.close();
                peakHeap = sampler.peakHeapMb();
                peakRss = Math.max(sampler.peakRssMb(), service.procStatus("VmHWM") / 1024.0);
                service.stop();
            }
            Map<String, Integer> replies = mail.repliesByRecipient(BenchMails.DOMAIN);
            StoreFacts store = StoreFacts.read(service);
            Map<String, StoreFacts.Row> bySender = new HashMap<>();
            store.rows.forEach(r -> bySender.put(r.sender(), r));

            Instant firstFetch = backlog.stream().map(m -> bySender.get(m.sender()).receivedAt()).min(Instant::compareTo).orElseThrow();
            Instant lastFetch = backlog.stream().map(m -> bySender.get(m.sender()).receivedAt()).max(Instant::compareTo).orElseThrow();
            Instant lastReply = backlog.stream().map(m -> bySender.get(m.sender()).sentAt()).max(Instant::compareTo).orElseThrow();
            double pipeline = seconds(firstFetch, lastReply);
            List<Double> fetchToReply = new ArrayList<>();
            backlog.forEach(m -> fetchToReply.add(seconds(bySender.get(m.sender()).receivedAt(), bySender.get(m.sender()).sentAt())));
            List<Double> arrivalToReply = new ArrayList<>();
            steady.forEach(m -> arrivalToReply.add(seconds(arrivals.get(m.sender()), bySender.get(m.sender()).sentAt())));

            double warmPipeline = 0;
            if (warmN > 0) {
                Instant warmFirst = warm.stream().map(m -> bySender.get(m.sender()).receivedAt()).min(Instant::compareTo).orElseThrow();
                Instant warmLast = warm.stream().map(m -> bySender.get(m.sender()).sentAt()).max(Instant::compareTo).orElseThrow();
                warmPipeline = seconds(warmFirst, warmLast);
            }

            ParseFloor floor1 = parseFloor(backlog, 1);
            ParseFloor floor2 = parseFloor(backlog, 2);
            double floorCpu = floor1.seconds; // one thread: its time is its CPU

            double throughput = n / pipeline;
            double p50 = StoreFacts.quantile(arrivalToReply, 0.50);
            double p95 = StoreFacts.quantile(arrivalToReply, 0.95);
            report.append("## Benchmark run ").append(run).append(" (").append(Instant.now()).append(")\n\n")
                    .append("Machine: ").append(Machine.describe()).append("\n\n")
                    .append("Polled mailbox: ").append(dovecot ? DovecotServer.version() + " (Debian dovecot-imapd, private configuration on loopback, Maildir)"
                            : "GreenMail " + "(in the benchmark JVM, through a loopback relay)").append("\n\n")
                    .append(String.format("Service: packaged jar, -Xmx512m, %s%n%n", extra.length == 0 ? "default settings" : String.join(" ", extra)))
                    .append(String.format("Backlog of %d messages (docx 50%%, doc 20%%, xlsx 10%%, pdf 15%%, zip 5%%), generated in %.1f s, put in the mailbox in %.1f s before the service started.%n%n", n, generated, delivered))
                    .append("| figure | measured | target |\n|---|---|---|\n")
                    .append(String.format("| first fetch → last reply sent | %.1f s (%.1f msg/s) | 2,000 in < 60 s (33.3 msg/s): %s |%n", pipeline, throughput, verdict(throughput >= 2000 / 60.0)))
                    .append(String.format("| first fetch → last fetch (intake alone) | %.1f s (%.1f msg/s) | |%n", seconds(firstFetch, lastFetch), n / seconds(firstFetch, lastFetch)))
                    .append(String.format("| backlog: fetch → reply sent, p50 / p95 | %.2f s / %.2f s | |%n", StoreFacts.quantile(fetchToReply, .5), StoreFacts.quantile(fetchToReply, .95)))
                    .append(String.format("| steady %d msg at %.1f/s: arrival → reply sent, p50 / p95 / max | %.2f s / %.2f s / %.2f s | < 10 s: %s |%n", trickle, rate, p50, p95, StoreFacts.quantile(arrivalToReply, 1), verdict(p95 < 10)))
                    .append(String.format("| peak heap used (sampled every 0.5 s) | %.0f MB | < 512 MB: %s |%n", peakHeap, verdict(peakHeap < 512)))
                    .append(String.format("| peak RSS (VmHWM) | %.0f MB | |%n", peakRss))
                    .append(String.format("| CPU from the service's start to the backlog's last reply (%.1f s): service / IMAP server / benchmark JVM (SMTP, relay) | %.1f / %.1f / %.1f s (%.1f / %.1f / %.1f ms a message) | |%n",
                            cpu.elapsed(), cpu.service(), cpu.imap(), cpu.benchmark(), 1000 * cpu.service() / n, 1000 * cpu.imap() / n, 1000 * cpu.benchmark() / n))
                    .append(String.format("| machine's cores in use over that time | %.0f %% | |%n", 100 * cpu.busyShare()))
                    .append(String.format("| raw parse floor, 1 thread (%d documents) | %.1f s (%.1f msg/s) | |%n", floor1.documents, floor1.seconds, n / floor1.seconds))
                    .append(String.format("| raw parse floor, 2 threads | %.1f s (%.1f msg/s) | |%n", floor2.seconds, n / floor2.seconds))
                    .append(String.format("| service's CPU ÷ the 1-thread floor's | %.2f× | |%n", cpu.service() / floorCpu))
                    .append(String.format("| pipeline ÷ parse floor (1 thread / 2 threads) | %.2f× / %.2f× | within 2×: %s |%n", pipeline / floor1.seconds, pipeline / floor2.seconds, verdict(pipeline / floor2.seconds <= 2)))
                    .append(warmN == 0 ? "" : String.format("| **second backlog, %d new enterprises put in the mailbox at once while the service runs**: first fetch → last reply sent | %.1f s (%.1f msg/s) | |%n", warmN, warmPipeline, warmN / warmPipeline))
                    .append(warmN == 0 ? "" : String.format("| its CPU (%.1f s): service / IMAP server / benchmark JVM | %.1f / %.1f / %.1f s (%.1f / %.1f / %.1f ms a message); cores in use %.0f %% | |%n",
                            warmCpu.elapsed(), warmCpu.service(), warmCpu.imap(), warmCpu.benchmark(), 1000 * warmCpu.service() / warmN,
                            1000 * warmCpu.imap() / warmN, 1000 * warmCpu.benchmark() / warmN, 100 * warmCpu.busyShare()))
                    .append(warmN == 0 ? "" : String.format("| second backlog ÷ its parse floor (1 thread / 2 threads; the floor of %d documents scaled to %d messages) | %.2f× / %.2f× | within 2×: %s |%n",
                            floor1.documents, warmN, warmPipeline / (floor1.seconds * warmN / n), warmPipeline / (floor2.seconds * warmN / n),
                            verdict(warmPipeline / (floor2.seconds * warmN / n) <= 2)))
                    .append("\nThe service's CPU over the backlog by kind of thread: ").append(String.join(", ", threadKinds.stream()
                            .filter(e -> e.getValue() >= 0.1).map(e -> String.format("%s %.1f s", e.getKey(), e.getValue())).toList())).append("\n")
                    .append(warmN == 0 ? "" : "\nOver the second backlog: " + String.join(", ", warmThreadKinds.stream()
                            .filter(e -> e.getValue() >= 0.1).map(e -> String.format("%s %.1f s", e.getKey(), e.getValue())).toList()) + "\n")
                    .append("\nStatuses: ").append(store.statuses()).append("; service log: ").append(dir.resolve("service.log")).append("\n");
            Files.createDirectories(dir);
            Files.writeString(dir.getParent().resolve("report.md"), report);
            Files.writeString(dir.getParent().resolve("report-" + server + ".md"), report);
            System.out.println("\n" + report);

            assertThat(store.submissionsBySender()).hasSize(n + trickle + warmN).allSatisfy((s, count) -> assertThat(count).isEqualTo(1));
            assertThat(replies).hasSize(n + trickle + warmN);
        }
    }

    private record ParseFloor(int documents, double seconds) {
    }

    /** The same documents read by DocumentReader alone, after a warm-up, on this many threads. */
    private static ParseFloor parseFloor(List<BenchMails.Mail> mails, int threads) throws Exception {
        DocumentReader reader = new DocumentReader();
        List<Map.Entry<String, byte[]>> docs = new ArrayList<>();
        mails.forEach(m -> docs.addAll(m.documents().entrySet()));
        for (int i = 0; i < Math.min(docs.size(), 400); i++) {
            reader.read(docs.get(i).getKey(), docs.get(i).getValue());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Instant start = Instant.now();
            List<Future<ReadDocument>> reads = new ArrayList<>();
            for (var d : docs) {
                reads.add(pool.submit(() -> reader.read(d.getKey(), d.getValue())));
            }
            for (Future<ReadDocument> f : reads) {
                f.get();
            }
            return new ParseFloor(docs.size(), seconds(start, Instant.now()));
        } finally {
            pool.shutdownNow();
        }
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**missed**";
    }
}
