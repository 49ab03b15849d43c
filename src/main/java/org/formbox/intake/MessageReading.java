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
    /** The name under which a form pasted into an HTML mail body is stored. */
    static final String HTML_BODY_NAME = "邮件正文.html";

    private final MailUnpacker unpacker;
    private final DocumentReader reader;
    private final Checks checks;
    private final AutoReplyPolicy autoReplies;
    private final ReplyLimiter limiter;
    private final ReplyAddressPolicy replyAddresses;
    private final Executor readers = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("formbox-attachment-"));

    private final java.time.Duration timeout;
    /** Shared by every reading in the process: 40 % of the heap for attachment readers at once. */
    private static final ReadingBudget BUDGET = ReadingBudget.ofHeap(0.4);

    MessageReading(MailUnpacker unpacker, DocumentReader reader, Checks checks, AutoReplyPolicy autoReplies,
                   ReplyLimiter limiter, java.time.Duration timeout) {
        this.timeout = timeout;
        this.unpacker = unpacker;
        this.reader = reader;
        this.checks = checks;
        this.autoReplies = autoReplies;
        this.limiter = limiter;
        this.replyAddresses = new ReplyAddressPolicy(autoReplies);
    }

    SubmissionDraft draft(byte[] raw, RawArchive.Entry archived, Instant receivedAt) throws Exception {
        // one deadline for the whole message: the attachments still unread when it passes are unreadable
        long deadline = System.nanoTime() + timeout.toNanos();
        // the cheap look before any parser: 10,000 nested multiparts cost the mail library (and
        // every IMAP server copying it) minutes and stack
        org.formbox.system.MimeShape shape = org.formbox.system.MimeShape.of(raw);
        if (shape.depth() > org.formbox.system.MimeShape.MAX_DEPTH) {
            throw new jakarta.mail.MessagingException("multiparts nested " + shape.depth() + " levels deep (at most "
                    + org.formbox.system.MimeShape.MAX_DEPTH + " are read)");
        }
        UnpackedMail mail = unpacker.unpack(raw);
        var automated = autoReplies.automated(mail);
        List<SubmissionDraft.Document> documents = new ArrayList<>();
        List<CheckedDocument> checked = new ArrayList<>();
        // the attachments of one message are read side by side (the reader is thread-safe); still
        // all before the commit, so nothing about the order of archive, commit and move changes
        List<CompletableFuture<ReadDocument>> reads = new ArrayList<>();
        for (MailAttachment a : mail.attachments()) {
            boolean read = automated.isEmpty() && !a.container() && a.problem() == null && !signature(a)
                    && (!a.inline() || InlinePictures.mayBeDocument(a.content()));
            reads.add(read ? CompletableFuture.supplyAsync(() -> budgeted(a, deadline), readers) : null);
        }
        for (int i = 0; i < mail.attachments().size(); i++) {
            MailAttachment a = mail.attachments().get(i);
            if (automated.isPresent() || a.container()) {
                documents.add(document(a, null, null));
                continue;
            }
            if (signature(a)) {
                // the signature of a signed mail (smime.p7s) or file: not a file the sender attached, never a form
                documents.add(new SubmissionDraft.Document(a.filename(), a.contentType(), a.origin(), a.content(),
                        false, Annex.OTHER, null, Map.of()));
                continue;
            }
            if (a.inline()) {
                // a picture in the mail body: a phone's mail app puts the photographed form there too.
                // A photo-sized one is read; unless it turns out to be a form, or a photo the OCR cannot
                // open, it is a picture (a logo, a screenshot): kept, neither read nor reported as unreadable
                ReadDocument read = reads.get(i) == null ? null : within(reads.get(i), deadline);
                if (read != null && (isForm(read.annex()) || read.unreadable() == Unreadable.PHOTO_FORMAT)) {
                    documents.add(document(a, read, read.fields()));
                    checked.add(new CheckedDocument(a.filename(), read.annex(), read.fields(), read.unreadable()));
                } else {
                    documents.add(new SubmissionDraft.Document(a.filename(), a.contentType(), a.origin(), a.content(),
                            false, Annex.OTHER, null, Map.of()));
                }
                continue;
            }
            ReadDocument read = a.problem() != null ? ReadDocument.unreadable(a.problem()) : within(reads.get(i), deadline);
            documents.add(document(a, read, read.fields()));
            checked.add(new CheckedDocument(a.filename(), read.annex(), read.fields(), read.unreadable()));
        }
        if (mail.truncated() && automated.isEmpty()) {
            // the rest stays in the raw archive; the sender is told the mail carried too much
            checked.add(new CheckedDocument("第" + (MailUnpacker.MAX_PARTS + 1) + "个及以后的附件", Annex.UNREADABLE,
                    Map.of(), Unreadable.TOO_LARGE));
        }
        // some senders paste the table into the mail itself: read the body like a document, the HTML
        // alternative first, where the table keeps its cells (the plain part may only say 调查表见正文)
        if (automated.isEmpty() && checked.stream().noneMatch(MessageReading::isForm)) {
            readBody(mail.bodyHtml(), HTML_BODY_NAME, "text/html; charset=UTF-8", documents, checked);
        }
        if (automated.isEmpty() && checked.stream().noneMatch(MessageReading::isForm)) {
            readBody(mail.bodyText(), BODY_NAME, "text/plain; charset=UTF-8", documents, checked);
        }
        if (automated.isPresent()) {
            return build(mail, archived, raw, receivedAt, SubmissionStatus.IGNORED, automated.get(), null, documents,
                    List.of(), reply(replyAddresses.choose(raw).address(), "automated message: " + automated.get()));
        }
        List<Finding> findings = checks.check(checked);
        SubmissionStatus status = status(checked, findings);
        String detail = null;
        if (status == SubmissionStatus.NO_FORM && OwnText.needsPerson(mail)) {
            status = SubmissionStatus.NEEDS_ANSWER; // a question or a reply to our mail: a person answers
            detail = OwnText.of(mail.bodyText()); // what they wrote, for the staff who answer
            findings = findings.stream().filter(f -> !"MAIL-NO-FORM".equals(f.rule())).toList(); // not their mistake
        }
        return build(mail, archived, raw, receivedAt, status, detail, enterpriseName(checked), documents, findings,
                reply(raw, receivedAt));
    }

    /**
     * The draft with the reply limits asked again just before it is saved: messages are read side by
     * side, so the replies of the messages read at the same time were not yet in the outbox when
     * this one was read. Saves happen one at a time; a reply let through here is counted in the
     * hour's figure at once ({@link ReplyLimiter#refuseAndCount}).
     */
    SubmissionDraft limited(SubmissionDraft d) {
        SubmissionDraft.Reply r = d.reply();
        if (r == null || r.suppressedBecause() != null || r.recipient().isEmpty()) {
            return d;
        }
        String refused = limiter.refuseAndCount(r.recipient(), d.receivedAt()).orElse(null);
        return refused == null ? d : withReply(d, reply(r.recipient(), refused));
    }

    private static SubmissionDraft withReply(SubmissionDraft d, SubmissionDraft.Reply reply) {
        return new SubmissionDraft(d.messageId(), d.contentHash(), d.archivePath(), d.sender(), d.senderName(), d.replyTo(),
                d.subject(), d.threadRefs(), d.sentAt(), d.receivedAt(), d.size(), d.status(), d.detail(),
                d.enterpriseName(), d.documents(), d.findings(), reply);
    }

    /** The reply to a person: one plain mailbox chosen by {@link ReplyAddressPolicy}, within the limits. */
    private SubmissionDraft.Reply reply(byte[] raw, Instant receivedAt) {
        ReplyAddressPolicy.Choice to = replyAddresses.choose(raw);
        String refused = to.address() == null ? to.refused() : limiter.refuse(to.address(), receivedAt).orElse(null);
        return reply(to.address(), refused);
    }

    private static SubmissionDraft.Reply reply(String recipient, String refused) {
        return new SubmissionDraft.Reply(recipient == null ? "" : recipient,
                refused == null || refused.length() <= 200 ? refused : refused.substring(0, 200));
    }

    /** Reads one attachment once its share of the heap is free; too large for the whole budget, it is not read. */
    private ReadDocument budgeted(MailAttachment a, long deadline) {
        long size = a.content().length;
        if (!BUDGET.fits(size)) {
            return ReadDocument.unreadable(Unreadable.TOO_LARGE);
        }
        try {
            if (!BUDGET.acquire(size, deadline)) {
                return ReadDocument.unreadable(Unreadable.TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadDocument.unreadable(Unreadable.TIMEOUT);
        }
        try {
            return IntakeMetrics.timeExtraction(() -> reader.read(a.filename(), a.content()));
        } finally {
            BUDGET.release(size);
        }
    }

    private static ReadDocument within(CompletableFuture<ReadDocument> read, long deadline) {
        try {
            return read.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            read.cancel(true);
            return ReadDocument.unreadable(Unreadable.TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            read.cancel(true);
            return ReadDocument.unreadable(Unreadable.TIMEOUT);
        } catch (java.util.concurrent.ExecutionException e) {
            return ReadDocument.unreadable(Unreadable.CORRUPT);
        }
    }

    private void readBody(String text, String name, String type, List<SubmissionDraft.Document> documents,
                          List<CheckedDocument> checked) {
        if (text == null || text.isBlank()) {
            return;
        }
        // a byte-order mark: the HTML's own <meta charset=gbk> no longer holds for the decoded text
        byte[] body = ((name.endsWith(".html") ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
        ReadDocument read = reader.read(name, body);
        if (isForm(read.annex())) {
            documents.add(new SubmissionDraft.Document(name, type, "", body, false, read.annex(), null, read.fields()));
            checked.add(new CheckedDocument(name, read.annex(), read.fields(), null));
        }
    }

    private static boolean isForm(CheckedDocument d) {
        return isForm(d.annex());
    }

    private static boolean isForm(Annex annex) {
        return annex != null && annex.isForm();
    }

    static SubmissionStatus status(List<CheckedDocument> documents, List<Finding> findings) {
        boolean formRead = documents.stream().anyMatch(MessageReading::isForm);
        boolean unreadable = documents.stream().anyMatch(d -> d.annex() == Annex.UNREADABLE);
        if (!formRead && !unreadable) {
            return SubmissionStatus.NO_FORM;
        }
        boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.error);
        return SubmissionStatus.judged(formRead, errors);
    }

    private static String enterpriseName(List<CheckedDocument> documents) {
        // the field that names the enterprise on each form (the call definition's name-field), the surveys' first
        List<String> keys = org.formbox.forms.FieldCatalog.nameFields();
        for (String key : keys) {
            for (CheckedDocument d : documents) {
                FieldValue v = d.fields().get(key);
                if (v != null && v.text() != null && !v.text().isBlank()) {
                    return v.text().strip();
                }
            }
        }
        return null;
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
                    : jakarta.mail.internet.InternetAddress.parseHeader(EncodedWords.recover8bit(
                            jakarta.mail.internet.MimeUtility.unfold(from)), false);
            sender = addresses.length > 0 ? addresses[0].getAddress().toLowerCase(java.util.Locale.ROOT) : null;
            subject = EncodedWords.decode(headers.getHeader("Subject", null));
        } catch (Exception | StackOverflowError ignored) {
            // the headers are unreadable too; the raw archive still holds everything
        }
        return new SubmissionDraft(messageId, archived.fingerprint(), archived.path(), sender, null, null, subject, null, null,
                receivedAt, raw.length, SubmissionStatus.FAILED, e.toString(), null, List.of(), List.of(), null);
    }

    /**
     * A {@code FAILED} draft that also asks the sender to resend: a short reply to a person (the
     * same address choice, machine checks and limits as any reply), read from the header lines alone
     * because the rest of the message could not be read. Automated mail gets no reply.
     */
    SubmissionDraft failedWithReply(byte[] raw, RawArchive.Entry archived, Instant receivedAt, Throwable e) {
        SubmissionDraft d = failed(raw, archived, receivedAt, e);
        SubmissionDraft.Reply reply;
        try {
            UnpackedMail envelope = envelope(raw);
            var automated = autoReplies.automated(envelope);
            reply = automated.isPresent()
                    ? reply(replyAddresses.choose(raw).address(), "automated message: " + automated.get())
                    : reply(raw, receivedAt);
        } catch (Exception | StackOverflowError unreadable) {
            reply = null; // not even the headers can be read: nobody to answer
        }
        return withReply(d, reply);
    }

    /** A message's header lines as an {@link UnpackedMail} without body or attachments, for the machine checks. */
    private static UnpackedMail envelope(byte[] raw) throws Exception {
        var headers = new InternetHeaders(new ByteArrayInputStream(raw));
        Map<String, List<String>> all = new java.util.LinkedHashMap<>();
        for (var e = headers.getAllHeaders(); e.hasMoreElements(); ) {
            jakarta.mail.Header h = e.nextElement();
            all.computeIfAbsent(h.getName().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                    .add(jakarta.mail.internet.MimeUtility.unfold(h.getValue()));
        }
        String from = headers.getHeader("From", null);
        var addresses = from == null ? new jakarta.mail.internet.InternetAddress[0]
                : jakarta.mail.internet.InternetAddress.parseHeader(EncodedWords.recover8bit(
                            jakarta.mail.internet.MimeUtility.unfold(from)), false);
        String sender = addresses.length > 0 ? addresses[0].getAddress().toLowerCase(java.util.Locale.ROOT) : null;
        return new UnpackedMail(headers.getHeader("Message-ID", null), sender, null, null,
                headers.getHeader("Return-Path", null), EncodedWords.decode(headers.getHeader("Subject", null)), null, null,
                all, MailUnpacker.baseType(headers.getHeader("Content-Type", null)), null, null, List.of(), false);
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static boolean signature(MailAttachment a) {
        return a.problem() == null && !a.container() && SecureMail.signature(a.contentType(), a.filename());
    }

}
