package org.formbox.cluster;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
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

    @Bean
    Leadership leadership(LockProvider lockProvider, ClusterSettings settings) {
        return new Leadership(lockProvider, settings);
    }

    @Bean
    ClusterRoutePolicies clusterRoutePolicies(Leadership leadership, LockProvider lockProvider, ClusterSettings settings) {
        return new ClusterRoutePolicies(leadership, lockProvider, settings);
    }
}
