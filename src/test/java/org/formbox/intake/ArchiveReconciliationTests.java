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

    @Test
    void archivedMessageOverTheSizeLimitIsSavedFromItsHeadersWithoutReadingItWhole() throws Exception {
        String sender = "archived.huge@nbtest.cn";
        byte[] photo = new byte[23 << 20];
        new java.util.Random(11).nextBytes(photo);
        byte[] raw = TestMails.from(sender).subject("附件照片").attachRfc2231("附件2.jpg", photo).build();
        // streamed, as the intake stores a message over the limit
        RawArchive.Entry entry = archive.store(out -> out.write(raw));
        assertThat(entry).isEqualTo(archive.store(raw)); // the same name and fingerprint either way

        reconciliation.reconcile();
        var found = search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).items();
        assertThat(found).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("FAILED"));
        var detail = search.detail(found.get(0).id()).orElseThrow();
        assertThat(detail.failureReason()).startsWith("message too large: " + raw.length + " bytes");
        assertThat(detail.subject()).isEqualTo("附件照片");
        reconciliation.reconcile();
        assertThat(total(sender)).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> new Mailbox(settings).inboxOf(sender).size() == 1);
    }

    private long total(String sender) {
        return search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).total();
    }
}
