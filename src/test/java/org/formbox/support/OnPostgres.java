package org.formbox.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts a test context on PostgreSQL instead of H2: a database of its own on the shared
 * {@link Postgres} server, and mail ports and an archive of its own, so that it can run beside the
 * cached H2 context of the same test class. Use with
 * {@code @ContextConfiguration(initializers = OnPostgres.class)} on a subclass of an H2 test: the
 * same tests then run against the real database.
 */
public class OnPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = Postgres.newDatabase("formbox");
        String name = url.substring(url.lastIndexOf('/') + 1);
        String run = java.util.UUID.randomUUID().toString();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", Postgres.USER,
                "spring.datasource.password", "",
                "formbox.mail.smtp.port", freePort(),
                "formbox.mail.imap.port", freePort(),
                // folders of this run's own: a spool or archive left by an earlier run would be loaded again
                "formbox.archive.dir", "target/test-data/" + name + "-" + run + "/archive",
                "formbox.mail.spool-dir", "target/test-data/" + name + "-" + run + "/spool")));
    }

    /** A port nobody listens on now (the ephemeral range, clear of the fixed test ports). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
