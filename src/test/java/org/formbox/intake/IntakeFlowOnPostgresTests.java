package org.formbox.intake;

import org.formbox.support.MailboxTest;
import org.formbox.support.OnPostgres;
import org.springframework.test.context.ContextConfiguration;

/** The tests of {@link IntakeFlowTests}, against PostgreSQL. */
@MailboxTest
@ContextConfiguration(initializers = OnPostgres.class)
class IntakeFlowOnPostgresTests extends IntakeFlowTests {
}
