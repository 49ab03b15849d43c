package org.formbox.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.Mailbox;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Past the hourly cap on all replies, mail is still stored and shown, its reply held with a
 * reason staff can read: a flood under many forged senders cannot make the mailbox a spam cannon.
 * A service of its own (its own ports and store), since the cap counts every reply it sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "formbox.mail.smtp.port=${TEST_PORT_PREFIX:39}28",
        "formbox.mail.imap.port=${TEST_PORT_PREFIX:39}48",
        "formbox.mail.poll-delay=250",
        "formbox.reply.poll-period=250",
        "formbox.reply.max-per-hour=3",
        "spring.datasource.url=jdbc:h2:mem:globalcap;DB_CLOSE_DELAY=-1",
        "formbox.archive.dir=target/test-data/globalcap/archive",
        "formbox.mail.spool-dir=target/test-data/globalcap/spool-${random.uuid}",
        "formbox.intake.reconcile=false"})
class GlobalReplyCapTests {

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;

    @Test
    void repliesPastTheHourlyCapAreHeldWithAReasonStaffSee() throws Exception {
        Mailbox mailbox = new Mailbox(settings);
        List<String> senders = List.of("cap1@nbtest.cn", "cap2@othertest.cn", "cap3@nbtest.cn", "cap4@third.cn",
                "cap5@nbtest.cn");
        for (String sender : senders) {
            mailbox.deliver(TestMails.from(sender).build(), sender);
        }
        SubmissionSearch.Criteria all = new SubmissionSearch.Criteria("cap", null, null, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> search.find(all, 0, 10).total() == senders.size());
        await().atMost(Duration.ofSeconds(60)).until(() -> answered(mailbox, senders) == 3);

        List<SubmissionView.ReplyState> replies = search.find(all, 0, 10).items().stream()
                .map(i -> search.detail(i.id()).orElseThrow().reply()).toList();
        assertThat(replies).filteredOn(r -> r.suppressedBecause() != null)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.suppressedBecause()).startsWith("global limit: 3 replies per hour"));
        await().atMost(Duration.ofSeconds(10)).until(() -> search.find(all, 0, 10).items().stream()
                .filter(i -> search.detail(i.id()).orElseThrow().reply().sent()).count() == 3);
        assertThat(answered(mailbox, senders)).isEqualTo(3);
    }

    private static long answered(Mailbox mailbox, List<String> senders) throws Exception {
        long n = 0;
        for (String s : senders) {
            n += mailbox.inboxOf(s).size();
        }
        return n;
    }
}
