package org.formbox.intake;

import org.formbox.support.MailboxTest;
import org.formbox.support.OnPostgres;
import org.springframework.test.context.ContextConfiguration;

/** The tests of {@link RereadTests}, against PostgreSQL. */
@MailboxTest
@ContextConfiguration(initializers = OnPostgres.class)
class RereadOnPostgresTests extends RereadTests {
}
