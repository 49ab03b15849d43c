package org.formbox.support;

import java.time.Instant;
import org.formbox.intake.MailIntake;

/** Feeds a mail straight into the intake (archive, read, check, save, reply), stamped with a chosen time. */
public final class Forms {

    private Forms() {
    }

    /** A mail from this address with these attachments (file name, path, …), taken in as received at {@code at}. */
    public static MailIntake.Outcome ingest(MailIntake intake, Instant at, String from, String... namesAndPaths)
            throws Exception {
        TestMails mail = TestMails.from(from);
        for (int i = 0; i < namesAndPaths.length; i += 2) {
            mail.attachRfc2231(namesAndPaths[i], Correspondence.document(namesAndPaths[i + 1]));
        }
        return intake.ingest(mail.build(), at);
    }
}
