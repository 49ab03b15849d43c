package org.formbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-20T01:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(1), Duration.ofMinutes(15));

    @Test
    void locksAnAccountAfterFiveFailuresAndTheLockGrowsWithEachFurtherOne() {
        for (int i = 0; i < 4; i++) {
            throttle.begin("Clerk", "10.0.0." + i);
        }
        assertThat(throttle.lockedFor("clerk", "10.0.0.9")).isEmpty();
        throttle.begin("clerk", "10.0.0.5");
        assertThat(throttle.lockedFor("CLERK", "10.0.0.9")).contains(Duration.ofMinutes(1));

        clock.now = clock.now.plusSeconds(61);
        assertThat(throttle.lockedFor("clerk", "10.0.0.9")).isEmpty();
        throttle.begin("clerk", "10.0.0.6");
        assertThat(throttle.lockedFor("clerk", "10.0.0.9")).contains(Duration.ofMinutes(2));
        clock.now = clock.now.plusSeconds(121);
        throttle.begin("clerk", "10.0.0.7");
        assertThat(throttle.lockedFor("clerk", "10.0.0.9")).contains(Duration.ofMinutes(4));
        for (int i = 0; i < 10; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(16));
            throttle.begin("clerk", "10.0.1." + i);
        }
        assertThat(throttle.lockedFor("clerk", "10.0.0.9")).contains(Duration.ofMinutes(15));
    }

    @Test
    void locksAClientAddressThatTriesManyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("user" + i, "192.0.2.7");
        }
        assertThat(throttle.lockedFor("someone-else", "192.0.2.7")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "192.0.2.8")).isEmpty();
    }

    @Test
    void aRightPasswordClearsTheAccountAndOldFailuresAreForgotten() {
        for (int i = 0; i < 4; i++) {
            throttle.begin("clerk", "10.0.0.1");
        }
        throttle.succeeded("clerk", "10.0.0.1");
        throttle.begin("clerk", "10.0.0.1");
        assertThat(throttle.lockedFor("clerk", "10.0.0.1")).isEmpty();

        for (int i = 0; i < 3; i++) {
            throttle.begin("other", "10.0.1.4");
        }
        clock.now = clock.now.plus(Duration.ofHours(2));
        throttle.begin("other", "10.0.1.4");
        throttle.begin("other", "10.0.1.4");
        assertThat(throttle.lockedFor("other", "10.0.1.4")).isEmpty();
    }

    @Test
    void guessesSentSideBySideGetNoMoreTriesThanOneAfterAnother() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var tries = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 40; i++) {
                tries.add(pool.submit(() -> throttle.begin("clerk", "198.51.100.1").isEmpty()));
            }
            long allowed = 0;
            for (var t : tries) {
                allowed += t.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void remembersABoundedNumberOfAccounts() {
        for (int i = 0; i < LoginThrottle.MAX_REMEMBERED + 50; i++) {
            throttle.begin("guess" + i, null);
        }
        for (int i = 0; i < 5; i++) {
            throttle.begin("clerk", null);
        }
        assertThat(throttle.lockedFor("clerk", null)).isPresent();
    }
}
