package org.formbox.intake;

import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.formbox.extraction.DocumentReader;
import org.formbox.extraction.ReadDocument;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.formbox.forms.Unreadable;
import org.formbox.reply.ReplyLimiter;
import org.formbox.submission.SubmissionDraft;
import org.formbox.submission.SubmissionStatus;
import org.formbox.validation.CheckedDocument;
import org.formbox.validation.Checks;
import org.formbox.validation.Finding;
import org.formbox.validation.Severity;

/**
 * Everything the store learns from one raw message, as a draft: unpacked, every attachment read
 * (or, for automated mail, only kept), checked, its status decided and its reply addressed. A
 * function of the bytes (and of the per-sender reply budget), so that a re-read gives the same.
 */
final class MessageReading {

    /** The name under which a form typed into the mail body is stored. */
    static final String BODY_NAME = "邮件正文.txt";

    private final MailUnpacker unpacker;
    private final DocumentReader reader;
    private final Checks checks;
    private final AutoReplyPolicy autoReplies;
    private final ReplyLimiter limiter;
    private final Executor readers = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("formbox-attachment-"));

    MessageReading(MailUnpacker unpacker, DocumentReader reader, Checks checks, AutoReplyPolicy autoReplies,
                   ReplyLimiter limiter) {
        this.unpacker = unpacker;
        this.reader = reader;
        this.checks = checks;
        this.autoReplies = autoReplies;
        this.limiter = limiter;
    }

    SubmissionDraft draft(byte[] raw, RawArchive.Entry archived, Instant receivedAt) throws Exception {
        UnpackedMail mail = unpacker.unpack(raw);
        var automated = autoReplies.automated(mail);
        List<SubmissionDraft.Document> documents = new ArrayList<>();
        List<CheckedDocument> checked = new ArrayList<>();
        // the attachments of one message are read side by side (the reader is thread-safe); still
        // all before the commit, so nothing about the order of archive, commit and move changes
        List<CompletableFuture<ReadDocument>> reads = new ArrayList<>();
        for (MailAttachment a : mail.attachments()) {
            boolean read = automated.isEmpty() && !a.container() && !a.inline() && a.problem() == null;
            reads.add(read ? CompletableFuture.supplyAsync(
                    () -> IntakeMetrics.timeExtraction(() -> reader.read(a.filename(), a.content())), readers) : null);
        }
        for (int i = 0; i < mail.attachments().size(); i++) {
            MailAttachment a = mail.attachments().get(i);
            if (automated.isPresent() || a.container()) {
                documents.add(document(a, null, null));
                continue;
            }
            if (a.inline()) {
                // a logo or picture in the mail body: kept, but neither read nor reported as unreadable
                documents.add(new SubmissionDraft.Document(a.filename(), a.contentType(), a.origin(), a.content(),
                        false, Annex.OTHER, null, Map.of()));
                continue;
            }
            ReadDocument read = a.problem() != null ? ReadDocument.unreadable(a.problem()) : reads.get(i).join();
            documents.add(document(a, read, read.fields()));
            checked.add(new CheckedDocument(a.filename(), read.annex(), read.fields(), read.unreadable()));
        }
        if (mail.truncated() && automated.isEmpty()) {
            // the rest stays in the raw archive; the sender is told the mail carried too much
            checked.add(new CheckedDocument("第" + (MailUnpacker.MAX_PARTS + 1) + "个及以后的附件", Annex.UNREADABLE,
                    Map.of(), Unreadable.TOO_LARGE));
        }
        if (automated.isEmpty() && checked.stream().noneMatch(MessageReading::isForm) && mail.bodyText() != null
                && !mail.bodyText().isBlank()) {
            // some senders paste the table into the mail itself: read the body like a document
            byte[] body = mail.bodyText().getBytes(StandardCharsets.UTF_8);
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
        String detail = null;
        if (status == SubmissionStatus.NO_FORM && OwnText.needsPerson(mail)) {
            status = SubmissionStatus.NEEDS_ANSWER; // a question or a reply to our mail: a person answers
            detail = OwnText.of(mail.bodyText()); // what they wrote, for the staff who answer
            findings = findings.stream().filter(f -> !"MAIL-NO-FORM".equals(f.rule())).toList(); // not their mistake
        }
        String recipient = replyAddress(mail);
        String refused = recipient == null ? "no reply address" : limiter.refuse(recipient, receivedAt).orElse(null);
        return build(mail, archived, raw, receivedAt, status, detail, enterpriseName(checked), documents, findings,
                new SubmissionDraft.Reply(recipient == null ? "" : recipient, refused));
    }

    private static boolean isForm(CheckedDocument d) {
        return isForm(d.annex());
    }

    private static boolean isForm(Annex annex) {
        return annex == Annex.ANNEX_1 || annex == Annex.ANNEX_2;
    }

    static SubmissionStatus status(List<CheckedDocument> documents, List<Finding> findings) {
        boolean formRead = documents.stream().anyMatch(MessageReading::isForm);
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

    /** Reply-To when the sender set one, else From (the unpacker already falls back). */
    private static String replyAddress(UnpackedMail mail) {
        return mail.replyTo();
    }

    private static SubmissionDraft.Document document(MailAttachment a, ReadDocument read,
                                                     Map<String, FieldValue> fields) {
        return new SubmissionDraft.Document(a.filename(), a.contentType(), a.origin(), a.content(), a.container(),
                read == null ? (a.problem() != null ? Annex.UNREADABLE : null) : read.annex(),
                read == null ? a.problem() : read.unreadable(), fields == null ? Map.of() : fields);
    }

    private static SubmissionDraft build(UnpackedMail mail, RawArchive.Entry archived, byte[] raw, Instant receivedAt,
                                  SubmissionStatus status, String detail, String enterprise,
                                  List<SubmissionDraft.Document> documents, List<Finding> findings,
                                  SubmissionDraft.Reply reply) {
        return new SubmissionDraft(mail.messageId(), archived.fingerprint(), archived.path(), mail.sender(), mail.senderName(),
                mail.replyTo(), mail.subject(), mail.references(), mail.sentAt(), receivedAt, raw.length, status, detail, enterprise,
                documents, findings, reply);
    }

    static String messageId(byte[] raw) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(raw)).getHeader("Message-ID", null);
        } catch (Exception | StackOverflowError unreadable) {
            return null;
        }
    }

    static SubmissionDraft failed(byte[] raw, RawArchive.Entry archived, Instant receivedAt, Throwable e) {
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

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
