package org.formbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;

class StoreHealthTests {

    @Test
    void closedStoreIsDownAndComesBackUpOnceItAnswersAgain() throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setExceptionOverrideClassName(ClosedStoreConnections.class.getName());
            pool.setJdbcUrl("jdbc:h2:mem:store-health");
            pool.setUsername("sa");
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            jdbc.execute("create table submission (id bigint primary key)");
            jdbc.update("insert into submission values (7)");
            StoreHealth health = new StoreHealth(pool);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("latestSubmission", 7L);

            // what H2 does after running out of memory: the database is closed under the pool's connections
            jdbc.execute("shutdown");
            try (var connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).as("a fresh connection looks valid").isTrue();
            }
            assertThat(health.health().getStatus()).as(health.health().toString()).isEqualTo(Status.DOWN);

            jdbc.execute("create table submission (id bigint primary key)"); // the store can be used again
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
    }
}
