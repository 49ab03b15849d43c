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
    void overLongSubjectMessageIdDisplayNameAndFileNameAreCutToTheirColumns() throws Exception {
        String sender = "long.everything@nbtest.cn";
        String messageId = "<" + "m".repeat(5000) + "@nbtest.cn>";
        String subject = "申报材料".repeat(800);
        String filename = "附件".repeat(700) + ".docx";
        TestMails mail = TestMails.from(sender).messageId(messageId).subject(subject)
                .attachRfc2231(filename, new byte[] {1, 2, 3});
        byte[] raw = new String(mail.build(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceFirst("From: [^<]*<", "From: \"" + "长".repeat(10).replace("长", "x".repeat(80)) + "\" <")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        mailbox.deliver(raw, sender);
        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.subject()).hasSize(2000).startsWith("申报材料申报材料");
        assertThat(detail.senderName()).hasSize(500);
        assertThat(detail.documents()).singleElement().satisfies(d -> assertThat(d.filename()).hasSize(1000).startsWith("附件附件"));
        awaitMovedOut(messageId);
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

    @Test
    void aMessageOverTheSizeLimitIsKeptWholeAnsweredWithTheLimitAndDoesNotHoldUpTheMailBehind() throws Exception {
        String sender = "huge.scan@nbtest.cn";
        byte[] scan = new byte[23 << 20];
        new java.util.Random(7).nextBytes(scan);
        TestMails mail = TestMails.from(sender).subject("申报材料（扫描件）").attachRfc2231("附件2扫描件.pdf", scan);
        byte[] raw = mail.build();
        assertThat(raw.length).as("over the default limit of 30 MB").isGreaterThan(30 << 20);
        mailbox.deliver(raw, sender);
        String behind = "behind.huge@nbtest.cn";
        mailbox.deliver(TestMails.from(behind).build(), behind);
        assertThat(awaitOne(behind).status()).isEqualTo("NO_FORM");

        SubmissionView.Detail huge = awaitOne(sender);
        assertThat(huge.status()).isEqualTo("FAILED");
        assertThat(huge.failureReason()).startsWith("message too large: ");
        assertThat(huge.subject()).isEqualTo("申报材料（扫描件）");
        // the archive holds the message whole, byte for byte as the server kept it
        java.nio.file.Path archived = archive.root().resolve(huge.archivePath());
        assertThat(java.nio.file.Files.size(archived)).isGreaterThanOrEqualTo(raw.length);
        try (var in = java.nio.file.Files.newInputStream(archived)) {
            var parsed = new jakarta.mail.internet.MimeMessage(null, in);
            assertThat(parsed.getMessageID()).isEqualTo(mail.messageId());
        }
        awaitMovedOut(mail.messageId());
        assertThat(mailbox.messageIds("Failed")).contains(mail.messageId());

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.inboxOf(sender).isEmpty());
        String reply = org.formbox.support.Correspondence.text(mailbox.inboxOf(sender).get(0));
        assertThat(reply).contains("超过本邮箱可以处理的 30 MB", "无法读取", "每封邮件不超过 30 MB");
    }

    @Test
    void rawUtf8FromWithAnInternationalisedDomainIsAnsweredAtItsAsciiForm() throws Exception {
        String ascii = "idn.manager@" + java.net.IDN.toASCII("宁波新材料.中国");
        TestMails mail = TestMails.from(ascii);
        String text = new String(mail.build(), java.nio.charset.StandardCharsets.ISO_8859_1);
        // an old client writes the header in raw UTF-8, neither encoded words nor punycode
        byte[] utf8From = ("From: 张经理 <idn.manager@宁波新材料.中国>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        text = text.replaceFirst("(?m)^From: .*$", java.util.regex.Matcher.quoteReplacement(
                new String(utf8From, java.nio.charset.StandardCharsets.ISO_8859_1)));
        mailbox.deliver(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), ascii);
        SubmissionView.Detail detail = awaitOne("idn.manager@");
        assertThat(detail.senderName()).isEqualTo("张经理");
        assertThat(detail.sender()).isIn("idn.manager@宁波新材料.中国", ascii);
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.inboxOf(ascii).isEmpty());
        assertThat(org.formbox.support.Correspondence.text(mailbox.inboxOf(ascii).get(0))).contains("张经理，您好");
    }

    @Autowired
    RawArchive archive;

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
