package org.formbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * On H2 the identities of the rows every mail inserts take their ids 1,000 at a time (one store
 * write per thousand rows, not per 32), and the ids still come in the order they are taken, from any
 * connection and across a crash.
 */
class RowIdCacheTests {

    @Test
    void theApplicationMigratesH2WithItsOwnFolderToo() throws Exception {
        Properties app = new Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        assertThat(app.getProperty("spring.flyway.locations").split(",")).contains("classpath:db/migration",
                "classpath:db/vendor/{vendor}");
    }

    @Test
    void idsAreTakenAThousandAtATimeAndStayInTheOrderTheyAreTakenAcrossConnectionsAndACrash() throws Exception {
        Path dir = Files.createTempDirectory("row-ids");
        String url = "jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        List<Long> ids = new ArrayList<>();
        try (Connection a = DriverManager.getConnection(url, "sa", ""); Connection b = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = a.createStatement(); ResultSet rs = s.executeQuery("""
                    select table_name, identity_cache from information_schema.columns
                    where column_name = 'ID' and table_name in ('SUBMISSION', 'DOCUMENT', 'FILE_DOCUMENT', 'ENTERPRISE', 'OUTBOX')""")) {
                int n = 0;
                while (rs.next()) {
                    assertThat(rs.getLong(2)).as(rs.getString(1)).isEqualTo(1000);
                    n++;
                }
                assertThat(n).isEqualTo(5);
            }
            try (Statement s = a.createStatement(); ResultSet rs = s.executeQuery("""
                    select table_name, identity_cache from information_schema.columns
                    where column_name = 'ID' and table_name in ('FIELD_VALUE', 'FINDING')""")) {
                int n = 0;
                while (rs.next()) {
                    // some 70 values a message: a thousand ran out every fourteen messages
                    assertThat(rs.getLong(2)).as(rs.getString(1)).isEqualTo(100_000);
                    n++;
                }
                assertThat(n).isEqualTo(2);
            }
            for (int i = 0; i < 10; i++) {
                ids.add(enterprise(i % 2 == 0 ? a : b, "e" + i));
            }
            try (Statement s = a.createStatement()) {
                s.execute("shutdown immediately"); // as a crash: nothing closed in order
            }
        } catch (java.sql.SQLException closedByTheShutdown) {
            // the connections died with the database
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            ids.add(enterprise(c, "after"));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    private static long enterprise(Connection c, String name) throws Exception {
        try (PreparedStatement p = c.prepareStatement(
                "insert into enterprise (name_key, name, on_roster, created_at) values (?, ?, false, current_timestamp)",
                new String[] {"ID"})) {
            p.setString(1, name);
            p.setString(2, name);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
