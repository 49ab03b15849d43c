package org.formbox.reply;

import org.formbox.support.MailboxTest;
import org.formbox.support.OnPostgres;
import org.springframework.test.context.ContextConfiguration;

/** The tests of {@link ReplyFlowTests}, against PostgreSQL. */
@MailboxTest
@ContextConfiguration(initializers = OnPostgres.class)
class ReplyFlowOnPostgresTests extends ReplyFlowTests {
}
