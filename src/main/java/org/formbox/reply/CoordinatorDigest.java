package org.formbox.reply;

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
import org.formbox.export.SubmissionExport;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.system.CallSettings;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionStatistics;
import org.formbox.submission.SubmissionView.Detail;
import org.formbox.submission.SubmissionView.Summary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The coordinator's digest: totals, what is new since the last digest, what needs correction,
 * resubmissions and failed messages, in text and HTML, with the export workbook attached. Sent by
 * {@code routes/digest.camel.yaml} on {@code formbox.digest.cron}, or on request from the dashboard.
 */
@Component("coordinatorDigest")
public class CoordinatorDigest {

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

    CoordinatorDigest(SubmissionStatistics statistics, EnterpriseFiles files, SubmissionSearch search, SubmissionExport export,
                      MailTransport transport, CoordinatorDigestLog digestLog, MailTemplates templates,
                      CoordinatorSettings coordinator, CallSettings call) {
        this.zone = call.timeZone();
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
     * A digest that went out.
     *
     * @param recipient  to whom
     * @param sentAt     when
     * @param newCount   submissions new since the previous digest
     */
    public record Sent(String recipient, Instant sentAt, int newCount) {
    }

    /** The scheduled send (route {@code coordinator-digest}). */
    public Sent sendScheduled() throws MessagingException {
        return send("schedule");
    }

    /** Sends the digest now; {@code requestedBy} is the staff user or {@code schedule}. */
    public synchronized Sent send(String requestedBy) throws MessagingException {
        Instant now = Instant.now();
        CoordinatorDigestContent content = content(now);
        MimeMessage message = transport.newMessage();
        message.setFrom(new InternetAddress(transport.fromAddress()));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(coordinator));
        message.setSubject("【" + org.formbox.forms.FieldCatalog.definition().shortName() + " 收表汇总】" + content.generatedAt() + "：新收 " + content.newSubmissions().size()
                + " 份，需更正 " + content.needingCorrection().size() + " 家", "UTF-8");
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setContent(body(content, now));
        transport.send(message);
        digestLog.record(now, coordinator, content.newSubmissions().size(), requestedBy);
        log.info("Digest sent to {} ({} new, requested by {})", coordinator, content.newSubmissions().size(), requestedBy);
        return new Sent(coordinator, now, content.newSubmissions().size());
    }

    /** What the next digest would say. */
    public CoordinatorDigestContent content(Instant now) {
        Instant since = digestLog.lastSentAt().orElse(null);
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
        MimeBodyPart workbook = MailTransport.attachment(
                org.formbox.forms.FieldCatalog.definition().shortName() + "-汇总-" + LocalDate.ofInstant(now, zone) + ".xlsx",
                SubmissionExport.XLSX, export.workbook());
        return new MimeMultipart("mixed", readable, workbook);
    }

    private List<Detail> details(List<Long> ids) {
        return ids.stream().map(id -> search.detail(id).orElseThrow()).toList();
    }
}
