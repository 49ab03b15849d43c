package org.formbox.cluster;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lock table (ShedLock on the store) and the route policies built on it. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /** Times are the database's, so instances whose clocks differ still agree on when a lease ends. */
    @Bean
    LockProvider lockProvider(DataSource dataSource, ClusterSettings settings) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("cluster_lock")
                .withLockedByValue(settings.instanceId())
                .usingDbTime()
                .build());
    }

    /**
     * With an embedded H2 store (the default) no other process can share the database, so a lease
     * found at start is that of this service's previous, killed run: it is cleared rather than
     * waited out, and a restarted single instance polls at once.
     */
    @Bean
    Leadership leadership(LockProvider lockProvider, ClusterSettings settings, DataSource dataSource,
                          @Value("${spring.datasource.url:}") String url) {
        boolean sole = soleProcess(url);
        return new Leadership(lockProvider, settings, () -> {
            if (sole) {
                new JdbcTemplate(dataSource).update("delete from cluster_lock");
            }
        });
    }

    static boolean soleProcess(String url) {
        String u = url.toUpperCase(java.util.Locale.ROOT);
        return (u.startsWith("JDBC:H2:FILE:") || u.startsWith("JDBC:H2:MEM:") || u.startsWith("JDBC:H2:./")
                || u.startsWith("JDBC:H2:~")) && !u.contains("AUTO_SERVER=TRUE");
    }

    @Bean
    ClusterRoutePolicies clusterRoutePolicies(Leadership leadership, LockProvider lockProvider, ClusterSettings settings) {
        return new ClusterRoutePolicies(leadership, lockProvider, settings);
    }
}
