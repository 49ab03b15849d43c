package org.formbox.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per account and per client address: after
 * {@code formbox.security.login.max-failures} wrong passwords in a row the account (or the address)
 * is locked for {@code .lock}, each further failure after a lock doubles it, up to {@code .max-lock}.
 * A locked login is refused before its password is looked at, so guessing on during a lock learns
 * nothing; each attempt is counted before its password is checked, so guesses sent in parallel gain
 * nothing. A successful login clears its account and its address (an office behind one address is
 * not locked out by its own typing). Failures are forgotten after an hour without any.
 * Kept in memory: a restart forgets them, which costs an attacker a restart they cannot cause.
 */
public class LoginThrottle {

    /** At most this many accounts and addresses are remembered each; the quietest are forgotten first. */
    static final int MAX_REMEMBERED = 10_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;
    private final Duration maxLock;

    public LoginThrottle(Clock clock, int maxFailures, Duration lock, Duration maxLock) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = lock;
        this.maxLock = maxLock;
    }

    /** How long logins to this account, or from this address, stay refused; empty when they may try. */
    public Optional<Duration> lockedFor(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(accounts, key(account), now), lockedUntil(addresses, address, now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /**
     * Starts a login: refused (with the time left) while the account or the address is locked, else
     * counted as a failure in advance, so that guesses sent side by side cannot all slip in before
     * the first of them is found wrong. {@link #succeeded} takes a right password off the count.
     */
    public Optional<Duration> begin(String account, String address) {
        Instant now = clock.instant();
        Instant until = count(accounts, key(account), now);
        if (until == null) {
            until = count(addresses, address, now);
        }
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** A right password: the account and the address start afresh. */
    public void succeeded(String account, String address) {
        accounts.remove(key(account));
        if (address != null) {
            addresses.remove(address);
        }
    }

    private Instant lockedUntil(Map<String, Failures> map, String key, Instant now) {
        Failures f = key == null ? null : map.get(key);
        return f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now) ? null : f.lockedUntil();
    }

    /** Counts one more attempt unless the key is locked; returns the end of the lock, or null. */
    private Instant count(Map<String, Failures> map, String key, Instant now) {
        if (key == null) {
            return null;
        }
        if (map.size() >= MAX_REMEMBERED && !map.containsKey(key)) {
            forgetQuietest(map, now);
        }
        Instant[] locked = new Instant[1];
        map.compute(key, (k, f) -> {
            if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now)) {
                locked[0] = f.lockedUntil();
                return f; // refused unseen: guessing on during a lock neither counts nor learns anything
            }
            int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
            Instant lockedUntil = null;
            if (count >= maxFailures) {
                long doublings = Math.min(count - maxFailures, 20);
                Duration d = lock.multipliedBy(1L << doublings);
                lockedUntil = now.plus(d.compareTo(maxLock) > 0 ? maxLock : d);
            }
            return new Failures(count, now, lockedUntil);
        });
        return locked[0];
    }

    private static void forgetQuietest(Map<String, Failures> map, Instant now) {
        map.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        if (map.size() >= MAX_REMEMBERED) {
            map.entrySet().stream().filter(e -> e.getValue().lockedUntil() == null || !e.getValue().lockedUntil().isAfter(now))
                    .min(Comparator.comparing(e -> e.getValue().last()))
                    .or(() -> map.entrySet().stream().min(Comparator.comparing(e -> e.getValue().last())))
                    .ifPresent(e -> map.remove(e.getKey()));
        }
    }

    private static String key(String account) {
        return account == null ? null : account.strip().toLowerCase(Locale.ROOT);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
