package org.formbox.cluster;

import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scheduled route's firing on one instance only. Every instance's schedule fires; the first
 * to take the lock {@code schedule:<route id>} runs the route, and keeps the lock for
 * {@code scheduleHold} whatever happens, so the others' firing of the same moment finds it taken
 * and stops before the first step. Any instance that is alive at the moment runs it: a dead one
 * misses nothing.
 */
class OncePerFiringRoutePolicy extends RoutePolicySupport {

    private static final Logger log = LoggerFactory.getLogger(OncePerFiringRoutePolicy.class);

    private final LockProvider locks;
    private final ClusterSettings settings;

    OncePerFiringRoutePolicy(LockProvider locks, ClusterSettings settings) {
        this.locks = locks;
        this.settings = settings;
    }

    static String lockName(String routeId) {
        String name = "schedule:" + routeId;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        boolean mine;
        try {
            // never unlocked: held for scheduleHold after the firing, then free for the next one
            mine = locks.lock(new LockConfiguration(Instant.now(), lockName(route.getRouteId()),
                    settings.scheduleHold(), settings.scheduleHold())).isPresent();
        } catch (RuntimeException e) {
            log.warn("Schedule {} skipped here: its lock could not be taken: {}", route.getRouteId(), e.toString());
            mine = false;
        }
        if (!mine) {
            log.info("Schedule {} ran on another instance at this firing", route.getRouteId());
            exchange.setRouteStop(true);
        }
    }
}
