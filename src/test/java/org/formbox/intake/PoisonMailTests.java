package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail that careless clients and hostile senders write: every one of them is stored, visible to
 * staff and moved out of the inbox, and the mail behind it is still processed.
 */
@MailboxTest
class PoisonMailTests {

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;

    Mailbox mailbox;

    @BeforeEach
    void connect() {
        mailbox = new Mailbox(settings);
    }

    @Test
    void replyToGroupOfFiftyAddressesIsStoredAndMovedOut() throws Exception {
        String sender = "group.fifty@nbtest.cn";
        String group = IntStream.range(0, 50).mapToObj(i -> "member" + i + "@partner-enterprise.com.cn")
                .collect(Collectors.joining(", "));
        TestMails mail = TestMails.from(sender).header("Reply-To: " + group);
        mailbox.deliver(mail.build(), sender);
        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.status()).isEqualTo("NO_FORM");
        awaitMovedOut(mail.messageId());
    }

    @Test
    void fromWithALocalPartOf330CharactersIsStoredAndMovedOut() throws Exception {
        String sender = "x".repeat(330) + "@nbtest.cn";
        TestMails mail = TestMails.from(sender);
        mailbox.deliver(mail.build(), "long.local@nbtest.cn");
        await().atMost(Duration.ofSeconds(30)).until(() -> search.find(
                new SubmissionSearch.Criteria("x".repeat(300), null, null, null), 0, 10).total() >= 1);
        awaitMovedOut(mail.messageId());
    }

    @Test
    void groupReplyToDoesNotLeaveTheMailInTheInbox() throws Exception {
        String sender = "undisclosed.group@nbtest.cn";
        TestMails mail = TestMails.from(sender).header("Reply-To: undisclosed: a@x.cn, b@y.cn;");
        mailbox.deliver(mail.build(), sender);
        awaitOne(sender);
        awaitMovedOut(mail.messageId());
    }

    @Test
    void enterpriseNameOf600CharactersIsStoredAndMovedOut() throws Exception {
        String sender = "long.enterprise@nbtest.cn";
        String name = "宁波" + "超长名称".repeat(150) + "有限公司";
        String body = String.join("\n", "企业名称：" + name, "法人代表：王强", "所有制类型：民营", "所属行业：汽车零部件",
                "所属地区：北仑区", "注册资金（万元）：3000", "总资产（万元）：26000", "职工总人数（人）：320");
        TestMails mail = TestMails.from(sender).body(body);
        mailbox.deliver(mail.build(), sender);
        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.status()).isIn("NEEDS_CORRECTION", "ACCEPTED");
        awaitMovedOut(mail.messageId());
    }

    @Test
    void tenThousandNestedMultipartsAreRejectedQuicklyAndTheMailBehindIsProcessedInItsUsualTime() throws Exception {
        String hostile = "deep.nesting@nbtest.cn";
        byte[] nested = TestMails.nestedMultiparts(hostile, "<deep-10000@nbtest.cn>", 10_000);
        assertThat(nested.length).isGreaterThan(600_000);
        mailbox.deliver(nested, hostile);
        long start = System.nanoTime();
        List<String> behind = List.of("behind.deep.1@nbtest.cn", "behind.deep.2@nbtest.cn", "behind.deep.3@nbtest.cn");
        for (String sender : behind) {
            mailbox.deliver(TestMails.from(sender).build(), sender);
        }
        for (String sender : behind) {
            assertThat(awaitOne(sender).status()).isEqualTo("NO_FORM");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        SubmissionView.Detail deep = awaitOne(hostile);
        assertThat(deep.status()).isIn("FAILED", "NEEDS_CORRECTION");
        awaitMovedOut("<deep-10000@nbtest.cn>");
    }

    private void awaitMovedOut(String messageId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.messageIds("INBOX").contains(messageId)
                && (mailbox.messageIds("Processed").contains(messageId) || mailbox.messageIds("Failed").contains(messageId)));
    }

    private SubmissionView.Detail awaitOne(String sender) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).total() >= 1);
        List<SubmissionView.Summary> items = search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).items();
        assertThat(items).hasSize(1);
        return search.detail(items.get(0).id()).orElseThrow();
    }
}
