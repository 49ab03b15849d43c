package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.formbox.submission.SubmissionSearch;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the service does at start with the archive: nothing archived stays without a submission, nothing is saved twice. */
@MailboxTest
class ArchiveReconciliationTests {

    @Autowired
    RawArchive archive;
    @Autowired
    ArchiveReconciliation reconciliation;
    @Autowired
    SubmissionSearch search;
    @Autowired
    MailSettings settings;

    @Test
    void archivedMessageWithoutSubmissionIsProcessedOnceAndAnswered() throws Exception {
        String sender = "archived.only@nbtest.cn";
        // the process died after the archive write, and the mail is gone from the mailbox
        archive.store(TestMails.from(sender).build());
        assertThat(total(sender)).isZero();

        reconciliation.reconcile();
        assertThat(total(sender)).isEqualTo(1);
        reconciliation.reconcile();
        assertThat(total(sender)).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> new Mailbox(settings).inboxOf(sender).size() == 1);
    }

    private long total(String sender) {
        return search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).total();
    }
}
