package org.formbox.intake;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;
import org.formbox.extraction.DocumentReader;
import org.formbox.extraction.ReadDocument;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.formbox.reply.ReplyLimiter;
import org.formbox.submission.SubmissionDraft;
import org.formbox.submission.SubmissionStatus;
import org.formbox.submission.Submissions;
import org.formbox.validation.CheckedDocument;
import org.formbox.validation.Checks;
import org.formbox.validation.Finding;
import org.formbox.validation.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the intake route does with each message, synchronously and in this order: archive the raw
 * bytes, unpack, read, check, and save everything with the reply in one transaction. Only then
 * does the route move the message out of the inbox. A message that cannot be handled is saved as
 * {@code FAILED} and sent to the failed folder; when even that cannot be saved (the store is down),
 * the exception leaves the message in the inbox for the next poll.
 */
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    /** The Camel mail consumer moves the message to the folder this header names. */
    static final String MOVE_TO = "moveTo";

    /** The name under which a form typed into the mail body is stored. */
    static final String BODY_NAME = "邮件正文.txt";

    private final RawArchive archive;
    private final MailUnpacker unpacker;
    private final DocumentReader reader;
    private final Checks checks;
    private final AutoReplyPolicy autoReplies;
    private final ReplyLimiter limiter;
    private final Submissions submissions;
    private final String failedFolder;

    public MailIntake(RawArchive archive, MailUnpacker unpacker, DocumentReader reader, Checks checks,
                      AutoReplyPolicy autoReplies, ReplyLimiter limiter, Submissions submissions, String failedFolder) {
        this.failedFolder = failedFolder;
        this.archive = archive;
        this.unpacker = unpacker;
        this.reader = reader;
        this.checks = checks;
        this.autoReplies = autoReplies;
        this.limiter = limiter;
        this.submissions = submissions;
    }

    /**
     * Takes one message from the mailbox.
     *
     * @return the outcome; {@code failed} tells the route to use the failed folder
     */
    public Outcome receive(Exchange exchange) throws Exception {
        Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        Outcome outcome = ingest(raw.toByteArray(), Instant.now());
        if (outcome.failed()) {
            exchange.getIn().setHeader(MOVE_TO, failedFolder);
        }
        return outcome;
    }

    /** Archives and saves one raw message; a message saved before is recognised and not saved again. */
    public Outcome ingest(byte[] raw, Instant receivedAt) throws Exception {
        RawArchive.Entry archived = archive.store(raw);
        var before = submissions.findByMessage(messageId(raw), archived.fingerprint());
        if (before.isPresent()) {
            log.info("Message {} was saved before as submission {}", archived.hash(), before.get().id());
            return new Outcome(before.get().id(), before.get().status(), false);
        }
        SubmissionDraft draft;
        try {
            draft = draft(raw, archived, receivedAt);
        } catch (Exception | StackOverflowError e) {
            log.warn("Message {} could not be handled: {}", archived.hash(), e.toString());
            draft = failed(raw, archived, receivedAt, e);
        }
        Submissions.Saved saved = submissions.save(draft);
        if (!saved.created()) {
            log.info("Message {} was saved before as submission {}", archived.hash(), saved.id());
        }
        return new Outcome(saved.id(), draft.status(), saved.created());
    }

    /**
     * Reads a stored submission again from its archived message, with today's readers and rules,
     * replacing its documents, values and findings. No reply is sent: the sender was answered when
     * the message came in. Returns the new status.
     */
    public SubmissionStatus reread(long submissionId) throws Exception {
        Submissions.Stored stored = submissions.stored(submissionId).orElseThrow(
                () -> new IllegalArgumentException("no submission " + submissionId));
        byte[] raw = archive.read(stored.archivePath());
        RawArchive.Entry entry = new RawArchive.Entry(RawArchive.sha256(raw), stored.archivePath(), RawArchive.fingerprint(raw));
        SubmissionDraft draft;
        try {
            draft = draft(raw, entry, stored.receivedAt());
        } catch (Exception | StackOverflowError e) {
            draft = failed(raw, entry, stored.receivedAt(), e);
        }
        return submissions.replaceReading(submissionId, draft);
    }

    private SubmissionDraft draft(byte[] raw, RawArchive.Entry archived, Instant receivedAt) throws Exception {
        UnpackedMail mail = unpacker.unpack(raw);
        var automated = autoReplies.automated(mail);
        List<SubmissionDraft.Document> documents = new ArrayList<>();
        List<CheckedDocument> checked = new ArrayList<>();
        for (MailAttachment a : mail.attachments()) {
            if (automated.isPresent() || a.container()) {
                documents.add(document(a, null, null));
                continue;
            }
            if (a.inline()) {
                // a logo or picture in the mail body: kept, but neither read nor reported as unreadable
                documents.add(new SubmissionDraft.Document(a.filename(), a.contentType(), a.origin(), a.content(),
                        false, Annex.OTHER, null, java.util.Map.of()));
                continue;
            }
            ReadDocument read = a.problem() != null ? ReadDocument.unreadable(a.problem())
                    : org.formbox.system.IntakeMetrics.timeExtraction(() -> reader.read(a.filename(), a.content()));
            documents.add(document(a, read, read.fields()));
            checked.add(new CheckedDocument(a.filename(), read.annex(), read.fields(), read.unreadable()));
        }
        if (mail.truncated() && automated.isEmpty()) {
            // the rest stays in the raw archive; the sender is told the mail carried too much
            checked.add(new CheckedDocument("第" + (MailUnpacker.MAX_PARTS + 1) + "个及以后的附件", Annex.UNREADABLE,
                    java.util.Map.of(), org.formbox.forms.Unreadable.TOO_LARGE));
        }
        if (automated.isEmpty() && checked.stream().noneMatch(MailIntake::isForm) && mail.bodyText() != null
                && !mail.bodyText().isBlank()) {
            // some senders paste the table into the mail itself: read the body like a document
            byte[] body = mail.bodyText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ReadDocument read = reader.read(BODY_NAME, body);
            if (isForm(read.annex())) {
                documents.add(new SubmissionDraft.Document(BODY_NAME, "text/plain; charset=UTF-8", "", body, false,
                        read.annex(), null, read.fields()));
                checked.add(new CheckedDocument(BODY_NAME, read.annex(), read.fields(), null));
            }
        }
        if (automated.isPresent()) {
            return build(mail, archived, raw, receivedAt, SubmissionStatus.IGNORED, automated.get(), null, documents,
                    List.of(), new SubmissionDraft.Reply(replyAddress(mail), "automated message: " + automated.get()));
        }
        List<Finding> findings = checks.check(checked);
        SubmissionStatus status = status(checked, findings);
        String recipient = replyAddress(mail);
        String refused = recipient == null ? "no reply address" : limiter.refuse(recipient, receivedAt).orElse(null);
        return build(mail, archived, raw, receivedAt, status, null, enterpriseName(checked), documents, findings,
                new SubmissionDraft.Reply(recipient == null ? "" : recipient, refused));
    }

    private static boolean isForm(CheckedDocument d) {
        return isForm(d.annex());
    }

    private static boolean isForm(Annex annex) {
        return annex == Annex.ANNEX_1 || annex == Annex.ANNEX_2;
    }

    static SubmissionStatus status(List<CheckedDocument> documents, List<Finding> findings) {
        boolean formRead = documents.stream().anyMatch(d -> d.annex() == Annex.ANNEX_1 || d.annex() == Annex.ANNEX_2);
        boolean unreadable = documents.stream().anyMatch(d -> d.annex() == Annex.UNREADABLE);
        if (!formRead && !unreadable) {
            return SubmissionStatus.NO_FORM;
        }
        boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.error);
        return errors ? SubmissionStatus.NEEDS_CORRECTION : SubmissionStatus.ACCEPTED;
    }

    private static String enterpriseName(List<CheckedDocument> documents) {
        for (String key : List.of("enterprise_name", "lead_organization")) {
            for (CheckedDocument d : documents) {
                FieldValue v = d.fields().get(key);
                if (v != null && v.text() != null && !v.text().isBlank()) {
                    return v.text().strip();
                }
            }
        }
        return null;
    }

    private static String replyAddress(UnpackedMail mail) {
        return mail.replyTo() != null ? mail.replyTo() : mail.sender();
    }

    private static SubmissionDraft.Document document(MailAttachment a, ReadDocument read,
                                                     java.util.Map<String, FieldValue> fields) {
        return new SubmissionDraft.Document(a.filename(), a.contentType(), a.origin(), a.content(), a.container(),
                read == null ? (a.problem() != null ? Annex.UNREADABLE : null) : read.annex(),
                read == null ? a.problem() : read.unreadable(), fields == null ? java.util.Map.of() : fields);
    }

    private SubmissionDraft build(UnpackedMail mail, RawArchive.Entry archived, byte[] raw, Instant receivedAt,
                                  SubmissionStatus status, String detail, String enterprise,
                                  List<SubmissionDraft.Document> documents, List<Finding> findings,
                                  SubmissionDraft.Reply reply) {
        return new SubmissionDraft(mail.messageId(), archived.fingerprint(), archived.path(), mail.sender(), mail.senderName(),
                mail.replyTo(), mail.subject(), mail.references(), mail.sentAt(), receivedAt, raw.length, status, detail, enterprise,
                documents, findings, reply);
    }

    private static String messageId(byte[] raw) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(raw)).getHeader("Message-ID", null);
        } catch (Exception | StackOverflowError unreadable) {
            return null;
        }
    }

    private SubmissionDraft failed(byte[] raw, RawArchive.Entry archived, Instant receivedAt, Throwable e) {
        String messageId = null;
        String sender = null;
        String subject = null;
        try {
            var headers = new InternetHeaders(new ByteArrayInputStream(raw));
            messageId = headers.getHeader("Message-ID", null);
            String from = headers.getHeader("From", null);
            var addresses = from == null ? new jakarta.mail.internet.InternetAddress[0]
                    : jakarta.mail.internet.InternetAddress.parseHeader(from, false);
            sender = addresses.length > 0 ? addresses[0].getAddress().toLowerCase(java.util.Locale.ROOT) : null;
            subject = EncodedWords.decode(headers.getHeader("Subject", null));
        } catch (Exception | StackOverflowError ignored) {
            // the headers are unreadable too; the raw archive still holds everything
        }
        return new SubmissionDraft(messageId, archived.fingerprint(), archived.path(), sender, null, null, subject, null, null,
                receivedAt, raw.length, SubmissionStatus.FAILED, e.toString(), null, List.of(), List.of(), null);
    }

    /**
     * What happened to a message.
     *
     * @param submissionId the submission it made (or made before)
     * @param status       its status
     * @param created      false when the message had been saved before
     */
    public record Outcome(long submissionId, SubmissionStatus status, boolean created) {

        /** Whether the message belongs in the failed folder. */
        public boolean failed() {
            return status == SubmissionStatus.FAILED;
        }
    }
}
