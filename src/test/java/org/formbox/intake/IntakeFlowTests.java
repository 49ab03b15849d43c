package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelContext;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@MailboxTest
class IntakeFlowTests {

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;
    @Autowired
    MailIntake intake;
    @Autowired
    RawArchive archive;
    @Autowired
    CamelContext camel;
    @Autowired
    TestRestTemplate rest;

    Mailbox mailbox;

    @BeforeEach
    void connect() {
        mailbox = new Mailbox(settings);
    }

    @Test
    void storesGbkNamedAttachmentWithItsChineseNameAndIdenticalBytes() throws Exception {
        byte[] content = "任意内容 bytes \u0000\u0001".getBytes(StandardCharsets.UTF_8);
        String sender = "gbk.name@nbtest.cn";
        mailbox.deliver(TestMails.from(sender)
                .attachSplitGbk("附件2-企业基本情况调查表.docx", content)
                .attachRfc2231("附件1 项目实施方案.pdf", "%PDF-1.4 broken".getBytes(StandardCharsets.US_ASCII))
                .build(), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).extracting(SubmissionView.Document::filename)
                .containsExactly("附件2-企业基本情况调查表.docx", "附件1 项目实施方案.pdf");
        assertThat(detail.senderName()).isEqualTo("张伟");
        assertThat(detail.subject()).isEqualTo("科技创新2025申报材料");

        byte[] downloaded = rest.withBasicAuth("staff", "staff-pass")
                .getForObject("/api/submissions/" + detail.id() + "/documents/0", byte[].class);
        assertThat(downloaded).isEqualTo(content);
    }

    @Test
    void unpacksForwardedMailAndZipWithGbkEntryNames() throws Exception {
        String original = "original.sender@nbtest.cn";
        byte[] forwarded = TestMails.from(original)
                .attachSplitGbk("宁波某某公司附件2.xlsx", new byte[] {1, 2, 3}).build();
        byte[] zip = TestMails.gbkZip(new String[] {"申报材料/附件1.docx", "申报材料/附件2.docx"},
                new byte[][] {{10, 11}, {20, 21}});
        String sender = "forwarder@nbtest.cn";
        mailbox.deliver(TestMails.from(sender).forward(forwarded)
                .attachRaw("application/x-zip-compressed; name=\"cailiao.zip\"", "attachment; filename=\"cailiao.zip\"", zip)
                .attachNameless("application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                .build(), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).extracting(SubmissionView.Document::filename, SubmissionView.Document::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("宁波某某公司附件2.xlsx", "转发邮件"),
                        org.assertj.core.groups.Tuple.tuple("cailiao.zip", ""),
                        org.assertj.core.groups.Tuple.tuple("附件1.docx", "cailiao.zip"),
                        org.assertj.core.groups.Tuple.tuple("附件2.docx", "cailiao.zip"),
                        org.assertj.core.groups.Tuple.tuple("未命名附件5.pdf", ""));
        assertThat(detail.documents().get(1).container()).isTrue();
        assertThat(search.document(detail.id(), 3).orElseThrow().bytes()).containsExactly(20, 21);
    }

    @Test
    void messageThatCannotBeHandledGoesToFailedFolderAndTheNextIsStillProcessed() throws Exception {
        String broken = "broken.mime@nbtest.cn";
        String raw = "From: " + broken + "\r\nTo: forms@formbox.test\r\nSubject: broken\r\n"
                + "Message-ID: <broken-1@nbtest.cn>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"declared-but-never-used\"\r\n\r\n"
                + "no parts here at all\r\n";
        mailbox.deliver(raw.getBytes(StandardCharsets.US_ASCII), broken);
        String next = "after.broken@nbtest.cn";
        mailbox.deliver(TestMails.from(next).build(), next);

        SubmissionView.Detail failed = awaitOne(broken);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failureReason()).isNotBlank();
        assertThat(new String(archive.read(failed.archivePath()), StandardCharsets.US_ASCII))
                .contains("Message-ID: <broken-1@nbtest.cn>", "no parts here at all");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.messageIds("Failed").contains("<broken-1@nbtest.cn>"));
        assertThat(awaitOne(next).status()).isEqualTo("NO_FORM");
        assertThat(mailbox.messageIds("INBOX").contains("<broken-1@nbtest.cn>")).isFalse();
    }

    @Test
    void restartBetweenCommitAndMoveNeitherLosesNorDuplicates() throws Exception {
        String sender = "crash.between@nbtest.cn";
        TestMails mail = TestMails.from(sender).attachSplitGbk("附件2.docx", new byte[] {9, 9, 9});
        byte[] raw = mail.build();
        camel.getRouteController().stopRoute("mailbox-intake");
        try {
            mailbox.deliver(raw, sender);
            // what the service did before it died: archived and committed, but never moved the message
            byte[] asStored = mailbox.folder("INBOX").stream().filter(m -> id(m).equals(mail.messageId()))
                    .findFirst().map(IntakeFlowTests::bytes).orElseThrow();
            intake.ingest(asStored, Instant.now());
            assertThat(mailbox.messageIds("INBOX").contains(mail.messageId())).isTrue();
        } finally {
            camel.getRouteController().startRoute("mailbox-intake");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.messageIds("Processed").contains(mail.messageId())
                && !mailbox.messageIds("INBOX").contains(mail.messageId()));
        assertThat(search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).total()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.inboxOf(sender).size() == 1);
    }

    @Test
    void restartAfterArchivingBeforeCommitProcessesTheMessageOnce() throws Exception {
        String sender = "crash.archived@nbtest.cn";
        TestMails mail = TestMails.from(sender).attachSplitGbk("附件1.docx", new byte[] {7});
        camel.getRouteController().stopRoute("mailbox-intake");
        try {
            mailbox.deliver(mail.build(), sender);
            byte[] asStored = mailbox.folder("INBOX").stream().filter(m -> id(m).equals(mail.messageId()))
                    .findFirst().map(IntakeFlowTests::bytes).orElseThrow();
            archive.store(asStored); // died right after the archive write
        } finally {
            camel.getRouteController().startRoute("mailbox-intake");
        }
        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).extracting(SubmissionView.Document::filename).containsExactly("附件1.docx");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.messageIds("Processed").contains(mail.messageId()));
    }

    @Test
    void sameMessageDeliveredTwiceMakesOneSubmission() throws Exception {
        String sender = "twice@nbtest.cn";
        TestMails mail = TestMails.from(sender).attachSplitGbk("附件2.docx", new byte[] {1});
        byte[] raw = mail.build();
        mailbox.deliver(raw, sender);
        awaitOne(sender);
        mailbox.deliver(raw, sender);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.messageIds("Processed").stream()
                .filter(mail.messageId()::equals).count() == 2);
        assertThat(search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).total()).isEqualTo(1);
    }

    @Test
    void readsASurveyTablePastedIntoTheMailBody() throws Exception {
        String sender = "pasted.body@nbtest.cn";
        String body = String.join("\n", "您好，我单位调查表内容如下：", "",
                "企业名称：宁波正文粘贴测试有限公司", "法人代表：王强", "所有制类型：民营", "外资比例：0",
                "所属行业：汽车零部件", "所属地区：北仑区", "注册资金（万元）：3000", "总资产（万元）：26000",
                "固定资产（万元）：12000", "所有者权益（万元）：15000", "职工总人数（人）：320",
                "联系人：李明  电话：0574-86880001  邮箱：liming@nbtest.cn");
        mailbox.deliver(TestMails.from(sender).body(body).build(), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).singleElement().satisfies(d -> {
            assertThat(d.filename()).isEqualTo("邮件正文.txt");
            assertThat(d.annex()).isEqualTo("ANNEX_2");
            assertThat(d.fields()).containsEntry("enterprise_name", "宁波正文粘贴测试有限公司")
                    .containsEntry("total_assets", new java.math.BigDecimal("26000"))
                    .containsEntry("contact_phone", "0574-86880001");
        });
        assertThat(detail.status()).isEqualTo("NEEDS_CORRECTION"); // the yearly table and more are missing
        assertThat(detail.findings()).extracting(SubmissionView.FindingView::rule).contains("A2-REQUIRED");
    }

    @Test
    void attachmentTooLargeToReadIsAnsweredAndStillDownloadableFromTheArchive() throws Exception {
        String sender = "huge.file@nbtest.cn";
        byte[] huge = new byte[21 * 1024 * 1024];
        new java.util.Random(7).nextBytes(huge);
        mailbox.deliver(TestMails.from(sender).attachSplitGbk("附件2扫描件.pdf", huge).build(), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).singleElement().satisfies(d -> {
            assertThat(d.annex()).isEqualTo("UNREADABLE");
            assertThat(d.unreadable()).isEqualTo("TOO_LARGE");
        });
        assertThat(detail.findings()).extracting(SubmissionView.FindingView::rule).containsExactly("MAIL-UNREADABLE");
        byte[] downloaded = rest.withBasicAuth("staff", "staff-pass")
                .getForObject("/api/submissions/" + detail.id() + "/documents/0", byte[].class);
        assertThat(downloaded).isEqualTo(huge);
    }

    @Test
    void apiIsClosedToAnonymousUsers() {
        assertThat(rest.getForEntity("/api/submissions", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth("staff", "wrong").getForEntity("/api/submissions", String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth("staff", "staff-pass").getForEntity("/api/submissions", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void readsAFormPastedIntoAnHtmlBodyWhosePlainPartOnlyPointsToIt() throws Exception {
        byte[] raw = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/habits/docs/mail-body-hx.eml"));
        mailbox.deliver(raw, "hejun@haixi-bio.cn");

        SubmissionView.Detail detail = awaitOne("hejun@haixi-bio.cn");
        assertThat(detail.senderName()).isEqualTo("何俊");
        assertThat(detail.status()).isNotEqualTo("NO_FORM");
        assertThat(detail.enterpriseName()).isEqualTo("宁波海曦生物医药科技有限公司");
        SubmissionView.Document body = detail.documents().stream().filter(d -> d.filename().equals("邮件正文.html"))
                .findFirst().orElseThrow();
        assertThat(body.annex()).isEqualTo("ANNEX_2");
        assertThat(body.fields()).containsEntry("legal_representative", "俞文静");
        assertThat(body.provenance().get("legal_representative").source()).isEqualTo("CELL");
        assertThat(detail.findings()).noneMatch(f -> f.rule().equals("A2-REQUIRED"));
    }

    @Test
    void decodesRawEightBitGbkHeadersAsOutlookExpressSendsThem() throws Exception {
        byte[] raw = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("src/test/resources/habits/docs/outlook-express-8bit.eml"));
        // handed over as fetched from a real server: the embedded test server's SMTP side reads 8-bit
        // header bytes as UTF-8 and loses them before any code of ours sees them
        intake.ingest(raw, Instant.now());

        SubmissionView.Detail detail = awaitOne("zhangwei@nbhx.cn");
        assertThat(detail.senderName()).isEqualTo("张薇");
        assertThat(detail.subject()).isEqualTo("附件2调查表（华星化工）");
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.inboxOf("zhangwei@nbhx.cn").isEmpty());
        String reply = plainText(mailbox.inboxOf("zhangwei@nbhx.cn").get(0));
        assertThat(reply).contains("张薇").doesNotContain("\uFFFD");
    }

    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private SubmissionView.Detail awaitOne(String sender) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).total() >= 1);
        List<SubmissionView.Summary> items = search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).items();
        assertThat(items).hasSize(1);
        return search.detail(items.get(0).id()).orElseThrow();
    }

    private static String id(MimeMessage m) {
        try {
            return String.valueOf(m.getMessageID());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static byte[] bytes(MimeMessage m) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
