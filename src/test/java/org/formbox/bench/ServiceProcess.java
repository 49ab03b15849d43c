package org.formbox.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/formbox-*.jar}) as a real process of its own: its own work
 * folder (H2 file store and raw archive under {@code data/}), the given mail server, a staff
 * account {@code bench}/{@code bench} for the API and the metrics. Start, kill -9, restart. Extra
 * settings replace the defaults of the same name (another store, a shared archive).
 */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/formbox-0.1.0-SNAPSHOT.jar").toAbsolutePath();
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    final Path dir;
    final int httpPort;
    private final List<String> settings = new ArrayList<>();
    private final String maxHeap;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    ServiceProcess(Path dir, int smtpPort, int imapPort, String maxHeap, String... extra) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn package -DskipTests first");
        }
        this.dir = Files.createDirectories(dir);
        this.httpPort = MailServer.freePort();
        this.maxHeap = maxHeap;
        settings.addAll(List.of(
                "--server.port=" + httpPort,
                "--formbox.mail.embedded=false",
                "--formbox.mail.imap.host=127.0.0.1", "--formbox.mail.imap.port=" + imapPort,
                "--formbox.mail.smtp.host=127.0.0.1", "--formbox.mail.smtp.port=" + smtpPort,
                "--spring.datasource.url=" + "jdbc:h2:file:" + this.dir.resolve("data/formbox").toAbsolutePath()
                        + ";AUTO_SERVER=FALSE;WRITE_DELAY=0",
                "--formbox.archive.dir=" + dir.resolve("data/archive"),
                "--formbox.security.users[0].username=bench",
                "--formbox.security.users[0].password={noop}bench",
                "--formbox.security.users[0].role=COORDINATOR",
                "--management.endpoint.health.show-details=always",
                // the runs send thousands of replies within minutes, far past the hourly cap on all replies
                "--formbox.reply.max-per-hour=1000000",
                "--spring.main.banner-mode=off"));
        // a setting given here replaces the default of the same name (e.g. another store, a shared archive)
        for (String e : extra) {
            settings.removeIf(d -> d.startsWith(e.substring(0, e.indexOf('=') + 1)));
        }
        settings.addAll(List.of(extra));
    }

    String jdbcUrl() {
        return setting("spring.datasource.url",
                // the options of the default URL in application.properties, in a folder of its own
                "jdbc:h2:file:" + dir.resolve("data/formbox").toAbsolutePath() + ";AUTO_SERVER=FALSE;WRITE_DELAY=0");
    }

    private String setting(String name, String otherwise) {
        return settings.stream().filter(s -> s.startsWith("--" + name + "=")).findFirst()
                .map(s -> s.substring(name.length() + 3)).orElse(otherwise);
    }

    /** The JVM options README.md recommends for the service: C1 only (docs/benchmark.md, "The compilers"). */
    /** The outbox's sending lanes of a service started with default settings here (formbox.reply.senders 0). */
    static final int SENDING_LANES = Math.max(2, Runtime.getRuntime().availableProcessors());

    static final List<String> RECOMMENDED_JVM = List.of(System.getProperty("service.recommended-jvm", "-XX:TieredStopAtLevel=1")
            .trim().split("\\s+")).stream().filter(o -> !o.isEmpty()).toList();

    /** Starts the service and waits until it answers on HTTP. */
    ServiceProcess start() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        // the JVM options README.md recommends ("Running the packaged jar"); -Dservice.jvm adds to them
        command.addAll(RECOMMENDED_JVM);
        command.add("-Dfile.encoding=UTF-8");
        // extra JVM options for an experiment (e.g. a JFR recording), from -Dservice.jvm
        String jvm = System.getProperty("service.jvm", "");
        if (!jvm.isBlank()) {
            command.addAll(List.of(jvm.trim().split("\\s+")));
        }
        command.add("-jar");
        // a name of its own, so that nobody's "pkill -f formbox-…jar" on this machine stops the service under test
        Path jar = dir.resolve("service-under-test.jar");
        if (!Files.exists(jar)) {
            Files.createSymbolicLink(jar, JAR);
        }
        command.add(jar.toString());
        command.addAll(settings);
        starts++;
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile())).start();
        // generous: on a busy 2-core machine a start has been seen to take 150 s
        long startTimeout = Long.getLong("resilience.start-timeout", 300);
        Instant deadline = Instant.now().plusSeconds(startTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + ", see " + dir.resolve("service.log"));
            }
            if (healthStatus() > 0) {
                return this;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("service did not start within " + startTimeout + " s, see " + dir.resolve("service.log"));
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, the orderly way: Camel finishes the message in hand, the store closes. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** HTTP status of /actuator/health (200 UP, 503 DOWN), or 0 when it does not answer. */
    int healthStatus() {
        try {
            return http.send(request("/actuator/health").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The health document with details (the bench account is authorised). */
    String health() throws Exception {
        return get("/actuator/health");
    }

    String get(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path).header("Authorization", basic()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return r.body();
    }

    /** A metric's first value, or -1 when the service does not answer. */
    double metric(String nameAndTags) {
        try {
            Matcher m = VALUE.matcher(get("/actuator/metrics/" + nameAndTags));
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Heap in use now, in bytes. */
    double heapUsed() {
        return metric("jvm.memory.used?tag=area:heap");
    }

    /** VmHWM (peak resident set) or VmRSS of the process, in kB; 0 when gone. */
    long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    /** The store, opened from here once the service is stopped. */
    Connection openStore() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), setting("spring.datasource.username", "sa"),
                setting("spring.datasource.password", ""));
    }

    int starts() {
        return starts;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("bench:bench".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
