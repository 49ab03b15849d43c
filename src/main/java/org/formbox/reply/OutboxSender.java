package org.formbox.reply;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
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

    public OutboxSender(JdbcClient jdbc, SubmissionSearch search, ReplyComposer composer, MailTemplates templates,
                        MailTransport transport, BlankForms blankForms, java.time.Clock clock, OutboxClaims claims) {
        this.claims = claims;
        this.jdbc = jdbc;
        this.search = search;
        this.composer = composer;
        this.templates = templates;
        this.transport = transport;
        this.blankForms = blankForms;
        this.clock = clock;
    }

    private record Due(long id, long submissionId, String recipient, int attempts) {
    }

    /** Sends every reply that is due; never throws, so the route keeps its schedule. Returns how many went out. */
    public int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Due> due = jdbc.sql("""
                select id, submission_id, recipient, attempts from outbox
                where state = 'PENDING' and kind = 'REPLY' and next_attempt_at <= ?
                and (claimed_until is null or claimed_until < ?) order by id limit 50""")
                .params(now, now)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list();
        int sent = 0;
        for (Due d : due) {
            if (!claims.claim(d.id())) {
                continue; // another instance is sending it
            }
            try {
                send(d);
                jdbc.sql("update outbox set state = 'SENT', sent_at = ?, attempts = ?, last_error = null, claimed_until = null where id = ?")
                        .params(OffsetDateTime.now(ZoneOffset.UTC), d.attempts() + 1, d.id()).update();
                sent++;
            } catch (Exception e) {
                Duration pause = backoff(d.attempts() + 1);
                log.warn("Reply {} to {} not sent (attempt {}), next try in {}s: {}", d.id(), d.recipient(),
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

    private void send(Due d) throws MessagingException, UnsupportedEncodingException {
        SubmissionView.Detail s = search.detail(d.submissionId()).orElseThrow();
        ReplyContent content = composer.compose(s);
        if (content.templatesAttached() && formsSentToday(d)) {
            content = ReplyComposer.formsSentEarlier(content);
        }
        Map<String, Object> vars = ReplyComposer.variables(content);
        MimeMessage m = transport.newMessage();
        m.setFrom(new InternetAddress(transport.fromAddress(), "科技创新2025重大专项征集", "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(d.recipient()));
        String subject = s.subject() == null || s.subject().isBlank() ? "您的来信" : s.subject().strip();
        m.setSubject("回执：" + subject + "（" + content.receipt() + "）", "UTF-8");
        String refs = jdbc.sql("select thread_refs from submission where id = ?").param(s.id()).query(String.class)
                .optional().orElse(null);
        if (s.messageId() != null) {
            m.setHeader("In-Reply-To", s.messageId());
        }
        if (refs != null && !refs.isBlank()) {
            m.setHeader("References", refs);
        }
        // RFC 3834: mark the reply as automatic so that well-behaved systems do not answer it
        m.setHeader("Auto-Submitted", "auto-replied");
        m.setHeader("X-Auto-Response-Suppress", "All");
        m.setHeader("X-Formbox-Receipt", content.receipt());

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(templates.render("reply.txt", vars), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(templates.render("reply.html", vars), "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        if (content.templatesAttached()) {
            for (BlankForms.Form form : blankForms.forms()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(form.content(), form.contentType())));
                part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(form.filename(), "UTF-8", "B"));
                mixed.addBodyPart(part);
            }
        }
        m.setContent(mixed);
        transport.send(m);
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
