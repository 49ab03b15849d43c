package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Files uuencoded into a plain-text body (Outlook Express's and Foxmail's uuencode option, {@code uuencode -m}
 * from a script): the fixtures are made by GNU sharutils' uuencode ({@code mail/uuencode/make-uuencoded.sh}).
 */
@MailboxTest
class UuEncodedTests {

    private static final Path DIR = Path.of("src/test/resources/mail/uuencode");
    private static final Path DOCS = Path.of("sample-submissions/docs");
    private final MailUnpacker unpacker = new MailUnpacker();

    @Autowired
    org.formbox.system.MailSettings settings;
    @Autowired
    SubmissionSearch search;

    Mailbox mailbox;

    @BeforeEach
    void connect() {
        mailbox = new Mailbox(settings);
    }

    @Test
    void theFilesOfAnOutlookExpressMailAreItsAttachmentsUnderTheirChineseNamesAndTheTextIsWhatIsAroundThem() throws Exception {
        UnpackedMail mail = unpacker.unpack(Files.readAllBytes(DIR.resolve("outlook-express-uuencode.eml")));

        assertThat(mail.attachments()).extracting(MailAttachment::filename)
                .containsExactly("附件1-项目实施方案.doc", "附件2-企业基本情况调查表.doc");
        assertThat(mail.attachments().get(0).content()).isEqualTo(Files.readAllBytes(DOCS.resolve("e02-annex1.doc")));
        assertThat(mail.attachments().get(1).content()).isEqualTo(Files.readAllBytes(DOCS.resolve("e02-annex2.doc")));
        assertThat(mail.bodyText()).contains("附件1、附件2见下，请查收。", "王磊 13805741234")
                .doesNotContain("begin 644").doesNotContain("\nM");
    }

    @Test
    void theBase64FormIsReadToo() throws Exception {
        UnpackedMail mail = unpacker.unpack(Files.readAllBytes(DIR.resolve("base64-uuencode.eml")));

        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("附件2.docx");
            assertThat(a.content()).isEqualTo(Files.readAllBytes(DOCS.resolve("e01-annex2.docx")));
        });
        assertThat(mail.bodyText()).contains("附件2见下。").doesNotContain("begin-base64").doesNotContain("====");
    }

    @Test
    void proseThatStartsWithBeginStaysText() throws Exception {
        String text = "您好：\r\nbegin 2025 年度计划如下\r\n一、扩大产能\r\nend\r\n谢谢\r\n";
        UnpackedMail mail = unpacker.unpack(org.formbox.support.TestMails.from("a@nbtest.cn").body(text).build());

        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.bodyText()).contains("begin 2025 年度计划如下", "一、扩大产能", "谢谢");
    }

    @Test
    void aBodyOfCutOffBlocksIsTextAndReadInOnePass() throws Exception {
        StringBuilder body = new StringBuilder("您好\r\n");
        for (int i = 0; i < 40_000; i++) {
            body.append("begin 644 x").append(i).append(".doc\r\nM86)C9&5F9VAI:FML;6YO<'%R<W1U=G=X>7I!0D-$149'2$E*2TQ-3D]045)3\r\n");
        }
        byte[] raw = org.formbox.support.TestMails.from("a@nbtest.cn").body(body.toString()).build();

        // a guard against a hang, not a measure of speed: 40,000 begin lines each scanning the 3.6 MB after
        // it for an end line would take hours
        UnpackedMail mail = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> unpacker.unpack(raw));

        assertThat(mail.attachments()).as("no block has its end line").isEmpty();
        assertThat(mail.bodyText()).contains("begin 644 x0.doc", "begin 644 x39999.doc");
    }

    @Test
    void bothAnnexesUuencodedByAnOldClientAreReadAndAnswered() throws Exception {
        String sender = "wanglei.uu@nb-uutest.cn";
        byte[] raw = new String(Files.readAllBytes(DIR.resolve("outlook-express-uuencode.eml")), StandardCharsets.ISO_8859_1)
                .replace("wanglei@nb-uutest.cn", sender).getBytes(StandardCharsets.ISO_8859_1);
        mailbox.deliver(raw, sender);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).total() >= 1);
        List<SubmissionView.Summary> items = search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).items();
        SubmissionView.Detail detail = search.detail(items.get(0).id()).orElseThrow();
        assertThat(detail.documents()).extracting(SubmissionView.Document::annex).containsExactly("ANNEX_1", "ANNEX_2");

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.inboxOf(sender).isEmpty());
        String reply = org.formbox.support.FilledForms.plainText(mailbox.inboxOf(sender).get(0));
        assertThat(reply).contains("附件1-项目实施方案.doc：已按附件1", "附件2-企业基本情况调查表.doc：已按附件2")
                .doesNotContain("无法读取").doesNotContain("未作处理");
    }
}
