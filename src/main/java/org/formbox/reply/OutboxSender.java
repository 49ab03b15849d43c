package org.formbox.reply;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.system.CallSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends the replies waiting in the outbox. A reply row is written in the same transaction as its
 * submission, so it exists exactly when the submission does; this sender runs after the commit,
 * marks each reply sent once the server took it, and retries with growing pauses while the
 * server is down. Only a crash between the server's acceptance and the mark can repeat a reply.
 * Every instance on the same database runs this sender; each row is first claimed
 * ({@link OutboxClaims}), so no two instances send the same reply.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final SubmissionSearch search;
    private final ReplyComposer composer;
    private final MailTemplates templates;
    private final MailTransport transport;
    private final BlankForms blankForms;
    private final java.time.Clock clock;
    private final OutboxClaims claims;
    private final CallSettings call;

    public OutboxSender(JdbcClient jdbc, SubmissionSearch search, ReplyComposer composer, MailTemplates templates,
                        MailTransport transport, BlankForms blankForms, java.time.Clock clock, OutboxClaims claims,
                        CallSettings call) {
        this.claims = claims;
        this.jdbc = jdbc;
        this.search = search;
        this.composer = composer;
        this.templates = templates;
        this.transport = transport;
        this.blankForms = blankForms;
        this.clock = clock;
        this.call = call;
    }

    private record Due(long id, Long submissionId, String kind, String recipient, int attempts, OffsetDateTime createdAt) {
    }

    /** A mail as it went out: what the store keeps of it. */
    private record Written(String subject, String text, String messageId, java.time.Instant sentAt) {
    }

    /** Sends every mail that is due; never throws, so the route keeps its schedule. Returns how many went out. */
    public int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Due> due = jdbc.sql("""
                select id, submission_id, kind, recipient, attempts, created_at from outbox
                where state = 'PENDING' and kind in ('REPLY', 'STAFF') and next_attempt_at <= ?
                and (claimed_until is null or claimed_until < ?) order by id limit 50""")
                .params(now, now)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getObject(6, OffsetDateTime.class))).list();
        int sent = 0;
        try (MailTransport.Batch batch = transport.batch()) {
            sent = send(due);
        }
        return sent;
    }

    private int send(List<Due> due) {
        int sent = 0;
        for (Due d : due) {
            if (!claims.claim(d.id())) {
                continue; // another instance is sending it
            }
            try {
                // the time it went out, taken before sending: no answer to it can have arrived earlier
                java.time.Instant at = java.time.Instant.now();
                Written w = "STAFF".equals(d.kind()) ? sendStaff(d, at) : sendReply(d, at);
                jdbc.sql("""
                        update outbox set state = 'SENT', sent_at = ?, attempts = ?, last_error = null, claimed_until = null,
                          subject = ?, body_text = ?, message_id = ? where id = ?""")
                        .params(w.sentAt().atOffset(ZoneOffset.UTC), d.attempts() + 1, truncate(w.subject(), 2000),
                                truncate(w.text(), 100000), w.messageId(), d.id()).update();
                sent++;
            } catch (Exception e) {
                Duration pause = backoff(d.attempts() + 1);
                log.warn("Mail {} to {} not sent (attempt {}), next try in {}s: {}", d.id(), d.recipient(),
                        d.attempts() + 1, pause.toSeconds(), e.toString());
                jdbc.sql("update outbox set attempts = ?, next_attempt_at = ?, last_error = ?, claimed_until = null where id = ?")
                        .params(d.attempts() + 1, OffsetDateTime.now(ZoneOffset.UTC).plus(pause),
                                truncate(e.toString(), 4000), d.id()).update();
                if (isConnectionFailure(e)) {
                    break; // the server is down: the rest would fail the same way
                }
            }
        }
        return sent;
    }

    /** How many replies wait to be sent. */
    public long backlog() {
        return jdbc.sql("select count(*) from outbox where state = 'PENDING'").query(Long.class).single();
    }

    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(attempts - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    /** The automatic reply to a submission. */
    private Written sendReply(Due d, java.time.Instant at) throws MessagingException, UnsupportedEncodingException {
        SubmissionView.Detail s = search.detail(d.submissionId()).orElseThrow();
        ReplyContent content = composer.compose(s);
        if (content.templatesAttached() && formsSentToday(d)) {
            content = ReplyComposer.formsSentEarlier(content);
        }
        MimeMessage m = render(content, d);
        m.setSentDate(java.util.Date.from(at));
        transport.send(m);
        return written(m, at);
    }

    private MimeMessage render(ReplyContent content, Due d) throws MessagingException, UnsupportedEncodingException {
        Map<String, Object> vars = ReplyComposer.variables(content);
        MimeMessage m = transport.newMessage(messageId(d));
        from(m);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(d.recipient()));
        m.setSubject(content.subject(), "UTF-8");
        thread(m, d.submissionId());
        // RFC 3834: mark the reply as automatic so that well-behaved systems do not answer it
        m.setHeader("Auto-Submitted", "auto-replied");
        m.setHeader("X-Auto-Response-Suppress", "All");
        m.setHeader("X-Formbox-Receipt", content.receipt());
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(alternative(templates.render("reply.txt", vars), templates.render("reply.html", vars)));
        if (content.templatesAttached()) {
            for (BlankForms.Form form : blankForms.forms()) {
                mixed.addBodyPart(MailTransport.attachment(form.filename(), form.contentType(), form.content()));
            }
        }
        m.setContent(mixed);
        return m;
    }

    /** A mail a staff member wrote: their words and the office's signature, threaded to the mail it answers. */
    private Written sendStaff(Due d, java.time.Instant at) throws MessagingException, UnsupportedEncodingException {
        record Staff(String text, String subject, String inReplyTo, String refs) {
        }
        Staff staff = jdbc.sql("select staff_text, subject, in_reply_to, thread_refs from outbox where id = ?").param(d.id())
                .query((rs, n) -> new Staff(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        String office = call.office().displayName();
        String phone = call.office().phone() == null || call.office().phone().isBlank() ? null : call.office().phone().strip();
        Map<String, Object> mail = new java.util.HashMap<>();
        mail.put("text", staff.text());
        mail.put("lines", List.of(staff.text().split("\\R")));
        mail.put("subject", staff.subject());
        mail.put("signature", office);
        mail.put("phone", phone);
        Map<String, Object> vars = Map.of("mail", mail);
        MimeMessage m = transport.newMessage(messageId(d));
        from(m);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(d.recipient()));
        m.setSubject(staff.subject(), "UTF-8");
        if (staff.inReplyTo() != null) {
            m.setHeader("In-Reply-To", staff.inReplyTo());
        }
        String refs = staff.refs() != null ? staff.refs() : staff.inReplyTo();
        if (refs != null && !refs.isBlank()) {
            m.setHeader("References", refs);
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(alternative(templates.render("staff.txt", vars), templates.render("staff.html", vars)));
        m.setContent(mixed);
        m.setSentDate(java.util.Date.from(at));
        transport.send(m);
        return written(m, at);
    }

    private void from(MimeMessage m) throws MessagingException, UnsupportedEncodingException {
        m.setFrom(new InternetAddress(transport.fromAddress(), org.formbox.forms.FieldCatalog.definition().mailName(), "UTF-8"));
    }

    private void thread(MimeMessage m, Long submissionId) throws MessagingException {
        if (submissionId == null) {
            return;
        }
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

    private static MimeBodyPart alternative(String text, String html) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        return body;
    }

    /** A Message-ID of our own for each outbox row, the same on every retry, so that answers to it find their thread. */
    private String messageId(Due d) {
        String address = transport.fromAddress();
        String domain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : "formbox.local";
        return "<formbox." + d.id() + "." + d.createdAt().toInstant().toEpochMilli() + "@" + domain + ">";
    }

    private static Written written(MimeMessage m, java.time.Instant at) throws MessagingException {
        String text;
        try {
            text = plainText(m);
        } catch (java.io.IOException e) {
            text = null;
        }
        return new Written(m.getSubject(), text, m.getMessageID(), at);
    }

    private static String plainText(jakarta.mail.Part p) throws MessagingException, java.io.IOException {
        if (p.isMimeType("text/plain")) {
            return (String) p.getContent();
        }
        if (p.isMimeType("multipart/*")) {
            MimeMultipart mp = (MimeMultipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String t = plainText(mp.getBodyPart(i));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * Whether this address already got the blank forms today (in the call's time zone): they go
     * out at most once a day, so a stream of mails without forms, perhaps under a forged sender,
     * cannot make the mailbox send the same files again and again.
     */
    private boolean formsSentToday(Due d) {
        java.time.ZonedDateTime startOfDay = java.time.LocalDate.now(clock).atStartOfDay(clock.getZone());
        return jdbc.sql("""
                select count(*) from outbox o join submission s on s.id = o.submission_id
                where o.kind = 'REPLY' and o.state = 'SENT' and o.recipient = ? and s.status = 'NO_FORM'
                and o.sent_at >= ? and o.id <> ?""")
                .params(d.recipient(), startOfDay.toOffsetDateTime(), d.id()).query(Long.class).single() > 0;
    }

    private static boolean isConnectionFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException
                    || t instanceof jakarta.mail.MessagingException me && me.getMessage() != null
                    && me.getMessage().startsWith("Couldn't connect")) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
