package org.formbox.intake;

import jakarta.mail.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Enumeration;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.DefaultMessage;
import org.formbox.extraction.DocumentReader;
import org.formbox.reply.ReplyLimiter;
import org.formbox.submission.SubmissionDraft;
import org.formbox.submission.SubmissionStatus;
import org.formbox.submission.Submissions;
import org.formbox.system.MimeShape;
import org.formbox.system.WrappedMail;
import org.formbox.validation.Checks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the intake route does with each message, synchronously and in this order: archive the raw
 * bytes, unpack, read, check, and save everything with the reply in one transaction. Only then
 * does the route move the message out of the inbox. A message that cannot be handled is saved as
 * {@code FAILED} and sent to the failed folder.
 *
 * <p>Every failure is bounded ({@link MessageAttempts}): a message whose fetch or save fails stays
 * in the inbox and is tried again after a back-off; after {@code maxAttempts} failures it is saved
 * as {@code FAILED} with the reason and moved to the failed folder. Only when even that cannot be
 * saved (the store is down) does it stay, still backing off. A message whose move out did not
 * happen waits too before it is tried (and recognised, and moved) again.
 */
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    /** The Camel mail consumer moves the message to the folder this header names. */
    static final String MOVE_TO = "moveTo";

    private final RawArchive archive;
    private final MessageReading reading;
    private final Submissions submissions;
    private final String failedFolder;
    private final String processedFolder;
    private final MessageAttempts attempts;
    private final int maxAttempts;
    private final long maxMessageSize;

    public MailIntake(RawArchive archive, MailUnpacker unpacker, DocumentReader reader, Checks checks,
                      AutoReplyPolicy autoReplies, ReplyLimiter limiter, Submissions submissions, String failedFolder) {
        this(archive, unpacker, reader, checks, autoReplies, limiter, submissions, "Processed", failedFolder,
                new IntakeSettings(3, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(30),
                        java.time.Duration.ofMinutes(2), true), java.time.Clock.systemUTC());
    }

    MailIntake(RawArchive archive, MailUnpacker unpacker, DocumentReader reader, Checks checks,
               AutoReplyPolicy autoReplies, ReplyLimiter limiter, Submissions submissions, String processedFolder,
               String failedFolder, IntakeSettings settings, java.time.Clock clock) {
        this.processedFolder = processedFolder;
        this.archive = archive;
        this.reading = new MessageReading(unpacker, reader, checks, autoReplies, limiter, settings.messageTimeout());
        this.submissions = submissions;
        this.failedFolder = failedFolder;
        this.attempts = new MessageAttempts(settings.retryDelay(), settings.maxRetryDelay(), clock);
        this.maxAttempts = Math.max(1, settings.maxAttempts());
        this.maxMessageSize = settings.maxMessageSize() == null ? Long.MAX_VALUE : settings.maxMessageSize().toBytes();
    }

    /** The consumer's search term: the messages not waiting out a back-off. */
    DueMessages dueMessages() {
        return new DueMessages(attempts);
    }

    /**
     * Takes one message from the mailbox.
     *
     * @return the outcome; {@code failed} tells the route to use the failed folder
     */
    public Outcome receive(Exchange exchange) throws Exception {
        Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
        // From here the exchange carries a plain message: Camel would otherwise read the IMAP
        // envelope to copy its headers, and Angus fails on some (a group Reply-To such as
        // "undisclosed: a@x, b@y;"), which failed the exchange after the commit, every poll.
        DefaultMessage detached = new DefaultMessage(exchange);
        exchange.setIn(detached);
        String key = MessageAttempts.key(message);
        if (attempts.moves(key) > 0) {
            log.warn("Message {} is still in the inbox after {} move(s) out; trying again", key, attempts.moves(key));
        }
        byte[] raw = null;
        Outcome outcome;
        try {
            // the size the server gives in the envelope (RFC822.SIZE), known before any byte of the body is fetched
            long size = MessageBytes.size(message);
            if (size > maxMessageSize) {
                outcome = tooLarge(archive.store(out -> MessageBytes.stream(message, out)), Instant.now());
            } else {
                // the embedded server keeps a message too complex to store part by part wrapped; the original goes on
                raw = WrappedMail.unwrap(MessageBytes.read(message, size));
                outcome = raw.length > maxMessageSize ? tooLarge(archive.store(raw), Instant.now()) : ingest(raw, Instant.now());
            }
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            outcome = failedAttempt(key, message, raw, e);
        }
        String target = outcome.failed() ? failedFolder : processedFolder;
        attempts.moveRequested(key);
        MimeShape shape = raw == null ? null : MimeShape.of(raw);
        if (shape != null && shape.tooComplex() && message.getFolder() != null) {
            // an IMAP COPY makes the server parse every part again (GreenMail: minutes for 10,000
            // levels, and the connection timed out every poll); the target folder gets the small
            // wrapper with the original inside, and the original is only flagged deleted
            moveWrapped(message, raw, shape, target);
        } else {
            detached.setHeader(MOVE_TO, target);
        }
        return outcome;
    }

    private static void moveWrapped(Message message, byte[] raw, MimeShape shape, String target) throws Exception {
        jakarta.mail.Folder folder = message.getFolder().getStore().getFolder(target);
        if (!folder.exists()) {
            folder.create(jakarta.mail.Folder.HOLDS_MESSAGES);
        }
        byte[] wrapped = raw;
        if (!WrappedMail.isWrapped(raw)) {
            wrapped = WrappedMail.wrap(raw, shape);
        }
        folder.appendMessages(new Message[] {new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(wrapped))});
        message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
    }

    /**
     * One more failure of a message: below the limit the exchange fails (the message stays and
     * waits out its back-off); at the limit it is saved as {@code FAILED} with the reason.
     */
    private Outcome failedAttempt(String key, Message message, byte[] raw, Throwable e) throws Exception {
        int failures = attempts.failed(key);
        if (failures < maxAttempts) {
            log.warn("Message {} failed (attempt {} of {}): {}; next attempt after {}", key, failures, maxAttempts,
                    e.toString(), attempts.notBefore(key));
            throw e instanceof Exception ex ? ex : new IllegalStateException(e);
        }
        log.error("Message {} failed {} times, saving it as FAILED: {}", key, failures, e.toString());
        byte[] kept = raw != null ? raw : headersOnly(message, e);
        RawArchive.Entry archived = archive.store(kept);
        var draft = MessageReading.failed(kept, archived, Instant.now(),
                new IllegalStateException("gave up after " + failures + " attempts: " + e, e));
        try {
            Submissions.Saved saved = submissions.save(draft);
            return new Outcome(saved.id(), SubmissionStatus.FAILED, saved.created());
        } catch (RuntimeException notEvenThat) {
            log.error("Message {} could not be saved as FAILED either: {}; next attempt after {}", key,
                    notEvenThat.toString(), attempts.notBefore(key));
            throw notEvenThat;
        }
    }

    /** What can be kept of a message whose content could not be fetched: its header lines, and why. */
    private static byte[] headersOnly(Message message, Throwable e) {
        StringBuilder head = new StringBuilder();
        try {
            if (message instanceof jakarta.mail.internet.MimeMessage mime) {
                for (Enumeration<String> lines = mime.getAllHeaderLines(); lines.hasMoreElements(); ) {
                    head.append(lines.nextElement()).append("\r\n");
                }
            }
        } catch (Exception | StackOverflowError unreadable) {
            // nothing of it can be had; the note below is all the archive keeps
        }
        head.append("X-Formbox-Unfetchable: ").append(String.valueOf(e).replaceAll("[\\r\\n]+", " ")).append("\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Saves a message over the size limit, already archived, as {@code FAILED} from its header lines
     * alone, with a reply to its sender (the usual address checks and limits) that names its size and
     * the limit and asks for smaller mails. Its body is never read into memory.
     */
    public Outcome tooLarge(RawArchive.Entry archived, Instant receivedAt) throws Exception {
        long size = archive.size(archived.path());
        byte[] head = archive.head(archived.path(), MessageBytes.MAX_HEAD);
        var before = submissions.findByMessage(MessageReading.messageId(head), archived.fingerprint());
        if (before.isPresent()) {
            log.info("Message {} was saved before as submission {}", archived.hash(), before.get().id());
            return new Outcome(before.get().id(), before.get().status(), false);
        }
        log.warn("Message {} is {} bytes, over the limit of {}: kept in the archive, not read", archived.hash(), size,
                maxMessageSize);
        SubmissionDraft draft = reading.failedWithReply(head, archived, receivedAt,
                new TooLargeException(size, maxMessageSize)).withSize(size);
        Submissions.Saved saved = submissions.save(draft);
        return new Outcome(saved.id(), draft.status(), saved.created());
    }

    /** Whether an archived message is over the size limit (and must go through {@link #tooLarge}). */
    boolean overLimit(long size) {
        return size > maxMessageSize;
    }

    /** Archives and saves one raw message; a message saved before is recognised and not saved again. */
    public Outcome ingest(byte[] raw, Instant receivedAt) throws Exception {
        RawArchive.Entry archived = archive.store(raw);
        var before = submissions.findByMessage(MessageReading.messageId(raw), archived.fingerprint());
        if (before.isPresent()) {
            log.info("Message {} was saved before as submission {}", archived.hash(), before.get().id());
            return new Outcome(before.get().id(), before.get().status(), false);
        }
        SubmissionDraft draft;
        try {
            draft = reading.draft(raw, archived, receivedAt);
        } catch (Exception | StackOverflowError e) {
            log.warn("Message {} could not be handled: {}", archived.hash(), e.toString());
            draft = reading.failedWithReply(raw, archived, receivedAt, e);
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
            draft = reading.draft(raw, entry, stored.receivedAt());
        } catch (Exception | StackOverflowError e) {
            draft = MessageReading.failed(raw, entry, stored.receivedAt(), e);
        }
        return submissions.replaceReading(submissionId, draft);
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
