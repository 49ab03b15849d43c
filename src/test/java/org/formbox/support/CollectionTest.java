package org.formbox.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The whole service for the tests of the collection as a whole (enterprise files, roster,
 * reminders, board): its own store and mail ports, a movable clock, and a deadline ten days
 * after the real start (the intake stamps mail with the real time). Tests share it, so each
 * uses enterprises and senders of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "formbox.mail.smtp.port=${TEST_PORT_PREFIX:39}27",
        "formbox.mail.imap.port=${TEST_PORT_PREFIX:39}47",
        "formbox.mail.poll-delay=250",
        "formbox.reply.poll-period=250",
        "spring.datasource.url=jdbc:h2:mem:collection;DB_CLOSE_DELAY=-1",
        "formbox.archive.dir=target/test-data/collection/archive-${random.uuid}",
        "formbox.mail.spool-dir=target/test-data/collection/spool-${random.uuid}",
        "formbox.call.deadline=" + CollectionTest.DEADLINE,
        "formbox.reminders.days-before=7,3,1",
        "formbox.reminders.time=09:00",
        "formbox.reminders.check-period=3600000",
        "formbox.reminders.check-delay=3600000",
        "formbox.security.users[0].username=staff",
        "formbox.security.users[0].password={noop}staff-pass",
        "formbox.security.users[0].role=STAFF",
        "formbox.security.users[1].username=coordinator",
        "formbox.security.users[1].password={noop}coordinator-pass",
        "formbox.security.users[1].role=COORDINATOR"})
@AutoConfigureMockMvc
@Import(CollectionTest.Time.class)
public @interface CollectionTest {

    /** The call's deadline in these tests (Asia/Shanghai); the clock starts well before it. */
    String DEADLINE = "2099-12-20T17:00";

    /** The clock at the start: 2099-12-01 10:00 in Shanghai; the intake stamps real (earlier) times. */
    Instant START = Instant.parse("2099-12-01T02:00:00Z");

    /** The movable clock every component gets. */
    @TestConfiguration(proxyBeanMethods = false)
    class Time {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(START, ZoneId.of("Asia/Shanghai"));
        }
    }
}
