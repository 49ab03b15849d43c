package org.formbox.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.formbox.submission.Conversations;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.support.StaffSession;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People who write to the mailbox as to a person: a question or a thank-you is acknowledged once
 * and waits for staff, whose answer goes out threaded from the collection address; a reply that
 * carries forms is a submission as before; a mail with neither text nor forms gets the blank forms.
 */
@MailboxTest
class ConversationFlowTests {

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;
    @Autowired
    Conversations conversations;
    @LocalServerPort
    int port;

    Mailbox mailbox;

    @BeforeEach
    void connect() {
        mailbox = new Mailbox(settings);
    }

    @Test
    void aQuestionIsAcknowledgedOnceAndStaffAnswerItThreaded() throws Exception {
        String sender = "wang.hai@nb-question.cn";
        TestMails question = TestMails.from(sender).subject("咨询：附件2占地面积怎么填？")
                .body("张老师您好：\r\n\r\n请问附件2调查表中的“占地面积”是填土地证面积还是实际使用面积？\r\n\r\n谢谢！\r\n王海");
        mailbox.deliver(question.build(), sender);

        SubmissionView.Detail s = awaitSubmission(sender, 1);
        assertThat(s.status()).isEqualTo("NEEDS_ANSWER");
        MimeMessage ack = awaitInbox(sender, 1).get(0);
        assertThat(ack.getSubject()).isEqualTo("【已收到来信】咨询：附件2占地面积怎么填？（回执号 " + ReplyComposer.receipt(s.id()) + "）");
        String ackText = text(ack);
        assertThat(ackText).contains("工作人员将尽快答复").doesNotContain("空白模板", "重新发送", "一、");
        assertThat(attachmentCount(ack)).isZero();
        assertThat(conversations.queue()).extracting(Conversations.Waiting::id).contains(s.id());

        // a second mail in the same conversation is not acknowledged again
        TestMails again = TestMails.from(sender).subject("Re: 咨询：附件2占地面积怎么填？").body("另外，建筑面积是否包括在建的厂房？")
                .header("In-Reply-To: " + ack.getMessageID()).header("References: " + question.messageId() + " " + ack.getMessageID());
        mailbox.deliver(again.build(), sender);
        SubmissionView.Detail second = awaitSubmission(sender, 2);
        assertThat(second.status()).isEqualTo("NEEDS_ANSWER");
        await().atMost(Duration.ofSeconds(20)).until(() -> search.detail(second.id()).orElseThrow().reply().suppressedBecause() != null);
        assertThat(mailbox.inboxOf(sender)).hasSize(1);

        // staff answer from the submission page; the letter waits on the dashboard and on the board
        StaffSession staff = staff();
        assertThat(staff.get("/")).contains("待答复的来信", "咨询：附件2占地面积怎么填？");
        assertThat(staff.get("/board")).contains("待答复的来信", "咨询：附件2占地面积怎么填？");
        assertThat(staff.post("/submissions/" + s.id() + "/answer",
                "text=" + URLEncoder.encode("王海您好：\n占地面积请按土地证面积填写。", StandardCharsets.UTF_8))).isEqualTo(302);
        List<MimeMessage> inbox = awaitInbox(sender, 2);
        MimeMessage answer = inbox.get(1);
        assertThat(answer.getSubject()).isEqualTo("答复：咨询：附件2占地面积怎么填？");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(question.messageId());
        assertThat(answer.getHeader("References", null)).contains(question.messageId());
        assertThat(answer.getHeader("Auto-Submitted", null)).isNull();
        assertThat(((InternetAddress) answer.getFrom()[0]).getAddress()).isEqualTo(settings.address());
        assertThat(text(answer)).contains("占地面积请按土地证面积填写。");
        assertThat(conversations.answered(s.id())).hasValueSatisfying(a -> assertThat(a.by()).isEqualTo("staff"));
        assertThat(conversations.queue()).extracting(Conversations.Waiting::id).doesNotContain(s.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> conversations.sentFor(s.id()).stream()
                .anyMatch(m -> "STAFF".equals(m.kind()) && "SENT".equals(m.state())));
        String page = staff.get("/submissions/" + s.id());
        assertThat(page).contains("请问附件2调查表中的", "占地面积请按土地证面积填写。", "已由 staff 于", "工作人员将尽快答复");

        // the second mail can be marked answered without writing
        assertThat(staff.post("/submissions/" + second.id() + "/answered", "")).isEqualTo(302);
        assertThat(conversations.answered(second.id())).isPresent();
        assertThat(mailbox.inboxOf(sender)).hasSize(2);
    }

    @Test
    void aThankYouToOurReceiptWaitsForStaffAndAReplyWithFormsIsASubmission() throws Exception {
        byte[] raw = Files.readAllBytes(Path.of("sample-submissions", "01-docx-pair-clean.eml"));
        String original = new String(raw, StandardCharsets.ISO_8859_1);
        String sender = "thanks.sender@nb-thanks.cn";
        byte[] resent = original.replaceAll("(?m)^From: .*$", "From: =?UTF-8?B?"
                        + Base64.getEncoder().encodeToString("李明".getBytes(StandardCharsets.UTF_8)) + "?= <" + sender + ">")
                .replaceAll("(?mi)^Message-ID: .*$", "Message-ID: <thanks-original@nb-thanks.cn>")
                .getBytes(StandardCharsets.ISO_8859_1);
        mailbox.deliver(resent, sender);
        SubmissionView.Detail first = awaitSubmission(sender, 1);
        assertThat(first.status()).isEqualTo("ACCEPTED");
        MimeMessage receipt = awaitInbox(sender, 1).get(0);
        assertThat(receipt.getSubject()).startsWith("【已受理】");

        TestMails thanks = TestMails.from(sender).subject("回复: " + receipt.getSubject())
                .body("收到，谢谢！\r\n\r\n------------------ 原始邮件 ------------------\r\n发件人: 科技创新2025重大专项征集\r\n"
                        + "您提交的材料已收到并读取完毕，没有发现需要更正的问题。")
                .header("In-Reply-To: " + receipt.getMessageID())
                .header("References: <thanks-original@nb-thanks.cn> " + receipt.getMessageID());
        mailbox.deliver(thanks.build(), sender);
        SubmissionView.Detail thank = awaitSubmission(sender, 2);
        assertThat(thank.status()).isEqualTo("NEEDS_ANSWER");
        assertThat(thank.failureReason()).isEqualTo("收到，谢谢！");
        MimeMessage ack = awaitInbox(sender, 2).get(1);
        assertThat(ack.getSubject()).isEqualTo("【已收到来信】" + ReplySubjects.clean(receipt.getSubject())
                + "（回执号 " + ReplyComposer.receipt(thank.id()) + "）");
        assertThat(ack.getSubject()).doesNotContain("回复", "【已受理】");
        assertThat(attachmentCount(ack)).isZero();

        // the enterprise page shows the whole correspondence in order
        String key = search.detail(first.id()).map(d -> d.enterpriseName()).orElseThrow();
        String page = staff().get("/enterprise?key=" + URLEncoder.encode(org.formbox.submission.Submissions.normaliseName(key),
                StandardCharsets.UTF_8));
        // the enterprise may have other senders (other tests send the same forms): this sender's mails, in order
        List<String> mine = java.util.Arrays.stream(page.substring(page.indexOf("id=\"correspondence\"")).split("<article"))
                .filter(a -> a.contains(sender)).toList();
        assertThat(mine).hasSize(4);
        assertThat(mine.get(0)).contains(">#" + first.id() + "<");
        assertThat(mine.get(1)).contains("<p class=\"subject\">【已受理】", "李明，您好");
        assertThat(mine.get(2)).contains(">#" + thank.id() + "<", "待答复");
        assertThat(mine.get(3)).contains("<p class=\"subject\">【已收到来信】", "工作人员将尽快答复");

        // a reply to the receipt that carries forms is a submission as before
        byte[] withForms = original.replaceAll("(?m)^From: .*$", "From: <" + sender + ">")
                .replaceAll("(?mi)^Message-ID: .*$", "Message-ID: <thanks-resend@nb-thanks.cn>\r\nIn-Reply-To: "
                        + receipt.getMessageID().replace("$", "\\$"))
                .getBytes(StandardCharsets.ISO_8859_1);
        mailbox.deliver(withForms, sender);
        SubmissionView.Detail third = awaitSubmission(sender, 3);
        assertThat(third.status()).isEqualTo("ACCEPTED");
        assertThat(third.version()).isGreaterThan(first.version()); // a new version of the same enterprise
        assertThat(awaitInbox(sender, 3).get(2).getSubject()).startsWith("【已受理】");
    }

    @Test
    void staffWriteToAnEnterpriseFromItsPage() throws Exception {
        byte[] raw = Files.readAllBytes(Path.of("sample-submissions", "12-errors-first-submission.eml"));
        String sender = "write.to@nb-write.cn";
        byte[] mail = new String(raw, StandardCharsets.ISO_8859_1).replaceAll("(?m)^From: .*$", "From: <" + sender + ">")
                .replaceAll("(?mi)^Message-ID: .*$", "Message-ID: <write-original@nb-write.cn>")
                .getBytes(StandardCharsets.ISO_8859_1);
        mailbox.deliver(mail, sender);
        SubmissionView.Detail s = awaitSubmission(sender, 1);
        MimeMessage receipt = awaitInbox(sender, 1).get(0);
        assertThat(receipt.getSubject()).isEqualTo("【需更正】" + s.enterpriseName() + " 申报材料（回执号 "
                + ReplyComposer.receipt(s.id()) + "）");
        String key = org.formbox.submission.Submissions.normaliseName(s.enterpriseName());
        StaffSession staff = staff();
        String page = staff.get("/enterprise?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        assertThat(page).contains("value=\"" + sender + "\"");

        int posted = staff.post("/enterprise/write", "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(sender, StandardCharsets.UTF_8)
                + "&subject=" + URLEncoder.encode("Re: 关于固定资产的数字", StandardCharsets.UTF_8)
                + "&text=" + URLEncoder.encode("您好，请确认固定资产是否以万元填写。", StandardCharsets.UTF_8));
        assertThat(posted).isEqualTo(302);
        MimeMessage written = awaitInbox(sender, 2).get(1);
        assertThat(written.getSubject()).isEqualTo("关于固定资产的数字");
        assertThat(written.getHeader("In-Reply-To", null)).isEqualTo("<write-original@nb-write.cn>");
        assertThat(text(written)).contains("请确认固定资产是否以万元填写。");
        await().atMost(Duration.ofSeconds(20)).until(() -> staff.get("/enterprise?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8))
                .contains("工作人员 staff → " + sender));
    }

    @Test
    void aMailWithNeitherTextNorFormsGetsTheBlankForms() throws Exception {
        String sender = "empty.mail@nb-empty.cn";
        mailbox.deliver(TestMails.from(sender).subject("申报材料").body("\r\n\r\n").build(), sender);
        SubmissionView.Detail s = awaitSubmission(sender, 1);
        assertThat(s.status()).isEqualTo("NO_FORM");
        MimeMessage reply = awaitInbox(sender, 1).get(0);
        assertThat(reply.getSubject()).startsWith("【未收到表格】申报材料");
        assertThat(attachmentCount(reply)).isEqualTo(2);
        assertThat(text(reply)).contains("一、收到的附件", "二、下一步").doesNotContain("三、");
    }

    private SubmissionView.Detail awaitSubmission(String sender, int count) {
        SubmissionSearch.Criteria bySender = new SubmissionSearch.Criteria(sender, null, null, null);
        await().atMost(Duration.ofSeconds(40)).until(() -> search.find(bySender, 0, 10).total() >= count);
        return search.detail(search.find(bySender, 0, 10).items().get(0).id()).orElseThrow();
    }

    private List<MimeMessage> awaitInbox(String sender, int count) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.inboxOf(sender).size() >= count);
        List<MimeMessage> inbox = new java.util.ArrayList<>(mailbox.inboxOf(sender));
        assertThat(inbox).hasSize(count);
        inbox.sort(java.util.Comparator.comparing(m -> {
            try {
                return m.getHeader("Message-ID", null).replaceAll("\\D", "").length() > 0
                        ? Long.parseLong(m.getHeader("Message-ID", null).replaceAll("^<formbox\\.(\\d+)\\..*$", "$1")) : 0L;
            } catch (Exception e) {
                return 0L;
            }
        }));
        return inbox;
    }

    private StaffSession staff() {
        return StaffSession.login(port, "staff", "staff-pass");
    }

    static String text(Part part) throws Exception {
        return ReplyFlowTests.text(part);
    }

    private static int attachmentCount(Part part) throws Exception {
        int n = 0;
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                n += mp.getBodyPart(i).getFileName() != null ? 1 : attachmentCount(mp.getBodyPart(i));
            }
        }
        return n;
    }
}
