package org.formbox.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances sharing one database divide the work ({@code formbox.cluster.*}).
 *
 * @param instanceId    this instance's name in the lock table and on claimed outbox rows (default host:pid)
 * @param lease         how long the leader's lease on the mailbox lasts without renewal; a dead
 *                      leader is replaced at most this plus {@code renewEvery} later
 * @param renewEvery    how often the leader renews its lease and the others try to take it
 * @param leaderRoutes  ids of the routes only the leader runs (Camel patterns: {@code mailbox-*})
 * @param scheduleHold  how long a schedule's firing stays claimed by the instance that ran it, so
 *                      that the same firing on another instance (clocks a little apart) is skipped
 * @param outboxClaim   how long an instance keeps an outbox row it is sending before another may retry it
 */
@ConfigurationProperties("formbox.cluster")
public record ClusterSettings(String instanceId,
                              @DefaultValue("PT20S") Duration lease,
                              @DefaultValue("PT5S") Duration renewEvery,
                              @DefaultValue({"mailbox-intake", "enterprise-reminders"}) List<String> leaderRoutes,
                              @DefaultValue("PT1M") Duration scheduleHold,
                              @DefaultValue("PT2M") Duration outboxClaim) {

    public ClusterSettings {
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = defaultInstanceId();
        }
        if (renewEvery.isNegative() || renewEvery.isZero() || renewEvery.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("formbox.cluster.renew-every must be shorter than formbox.cluster.lease");
        }
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        // the suffix tells apart two instances in one JVM (the tests) and a restart under the same pid
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        String id = host + ":" + ProcessHandle.current().pid() + ":" + suffix;
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }
}
