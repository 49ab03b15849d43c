package org.formbox.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reply reaches the one person who wrote, whatever the headers point at; two spellings of one
 * address share one limit; the blank forms go out once a day; a broken mail from a person is
 * answered once with a request to resend.
 */
@MailboxTest
class ReplyAddressFlowTests {

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
    void aGroupReplyToIsNeverAnsweredTheWriterIs() throws Exception {
        String writer = "group.writer@nbtest.cn";
        mailbox.deliver(TestMails.from(writer)
                .header("Reply-To: undisclosed: group.outside1@victim.cn, group.outside2@victim.cn;").build(), writer);

        awaitSingleReply(writer);
        assertThat(mailbox.inboxOf("group.outside1@victim.cn")).isEmpty();
        assertThat(mailbox.inboxOf("group.outside2@victim.cn")).isEmpty();
    }

    @Test
    void severalReplyToAddressesAreNotAnsweredTheWriterIs() throws Exception {
        String writer = "list.writer@nbtest.cn";
        mailbox.deliver(TestMails.from(writer)
                .header("Reply-To: list.outside1@victim.cn, list.outside2@victim.cn").build(), writer);

        awaitSingleReply(writer);
        assertThat(mailbox.inboxOf("list.outside1@victim.cn")).isEmpty();
        assertThat(mailbox.inboxOf("list.outside2@victim.cn")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postmaster@victim.cn", "MAILER-DAEMON@victim.cn", "news-request@victim.cn", "noreply@victim.cn",
            "\"postmaster\"@victim.cn", "owner-staff@victim.cn", "do-not-reply@victim.cn"})
    void aMachineOrRoleReplyToIsPassedOverForTheWriter(String replyTo) throws Exception {
        String writer = "machine.rt." + Math.abs(replyTo.hashCode()) + "@nbtest.cn";
        mailbox.deliver(TestMails.from(writer).header("Reply-To: " + replyTo).build(), writer);

        awaitSingleReply(writer);
        String plain = replyTo.replace("\"", "").toLowerCase();
        assertThat(mailbox.inboxOf(plain)).isEmpty();
    }

    @Test
    void aReplyToOfTheCollectionAddressItselfIsPassedOver() throws Exception {
        String writer = "own.rt@nbtest.cn";
        mailbox.deliver(TestMails.from(writer).header("Reply-To: " + settings.address().toUpperCase()).build(), writer);
        String tagged = "own.rt.tag@nbtest.cn";
        String[] at = settings.address().split("@");
        mailbox.deliver(TestMails.from(tagged).header("Reply-To: " + at[0] + "+x@" + at[1]).build(), tagged);

        awaitSingleReply(writer);
        awaitSingleReply(tagged);
        // nothing came back into the collection mailbox as a message from itself
        assertThat(search.find(new SubmissionSearch.Criteria(settings.address(), null, null, null), 0, 10).total())
                .isZero();
    }

    @Test
    void headerTricksInReplyToReachNobodyButTheWriter() throws Exception {
        // an encoded word that decodes to an address and a line break, a display name holding
        // another address, and an address that needs quoting
        String writer = "tricks.writer@nbtest.cn";
        String encoded = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "tricks.victim1@victim.cn\r\nBcc: tricks.victim2@victim.cn".getBytes(StandardCharsets.UTF_8)) + "?=";
        mailbox.deliver(TestMails.from(writer).header("Reply-To: " + encoded).build(), writer);
        String named = "tricks.named@nbtest.cn";
        mailbox.deliver(TestMails.from(named).header("Reply-To: \"tricks.victim3@victim.cn\" <tricks.real@nbtest.cn>")
                .build(), named);
        String quoted = "tricks.quoted@nbtest.cn";
        mailbox.deliver(TestMails.from(quoted).header("Reply-To: \"tricks victim4\"@victim.cn").build(), quoted);

        awaitSingleReply(writer);
        awaitSingleReply("tricks.real@nbtest.cn");
        awaitSingleReply(quoted);
        assertThat(mailbox.inboxOf(named)).isEmpty();
        for (String victim : List.of("tricks.victim1@victim.cn", "tricks.victim2@victim.cn", "tricks.victim3@victim.cn",
                "tricks.real@victim.cn")) {
            assertThat(mailbox.inboxOf(victim)).as(victim).isEmpty();
        }
    }

    @Test
    void twoSpellingsOfOneAddressShareOneLimit() throws Exception {
        // formbox.reply.max-per-sender=5 in the tests: seven mails in three spellings get five replies
        String[] spellings = {"\"spell.victim\"@nbtest.cn", "Spell.Victim@NBTEST.CN", "\"spell.victim\"@nbtest.cn",
                "spell.victim@nbtest.cn", "\"Spell.Victim\"@nbtest.cn", "SPELL.VICTIM@nbtest.cn", "spell.victim@nbtest.cn"};
        for (int i = 0; i < spellings.length; i++) {
            mailbox.deliver(TestMails.from(spellings[i]).subject("第" + i + "次").build(), "spell.victim@nbtest.cn");
        }
        SubmissionSearch.Criteria bySender = new SubmissionSearch.Criteria("spell.victim", null, null, null);
        await().atMost(Duration.ofSeconds(40)).until(() -> search.find(bySender, 0, 10).total() == spellings.length);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.inboxOf("spell.victim@nbtest.cn").size() >= 5);
        String witness = "spell.witness@nbtest.cn";
        mailbox.deliver(TestMails.from(witness).build(), witness);
        awaitSingleReply(witness);

        assertThat(mailbox.inboxOf("spell.victim@nbtest.cn")).hasSize(5);
        assertThat(mailbox.inboxOf("\"spell.victim\"@nbtest.cn")).isEmpty();
        long limited = search.find(bySender, 0, 10).items().stream()
                .map(i -> search.detail(i.id()).orElseThrow().reply().suppressedBecause())
                .filter(r -> r != null && r.startsWith("rate limit")).count();
        assertThat(limited).isEqualTo(2);
    }

    @Test
    void theBlankFormsGoOutOnceADayAndLaterRepliesStayShort() throws Exception {
        // two mails meant to carry the forms but without them (a question would wait for staff instead)
        String sender = "forms.once@nbtest.cn";
        mailbox.deliver(TestMails.from(sender).subject("咨询一").body("申报材料请查收。").build(), sender);
        await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.inboxOf(sender).size() == 1);
        mailbox.deliver(TestMails.from(sender).subject("咨询二").body("材料见附件。").build(), sender);
        await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.inboxOf(sender).size() == 2);

        List<MimeMessage> replies = mailbox.inboxOf(sender);
        MimeMessage first = replies.stream().filter(m -> subject(m).contains("咨询一")).findFirst().orElseThrow();
        MimeMessage second = replies.stream().filter(m -> subject(m).contains("咨询二")).findFirst().orElseThrow();
        assertThat(attachmentNames(first)).hasSize(2);
        assertThat(attachmentNames(second)).isEmpty();
        assertThat(ReplyFlowTests.text(second)).contains("没有找到附件1", "较早的回复");
        // the second reply is a few kilobytes of text, not the forms again
        assertThat(size(second)).isLessThan(12_000);
        assertThat(size(first)).isLessThan(size(second) + 120_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-boundary", "unbalanced-quote", "cut-base64"})
    void aBrokenMailFromAPersonIsAnsweredOnceWithARequestToResend(String shape) throws Exception {
        String sender = "broken." + shape + "@nbtest.cn";
        byte[] broken = brokenMail(sender, "", shape);
        mailbox.deliver(broken, sender);
        MimeMessage reply = awaitSingleReply(sender);
        SubmissionView.Detail s = submission(sender);
        assertThat(s.status()).isEqualTo("FAILED");
        assertThat(ReplyFlowTests.text(reply)).contains("无法读取", "重新发送").doesNotContain("收到的附件");
        assertThat(size(reply)).isLessThan(12_000);

        // the same message delivered again is recognised: still one reply
        mailbox.deliver(broken, sender);
        String witness = "broken.witness." + shape + "@nbtest.cn";
        mailbox.deliver(TestMails.from(witness).build(), witness);
        awaitSingleReply(witness);
        assertThat(mailbox.inboxOf(sender)).hasSize(1);
    }

    @Test
    void aBrokenMailFromAMachineIsNotAnswered() throws Exception {
        String machine = "broken.machine@nbtest.cn";
        mailbox.deliver(brokenMail(machine, "Auto-Submitted: auto-generated\r\n", "no-boundary"), machine);
        String daemon = "mailer-daemon@broken.nbtest.cn";
        mailbox.deliver(brokenMail(daemon, "", "cut-base64"), "broken.daemon@nbtest.cn");
        String witness = "broken.machine.witness@nbtest.cn";
        mailbox.deliver(TestMails.from(witness).build(), witness);
        awaitSingleReply(witness);

        assertThat(submission(machine).status()).isEqualTo("FAILED");
        assertThat(submission(machine).reply().suppressedBecause()).contains("automated");
        assertThat(mailbox.inboxOf(machine)).isEmpty();
        assertThat(mailbox.inboxOf(daemon)).isEmpty();
    }

    /**
     * A mail a careless client cut short: its multipart boundary never appears, or its boundary
     * parameter is an unterminated quoted string, or it stops inside a base64 attachment with no
     * closing boundary.
     */
    private static byte[] brokenMail(String from, String extraHeaders, String shape) {
        String head = "From: " + from + "\r\nTo: forms@formbox.test\r\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString("申报材料".getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Message-ID: <" + java.util.UUID.randomUUID() + "@broken.example.cn>\r\n" + extraHeaders
                + "MIME-Version: 1.0\r\n";
        String rest = switch (shape) {
            case "no-boundary" -> "Content-Type: multipart/mixed; boundary=\"----=_NextPart_cut\"\r\n\r\n"
                    + "This is a multi-part message in MIME format.\r\n";
            case "unbalanced-quote" -> "Content-Type: multipart/mixed; boundary=\"----=_NextPart_cut\r\n\r\n"
                    + "------=_NextPart_cut\r\nContent-Type: text/plain\r\n\r\n附件见后\r\n------=_NextPart_cut--\r\n";
            default -> "Content-Type: multipart/mixed; boundary=\"----=_NextPart_cut\"\r\n\r\n"
                    + "------=_NextPart_cut\r\nContent-Type: text/plain\r\n\r\nhello\r\n------=_NextPart_cut\r\n"
                    + "Content-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJ";
        };
        return (head + rest).getBytes(StandardCharsets.UTF_8);
    }

    private SubmissionView.Detail submission(String sender) {
        SubmissionSearch.Criteria bySender = new SubmissionSearch.Criteria(sender, null, null, null);
        await().atMost(Duration.ofSeconds(40)).until(() -> search.find(bySender, 0, 10).total() >= 1);
        return search.detail(search.find(bySender, 0, 10).items().get(0).id()).orElseThrow();
    }

    private MimeMessage awaitSingleReply(String address) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !mailbox.inboxOf(address).isEmpty());
        List<MimeMessage> inbox = mailbox.inboxOf(address);
        assertThat(inbox).as(address).hasSize(1);
        return inbox.get(0);
    }

    private static String subject(MimeMessage m) {
        try {
            return Objects.requireNonNullElse(m.getSubject(), "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> attachmentNames(jakarta.mail.Part part) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart mp = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                jakarta.mail.BodyPart p = mp.getBodyPart(i);
                if (p.getFileName() != null) {
                    names.add(p.getFileName());
                } else {
                    names.addAll(attachmentNames(p));
                }
            }
        }
        return names;
    }

    private static int size(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.size();
    }
}
