package org.formbox.system;

import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The store ({@code db}) as the intake uses it: a query on the submission table, within a few
 * seconds. A connection that merely says it is valid is not enough: H2 answers "The database has
 * been closed" to every statement after it ran out of memory while the connection check still
 * passes, and the service then swallowed mail while reporting UP. The pool replaces dead
 * connections on the next borrow, so the store comes back UP by itself once it can be opened.
 */
@Component("dbHealthIndicator")
public class StoreHealth implements HealthIndicator {

    static final int TIMEOUT_SECONDS = 3;

    private final JdbcTemplate jdbc;

    public StoreHealth(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(TIMEOUT_SECONDS);
    }

    @Override
    public Health health() {
        try {
            return query();
        } catch (RuntimeException first) {
            // the pool has just dropped a dead connection; a second try gets a fresh one
            try {
                return query();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        }
    }

    private Health query() {
        Long latest = jdbc.queryForObject("select coalesce(max(id), 0) from submission", Long.class);
        return Health.up().withDetail("latestSubmission", latest).build();
    }
}
