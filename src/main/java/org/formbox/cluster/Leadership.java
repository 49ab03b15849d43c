package org.formbox.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Which instance runs the leader-only routes (the mailbox poller): the one holding the lease
 * {@value #LOCK} in the lock table. The leader renews it every {@code renewEvery}; the others try
 * to take it as often, which succeeds once a dead leader's lease has run out. Gaining the lease
 * starts the consumers of the leader-only routes, losing it (or failing to renew it before it
 * would run out) stops them. With one instance, it simply leads.
 */
public class Leadership implements SmartLifecycle {

    /** The name of the lease in the lock table. */
    public static final String LOCK = "mailbox-leader";

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final LockProvider locks;
    private final ClusterSettings settings;
    private final Runnable clearStaleLeases;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;
    private volatile SimpleLock lease;
    private volatile Instant renewedAt;
    /** The lease's end by this process's clock: the start of the call that took or renewed it, plus the lease. */
    private volatile Instant validUntil;
    /** The routes were stopped by the watchdog because a renewal was late; the next renewal restarts them. */
    private volatile boolean paused;

    /**
     * @param clearStaleLeases run once before the first round; for a store only this process can
     *                         open, where any lease left in it is a dead predecessor's
     */
    public Leadership(LockProvider locks, ClusterSettings settings, Runnable clearStaleLeases) {
        this.locks = locks;
        this.settings = settings;
        this.clearStaleLeases = clearStaleLeases;
    }

    /** Whether this instance holds the lease now. */
    public boolean isLeader() {
        return lease != null && !paused;
    }

    /** This instance's name. */
    public String instanceId() {
        return settings.instanceId();
    }

    /** Puts a started route under this lease: its consumer runs only while this instance leads. */
    synchronized void follow(Route route) {
        routes.put(route.getRouteId(), route);
        if (lease == null || paused) {
            stop(route);
        }
    }

    synchronized void unfollow(Route route) {
        routes.remove(route.getRouteId());
    }

    /** One round: take the lease, or renew it, and start or stop the routes to match. */
    synchronized void tick() {
        try {
            Instant before = Instant.now();
            if (lease == null) {
                Optional<SimpleLock> taken = locks.lock(new LockConfiguration(Instant.now(), LOCK, settings.lease(), Duration.ZERO));
                if (taken.isPresent()) {
                    lease = taken.get();
                    renewedAt = Instant.now();
                    validUntil = before.plus(settings.lease());
                    log.info("Instance {} leads: starting {}", settings.instanceId(), routes.keySet());
                    routes.values().forEach(this::start);
                }
            } else {
                Optional<SimpleLock> renewed = lease.extend(settings.lease(), Duration.ZERO);
                if (renewed.isPresent()) {
                    lease = renewed.get();
                    renewedAt = Instant.now();
                    validUntil = before.plus(settings.lease());
                    if (paused) {
                        paused = false;
                        log.info("Instance {} renewed its lease again: restarting {}", settings.instanceId(), routes.keySet());
                        routes.values().forEach(this::start);
                    }
                } else {
                    lose("the lease was taken over");
                }
            }
        } catch (RuntimeException e) {
            // the database may be back on the next round; give the routes up before the lease could run out
            log.warn("Lease {} not renewed: {}", LOCK, e.toString());
            if (lease != null && Instant.now().isAfter(renewedAt.plus(settings.lease()).minus(settings.renewEvery()))) {
                lose("the lease could not be renewed in time");
            }
        }
    }

    private void lose(String why) {
        log.warn("Instance {} no longer leads ({}): stopping {}", settings.instanceId(), why, routes.keySet());
        lease = null;
        paused = false;
        routes.values().forEach(this::stop);
    }

    /**
     * Stops the routes when the lease is about to run out by this process's clock and no renewal
     * came through (a round stuck on the database, say), without waiting for that round: another
     * instance may take the lease as soon as it runs out. Needs no lock and no database.
     */
    void watchdog() {
        Instant until = validUntil;
        if (lease != null && !paused && until != null && Instant.now().isAfter(until.minus(settings.renewEvery()))) {
            paused = true;
            log.warn("Instance {}: lease {} about to run out unrenewed, stopping {}", settings.instanceId(), LOCK, routes.keySet());
            routes.values().forEach(this::stop);
        }
    }

    private void start(Route route) {
        try {
            checkConsumer(route, true);
            ServiceHelper.startService(route.getConsumer());
        } catch (RuntimeException e) {
            log.warn("Route {} not started: {}", route.getRouteId(), e.toString());
        }
    }

    private void stop(Route route) {
        try {
            checkConsumer(route, false);
            ServiceHelper.stopService(route.getConsumer());
        } catch (RuntimeException e) {
            log.warn("Route {} not stopped: {}", route.getRouteId(), e.toString());
        }
    }

    /**
     * Camel's health check of a consumer that never polled says DOWN; a follower's poller is meant
     * to be idle, so its check is switched off (UNKNOWN, which leaves the instance UP) until it leads.
     */
    private static void checkConsumer(Route route, boolean leading) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(route.getCamelContext());
        if (registry != null) {
            registry.getRepository("consumers").ifPresent(consumers -> consumers.stream()
                    .filter(check -> check.getId().endsWith(":" + route.getRouteId()))
                    .forEach(check -> check.setEnabled(leading)));
        }
    }

    @Override
    public synchronized void start() {
        clearStaleLeases.run();
        ticker = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "cluster-leadership");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 0, settings.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
        long watch = Math.max(100, Math.min(1000, settings.renewEvery().toMillis() / 2));
        ticker.scheduleWithFixedDelay(this::watchdog, watch, watch, TimeUnit.MILLISECONDS);
    }

    /** Stops the routes first, then hands the lease back so that another instance takes over at once. */
    @Override
    public void stop() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = ticker;
            ticker = null;
        }
        if (t != null) {
            t.shutdownNow();
        }
        synchronized (this) {
            routes.values().forEach(this::stop);
            paused = false;
            if (lease != null) {
                try {
                    lease.unlock();
                } catch (RuntimeException e) {
                    log.warn("Lease {} not released: {}", LOCK, e.toString());
                }
                lease = null;
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
