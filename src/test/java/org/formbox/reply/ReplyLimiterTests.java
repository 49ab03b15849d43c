package org.formbox.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The limits counted in a real store (H2 with the service's migrations). */
class ReplyLimiterTests {

    private JdbcClient jdbc;
    private final Instant now = Instant.parse("2026-12-02T09:00:00Z");

    @BeforeEach
    void store() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:limiter-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
    }

    private void queued(String recipient, Instant at, String state) {
        jdbc.sql("insert into outbox (kind, recipient, state, next_attempt_at, created_at) values ('REPLY', ?, ?, ?, ?)")
                .params(recipient, state, at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC)).update();
    }

    @Test
    void repliesLetThroughBetweenTwoCountsCountTowardsTheHourlyCap() {
        ReplyLimiter limiter = new ReplyLimiter(jdbc, 10, Duration.ofMinutes(60), 3);
        queued("earlier@nbtest.cn", now.minusSeconds(600), "SENT");
        queued("old@nbtest.cn", now.minus(Duration.ofHours(2)), "SENT");
        queued("held@nbtest.cn", now.minusSeconds(60), "SUPPRESSED");

        // asked while reading: not counted
        assertThat(limiter.refuse("a@nbtest.cn", now)).isEmpty();
        assertThat(limiter.refuse("a@nbtest.cn", now)).isEmpty();
        // asked just before queuing: counted at once, before the store is counted again
        assertThat(limiter.refuseAndCount("a@nbtest.cn", now)).isEmpty();
        assertThat(limiter.refuseAndCount("b@nbtest.cn", now)).isEmpty();
        assertThat(limiter.refuseAndCount("c@nbtest.cn", now)).get().asString().startsWith("global limit: 3 replies per hour");
        assertThat(limiter.refuse("d@nbtest.cn", now)).isPresent();
    }

    @Test
    void anHourLaterTheStoreIsCountedAgain() {
        ReplyLimiter limiter = new ReplyLimiter(jdbc, 10, Duration.ofMinutes(60), 2);
        queued("a@nbtest.cn", now, "SENT");
        queued("b@nbtest.cn", now, "SENT");
        assertThat(limiter.refuseAndCount("c@nbtest.cn", now)).isPresent();

        assertThat(limiter.refuseAndCount("c@nbtest.cn", now.plus(Duration.ofMinutes(61))))
                .as("a count is used only for moments within %s of the one it was made for", ReplyLimiter.RECOUNT).isEmpty();
    }

    @Test
    void oneAddressInAnySpellingIsLimited() {
        ReplyLimiter limiter = new ReplyLimiter(jdbc, 2, Duration.ofMinutes(60), 100);
        queued("zhang@nbtest.cn", now.minusSeconds(30), "SENT");
        queued("zhang@nbtest.cn", now.minusSeconds(20), "PENDING");

        assertThat(limiter.refuseAndCount("Zhang@NBTEST.cn", now)).get().asString().startsWith("rate limit: 2 replies per 60 minutes");
        assertThat(limiter.refuseAndCount("li@nbtest.cn", now)).isEmpty();
    }
}
