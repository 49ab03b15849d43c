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
 * Signed and encrypted mail through the whole service: a signed mail is accepted like any other, its
 * signature neither read nor reported; an encrypted one is answered with why nothing could be read.
 */
@MailboxTest
class SecureMailFlowTests {

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
    void bothAnnexesInAClearSignedMailAreAcceptedAndTheSignatureIsNotAnAttachmentToCorrect() throws Exception {
        String sender = "lihua.clear@smime-test.cn";
        mailbox.deliver(fixture("clear-signed.eml", sender), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).extracting(SubmissionView.Document::filename, SubmissionView.Document::annex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("附件1.docx", "ANNEX_1"),
                        org.assertj.core.groups.Tuple.tuple("附件2.docx", "ANNEX_2"),
                        org.assertj.core.groups.Tuple.tuple("smime.p7s", "OTHER"));
        assertThat(detail.findings()).noneMatch(f -> f.rule().equals("MAIL-UNREADABLE"));
        String reply = reply(sender);
        assertThat(reply).contains("附件1.docx：已按附件1", "附件2.docx：已按附件2", "smime.p7s：数字签名，无需处理")
                .doesNotContain("无法读取").doesNotContain("未作处理");
    }

    @Test
    void anOpaqueSignedMailIsReadAsTheMessageInside() throws Exception {
        String sender = "lihua.opaque@smime-test.cn";
        mailbox.deliver(fixture("opaque-signed.eml", sender), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).extracting(SubmissionView.Document::annex).containsExactly("ANNEX_1", "ANNEX_2");
        assertThat(reply(sender)).doesNotContain("smime.p7m").doesNotContain("无法读取");
    }

    @Test
    void anEncryptedMailIsAnsweredWithWhyItCannotBeReadAndHowToSendIt() throws Exception {
        String sender = "lihua.encrypted@smime-test.cn";
        mailbox.deliver(fixture("encrypted.eml", sender), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.status()).isEqualTo("NEEDS_CORRECTION");
        assertThat(detail.documents()).singleElement().satisfies(d -> assertThat(d.unreadable()).isEqualTo("ENCRYPTED_MAIL"));
        String reply = reply(sender);
        assertThat(reply).contains("smime.p7m", "邮件经过加密", "取消“加密邮件”后重新发送").doesNotContain("文件格式无法识别");
    }

    /** A fixture sent from its own address, so that each test has its sender's file to itself. */
    private static byte[] fixture(String name, String sender) throws Exception {
        String raw = Files.readString(Path.of("src/test/resources/mail/secure", name), StandardCharsets.US_ASCII);
        return raw.replace("lihua@smime-test.cn", sender).getBytes(StandardCharsets.US_ASCII);
    }

    private String reply(String sender) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.inboxOf(sender).isEmpty());
        return org.formbox.support.FilledForms.plainText(mailbox.inboxOf(sender).get(0));
    }

    private SubmissionView.Detail awaitOne(String sender) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).total() >= 1);
        List<SubmissionView.Summary> items = search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).items();
        assertThat(items).hasSize(1);
        return search.detail(items.get(0).id()).orElseThrow();
    }
}
