package org.formbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A name seen for the first time is matched against the roster: that lookup reads the roster's
 * enterprises through an index, not every enterprise ever created (a deadline morning creates
 * thousands, and each made the next mail slower).
 */
class RosterLookupIndexTests {

    @Test
    void theRosterIsReadThroughItsIndexAmongThousandsOfEnterprisesNotOnIt() throws Exception {
        Path dir = Files.createTempDirectory("roster-index");
        String url = "jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("""
                    insert into enterprise (name_key, name, on_roster, created_at)
                    select 'e' || x, '企业' || x, x <= 50, current_timestamp from system_range(1, 5000)""");
            try (ResultSet plan = s.executeQuery(
                    "explain select id, name, contact_email, on_roster from enterprise where on_roster = true")) {
                plan.next();
                assertThat(plan.getString(1)).containsIgnoringCase("ix_enterprise_on_roster");
            }
            try (ResultSet n = s.executeQuery("select count(*) from enterprise where on_roster = true")) {
                n.next();
                assertThat(n.getLong(1)).isEqualTo(50);
            }
        }
    }
}
