package org.formbox.reply;

import org.formbox.outbox.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.formbox.outbox.Outbox;
import org.formbox.outbox.OutboxMail;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The automatic reply to a received mail, written when it goes out from what the store holds of
 * the submission then ({@link ReplyComposer}), threaded to the mail it answers, marked as automatic
 * (RFC 3834), with the blank forms attached when the sender sent none (at most once a day).
 */
@Component
class ReplyMail implements OutboxMail {

    private final SubmissionSearch search;
    private final ReplyComposer composer;
    private final MailTemplates templates;
    private final MailTransport transport;
    private final BlankForms blankForms;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReplyMail(SubmissionSearch search, ReplyComposer composer, MailTemplates templates, MailTransport transport,
              BlankForms blankForms, JdbcClient jdbc, Clock clock) {
        this.search = search;
        this.composer = composer;
        this.templates = templates;
        this.transport = transport;
        this.blankForms = blankForms;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Outbox.Kind kind() {
        return Outbox.Kind.REPLY;
    }

    @Override
    public Outbox.Result send(Outbox.Entry entry, Instant at) throws MessagingException, UnsupportedEncodingException {
        SubmissionView.Detail s = search.detail(entry.submissionId()).orElseThrow();
        ReplyContent content = composer.compose(s);
        if (content.templatesAttached() && formsSentToday(entry)) {
            content = ReplyComposer.formsSentEarlier(content);
        }
        Map<String, Object> vars = ReplyComposer.variables(content);
        MimeMessage m = transport.newMessage(messageId(transport, entry), entry.recipient(), content.subject(), at);
        thread(m, entry.submissionId());
        // RFC 3834: mark the reply as automatic so that well-behaved systems do not answer it
        m.setHeader("Auto-Submitted", "auto-replied");
        m.setHeader("X-Auto-Response-Suppress", "All");
        m.setHeader("X-Formbox-Receipt", content.receipt());
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(MailTransport.alternative(templates.render("reply.txt", vars), templates.render("reply.html", vars)));
        if (content.templatesAttached()) {
            for (BlankForms.Form form : blankForms.forms()) {
                mixed.addBodyPart(MailTransport.attachment(form.filename(), form.contentType(), form.content()));
            }
        }
        m.setContent(mixed);
        transport.send(m);
        return MailTransport.sent(m, at);
    }

    /** A Message-ID of our own for each outbox row, the same on every retry, so that answers to it find their thread. */
    static String messageId(MailTransport transport, Outbox.Entry entry) {
        String address = transport.fromAddress();
        String domain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : "formbox.local";
        return "<formbox." + entry.id() + "." + entry.createdAt().toInstant().toEpochMilli() + "@" + domain + ">";
    }

    private void thread(MimeMessage m, Long submissionId) throws MessagingException {
        record Thread(String messageId, String refs) {
        }
        Thread t = jdbc.sql("select message_id, thread_refs from submission where id = ?").param(submissionId)
                .query((rs, n) -> new Thread(rs.getString(1), rs.getString(2))).single();
        if (t.messageId() != null) {
            m.setHeader("In-Reply-To", t.messageId());
        }
        if (t.refs() != null && !t.refs().isBlank()) {
            m.setHeader("References", t.refs());
        }
    }

    /**
     * Whether this address already got the blank forms today (in the call's time zone): they go
     * out at most once a day, so a stream of mails without forms, perhaps under a forged sender,
     * cannot make the mailbox send the same files again and again.
     */
    private boolean formsSentToday(Outbox.Entry entry) {
        java.time.ZonedDateTime startOfDay = java.time.LocalDate.now(clock).atStartOfDay(clock.getZone());
        return jdbc.sql("""
                select count(*) from outbox o join submission s on s.id = o.submission_id
                where o.kind = 'REPLY' and o.state = 'SENT' and o.recipient = ? and s.status = 'NO_FORM'
                and o.sent_at >= ? and o.id <> ?""")
                .params(entry.recipient(), startOfDay.toOffsetDateTime(), entry.id()).query(Long.class).single() > 0;
    }
}
