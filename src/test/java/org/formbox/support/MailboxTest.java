package org.formbox.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service against its embedded mail server, on ports of its own and an in-memory
 * store. Every test class with this annotation shares one running service, so tests tell their
 * messages apart by sender address.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "formbox.mail.smtp.port=${TEST_PORT_PREFIX:39}25",
        "formbox.mail.imap.port=${TEST_PORT_PREFIX:39}43",
        "formbox.mail.poll-delay=250",
        "formbox.reply.poll-period=250",
        "formbox.reply.max-per-sender=5",
        "formbox.intake.retry-delay=PT1S",
        "formbox.intake.reconcile=false",
        "formbox.mail.spool-dir=target/test-data/mailbox/spool-${random.uuid}",
        "formbox.intake.max-retry-delay=PT4S",
        "spring.datasource.url=jdbc:h2:mem:mailboxtest;DB_CLOSE_DELAY=-1",
        "formbox.archive.dir=target/test-data/mailbox/archive-${random.uuid}",
        "formbox.security.users[0].username=staff",
        "formbox.security.users[0].password={noop}staff-pass",
        "formbox.security.users[0].role=STAFF",
        "formbox.security.users[1].username=coordinator",
        "formbox.security.users[1].password={noop}coordinator-pass",
        "formbox.security.users[1].role=COORDINATOR"})
public @interface MailboxTest {
}
