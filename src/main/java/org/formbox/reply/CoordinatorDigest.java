package org.formbox.reply;

import org.formbox.outbox.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.io.UnsupportedEncodingException;
import org.formbox.export.SubmissionExport;
import org.formbox.outbox.Outbox;
import org.formbox.outbox.OutboxMail;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.system.CallSettings;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionStatistics;
import org.formbox.submission.SubmissionView.Detail;
import org.formbox.submission.SubmissionView.Summary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coordinator's digest: totals, what is new since the last digest, what needs correction,
 * resubmissions and failed messages, in text and HTML, with the export workbook attached. Queued in
 * the outbox by {@code routes/digest.camel.yaml} on {@code formbox.digest.cron}, or on request from the
 * dashboard, and written when it goes out.
 */
@Component("coordinatorDigest")
public class CoordinatorDigest implements OutboxMail {

    private static final Logger log = LoggerFactory.getLogger(CoordinatorDigest.class);

    private final SubmissionStatistics statistics;
    private final EnterpriseFiles files;
    private final SubmissionSearch search;
    private final SubmissionExport export;
    private final MailTransport transport;
    private final CoordinatorDigestLog digestLog;
    private final MailTemplates templates;
    private final String coordinator;
    private final ZoneId zone;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    CoordinatorDigest(SubmissionStatistics statistics, EnterpriseFiles files, SubmissionSearch search, SubmissionExport export,
                      MailTransport transport, CoordinatorDigestLog digestLog, MailTemplates templates,
                      CoordinatorSettings coordinator, CallSettings call, Outbox outbox,
                      PlatformTransactionManager transactions) {
        this.zone = call.timeZone();
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.statistics = statistics;
        this.files = files;
        this.search = search;
        this.export = export;
        this.transport = transport;
        this.digestLog = digestLog;
        this.coordinator = coordinator.address();
        this.templates = templates;
    }

    /**
     * A digest queued to go out (within seconds; it waits in the outbox while the mail server is down).
     *
     * @param recipient  to whom
     * @param queuedAt   when; the next digest tells what came in after this
     * @param newCount   submissions new since the previous digest
     */
    public record Queued(String recipient, Instant queuedAt, int newCount) {
    }

    @Override
    public Outbox.Kind kind() {
        return Outbox.Kind.DIGEST;
    }

    /** The scheduled send (route {@code coordinator-digest}). */
    public Queued sendScheduled() throws MessagingException {
        return send("schedule");
    }

    /**
     * Queues the digest now, one mail to each address of {@code formbox.coordinator.address};
     * {@code requestedBy} is the staff user or {@code schedule}. What came in from now on is for the
     * next digest.
     */
    public synchronized Queued send(String requestedBy) throws MessagingException {
        InternetAddress[] to = InternetAddress.parse(coordinator);
        Instant now = Instant.now();
        Instant since = digestLog.lastSentAt().orElse(null);
        int newCount = statistics.receivedSince(since).size();
        transaction.executeWithoutResult(status -> {
            digestLog.record(now, coordinator, newCount, requestedBy);
            for (InternetAddress address : to) {
                outbox.digest(address.getAddress(), since, now, requestedBy);
            }
        });
        log.info("Digest queued for {} ({} new, requested by {})", coordinator, newCount, requestedBy);
        return new Queued(coordinator, now, newCount);
    }

    /** Writes and sends a queued digest: the totals as they are now, what came in since the one before. */
    @Override
    public Outbox.Result send(Outbox.Entry entry, Instant at) throws MessagingException, UnsupportedEncodingException {
        Instant since = entry.digestSince() == null ? null : entry.digestSince().toInstant();
        CoordinatorDigestContent content = content(since, at);
        MimeMessage message = transport.newMessage(ReplyMail.messageId(transport, entry), entry.recipient(),
                "【" + org.formbox.forms.FieldCatalog.definition().shortName() + " 收表汇总】" + content.generatedAt() + "：新收 "
                        + content.newSubmissions().size() + " 份，需更正 " + content.needingCorrection().size() + " 家", at);
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setContent(body(content, at));
        transport.send(message);
        return MailTransport.sent(message, at);
    }

    /** What the next digest would say. */
    public CoordinatorDigestContent content(Instant now) {
        return content(digestLog.lastSentAt().orElse(null), now);
    }

    private CoordinatorDigestContent content(Instant since, Instant now) {
        List<Summary> received = statistics.receivedSince(since);
        List<Detail> failed = details(received.stream().filter(CoordinatorDigestContent::failed).map(Summary::id).toList());
        return CoordinatorDigestContent.of(now, zone, since, statistics.counts(7, zone), received, files.all(), failed);
    }

    private MimeMultipart body(CoordinatorDigestContent content, Instant now) throws MessagingException {
        Map<String, Object> variables = Map.of("d", content);
        MimeBodyPart text = new MimeBodyPart();
        text.setText(templates.render("digest.txt", variables), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(templates.render("digest.html", variables), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        MimeBodyPart readable = new MimeBodyPart();
        readable.setContent(alternative);
        MimeBodyPart workbook = MailTransport.attachment(org.formbox.forms.FieldCatalog.definition().shortName() + "-汇总-" + LocalDate.ofInstant(now, zone) + ".xlsx",
                SubmissionExport.XLSX, export.workbook());
        return new MimeMultipart("mixed", readable, workbook);
    }

    private List<Detail> details(List<Long> ids) {
        return ids.stream().map(id -> search.detail(id).orElseThrow()).toList();
    }
}
