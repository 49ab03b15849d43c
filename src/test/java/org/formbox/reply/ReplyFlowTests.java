package org.formbox.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.support.TestMails;
import org.formbox.system.EmbeddedMailServer;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every sender learns what to fix; machines are never answered; a reply is neither lost nor doubled. */
@MailboxTest
class ReplyFlowTests {

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;
    @Autowired
    CamelContext camel;
    @Autowired
    EmbeddedMailServer mailServer;

    Mailbox mailbox;

    @BeforeEach
    void connect() {
        mailbox = new Mailbox(settings);
    }

    @Test
    void acceptedSubmissionGetsOneThreadedReplyEchoingTheValuesRead() throws Exception {
        MimeMessage sample = sample("01-docx-pair-clean.eml");
        String sender = deliver(sample);

        SubmissionView.Detail s = awaitSubmission(sender);
        assertThat(s.status()).isEqualTo("ACCEPTED");
        MimeMessage reply = awaitSingleReply(sender);
        assertThat(reply.getSubject()).contains(ReplyComposer.receipt(s.id()));
        assertThat(reply.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(sample.getMessageID());
        assertThat(reply.getHeader("References", null)).contains(sample.getMessageID());
        assertThat(((InternetAddress) reply.getFrom()[0]).getAddress()).isEqualTo(settings.address());
        String text = text(reply);
        assertThat(text).contains("没有发现需要更正的问题", s.enterpriseName(), "已按附件2（企业基本情况调查表）读取");
        assertThat(search.detail(s.id()).orElseThrow().reply().sent()).isTrue();
    }

    @Test
    void correctionsAreListedAndTheCorrectedResubmissionSupersedesTheFirst() throws Exception {
        String sender = deliver(sample("12-errors-first-submission.eml"));
        SubmissionView.Detail first = awaitSubmission(sender);
        assertThat(first.status()).isEqualTo("NEEDS_CORRECTION");
        List<String> errors = first.findings().stream().filter(f -> f.severity().equals("error"))
                .map(SubmissionView.FindingView::message).toList();
        assertThat(first.findings()).extracting(SubmissionView.FindingView::rule)
                .contains("A2-FIXED-LE-TOTAL", "A2-HEADCOUNT", "A2-PHONE");
        String firstText = text(awaitSingleReply(sender));
        assertThat(firstText).contains("需要更正的问题");
        errors.forEach(e -> assertThat(firstText).contains(e));
        int confirm = firstText.indexOf("请您确认的事项");
        assertThat(firstText.indexOf(errors.get(errors.size() - 1))).isLessThan(confirm < 0 ? Integer.MAX_VALUE : confirm);

        deliver(sample("13-resubmission-corrected.eml"));
        await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.inboxOf(sender).size() == 2);
        SubmissionView.Detail second = search.detail(
                search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).items().get(0).id()).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.supersedes()).isEqualTo(first.id());
        // only the Annex 2 was resent: the first mail's Annex 1 still stands, so that mail is not superseded
        assertThat(search.detail(first.id()).orElseThrow().supersededBy()).isNull();
        String text = mailbox.inboxOf(sender).stream().map(m -> {
            try {
                return text(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(t -> t.contains(ReplyComposer.receipt(second.id()))).findFirst().orElseThrow();
        assertThat(text).contains("替代您于", ReplyComposer.receipt(first.id()), "附件1（", "仍然有效");
    }

    @Test
    void mailWithoutFormsGetsTheBlankTemplates() throws Exception {
        String sender = "blank.forms@nb-blank.cn";
        mailbox.deliver(TestMails.from(sender).build(), sender); // "附件是我单位的申报材料，请查收" and nothing attached

        assertThat(awaitSubmission(sender).status()).isEqualTo("NO_FORM");
        MimeMessage reply = awaitSingleReply(sender);
        assertThat(text(reply)).contains("没有找到附件1");
        assertThat(attachmentNames(reply)).containsExactly("附件1-项目实施方案（模板）.docx",
                "附件2-行业重点企业基本情况调查表（模板）.docx");
    }

    @Test
    void doesNotAnswerAutoRepliesOrBounces() throws Exception {
        String autoReply = deliver(sample("17-auto-reply.eml"));
        String bounce = deliver(sample("18-bounce.eml"));
        String person = "after.machines@nbtest.cn";
        mailbox.deliver(TestMails.from(person).build(), person);

        assertThat(awaitSubmission(autoReply).status()).isEqualTo("IGNORED");
        assertThat(awaitSubmission(person).status()).isEqualTo("NO_FORM");
        awaitSingleReply(person); // replies go out in arrival order: anything for the machines would be out by now
        assertThat(mailbox.inboxOf(autoReply)).isEmpty();
        assertThat(search.find(new SubmissionSearch.Criteria("mailer-daemon", null, "IGNORED", null), 0, 10).total())
                .isEqualTo(1);
        assertThat(mailbox.inboxOf(bounce)).isEmpty();
        assertThat(search.detail(awaitSubmission(autoReply).id()).orElseThrow().reply().suppressedBecause())
                .contains("automated");
    }

    @Test
    void ourReplyBouncedBackAsAnAutoReplyEndsTheExchange() throws Exception {
        String sender = "loop.tester@nbtest.cn";
        mailbox.deliver(TestMails.from(sender).build(), sender);
        MimeMessage reply = awaitSingleReply(sender);

        // the sender's out-of-office answers our reply, quoting it
        MimeMessage outOfOffice = new MimeMessage(Session.getInstance(new Properties()));
        outOfOffice.setFrom(new InternetAddress(sender));
        outOfOffice.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(settings.address()));
        outOfOffice.setSubject("自动回复: " + reply.getSubject(), "UTF-8");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        outOfOffice.setHeader("In-Reply-To", reply.getMessageID());
        outOfOffice.setText("我正在休假，12月5日返回。", "UTF-8");
        outOfOffice.saveChanges();
        mailbox.deliver(bytes(outOfOffice), sender);
        // and our own reply, delivered back to the collection address unchanged
        mailbox.deliver(bytes(reply), settings.address());

        await().atMost(Duration.ofSeconds(30)).until(() ->
                search.find(new SubmissionSearch.Criteria(sender, null, "IGNORED", null), 0, 10).total() == 1
                && search.find(new SubmissionSearch.Criteria(settings.address(), null, "IGNORED", null), 0, 10).total() >= 1);
        String next = "loop.witness@nbtest.cn";
        mailbox.deliver(TestMails.from(next).build(), next);
        awaitSingleReply(next);
        assertThat(mailbox.inboxOf(sender)).hasSize(1);
    }

    @Test
    void aSenderIsNotFloodedWithReplies() throws Exception {
        String sender = "many.mails@nbtest.cn";
        for (int i = 0; i < 7; i++) {
            mailbox.deliver(TestMails.from(sender).subject("第" + i + "次").build(), sender);
        }
        await().atMost(Duration.ofSeconds(40)).until(() ->
                search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).total() == 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.inboxOf(sender).size() >= 5);
        String next = "flood.witness@nbtest.cn";
        mailbox.deliver(TestMails.from(next).build(), next);
        awaitSingleReply(next);
        assertThat(mailbox.inboxOf(sender)).hasSize(5); // formbox.reply.max-per-sender=5 in the tests
        long suppressed = search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).items().stream()
                .map(i -> search.detail(i.id()).orElseThrow().reply().suppressedBecause())
                .filter(r -> r != null && r.startsWith("rate limit")).count();
        assertThat(suppressed).isEqualTo(2);
    }

    @Test
    void replyWaitsWhileTheMailServerIsDownAndGoesOutOnceItIsBack() throws Exception {
        String sender = "smtp.down@nbtest.cn";
        camel.getRouteController().stopRoute("reply-outbox");
        try {
            mailbox.deliver(TestMails.from(sender).build(), sender);
            SubmissionView.Detail s = awaitSubmission(sender);
            mailServer.stop();
            camel.getRouteController().startRoute("reply-outbox");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    search.detail(s.id()).orElseThrow().reply().attempts() >= 1);
            assertThat(search.detail(s.id()).orElseThrow().reply().sent()).isFalse();
            assertThat(search.detail(s.id()).orElseThrow().reply().lastError()).isNotBlank();
        } finally {
            if (!mailServer.isRunning()) {
                mailServer.start();
            }
            if (!camel.getRouteController().getRouteStatus("reply-outbox").isStarted()) {
                camel.getRouteController().startRoute("reply-outbox");
            }
        }
        MimeMessage reply = awaitSingleReply(sender);
        assertThat(reply.getSubject()).contains("回执号");
        String next = "smtp.back.witness@nbtest.cn";
        mailbox.deliver(TestMails.from(next).build(), next);
        awaitSingleReply(next);
        assertThat(mailbox.inboxOf(sender)).hasSize(1);
    }

    private MimeMessage sample(String name) throws Exception {
        byte[] raw = Files.readAllBytes(Path.of("sample-submissions", name));
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private String deliver(MimeMessage sample) throws Exception {
        String from = ((InternetAddress) sample.getFrom()[0]).getAddress().toLowerCase();
        mailbox.deliver(bytes(sample), from);
        return from;
    }

    private SubmissionView.Detail awaitSubmission(String sender) {
        SubmissionSearch.Criteria bySender = new SubmissionSearch.Criteria(sender, null, null, null);
        await().atMost(Duration.ofSeconds(40)).until(() -> search.find(bySender, 0, 10).total() >= 1);
        return search.detail(search.find(bySender, 0, 10).items().get(0).id()).orElseThrow();
    }

    private MimeMessage awaitSingleReply(String sender) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !mailbox.inboxOf(sender).isEmpty());
        List<MimeMessage> inbox = mailbox.inboxOf(sender);
        assertThat(inbox).hasSize(1);
        return inbox.get(0);
    }

    private static byte[] bytes(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String t = text(mp.getBodyPart(i));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    private static List<String> attachmentNames(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                if (p.getFileName() != null) {
                    names.add(MimeUtility.decodeText(p.getFileName()));
                } else {
                    names.addAll(attachmentNames(p));
                }
            }
        }
        return names;
    }
}
