package org.formbox.intake;

import jakarta.mail.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
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

    /** Whether the message with this key may be taken now (it is not waiting out a back-off). */
    boolean due(String key) {
        return attempts.due(key);
    }

    /** The consumer's search term: the messages not waiting out a back-off. */
    DueMessages dueMessages() {
        return new DueMessages(attempts);
    }

    /**
     * Takes one message from a Camel mail consumer (a route that polls with {@code imap:} instead of
     * {@link BatchIntake}): the consumer moves it to the folder named in the {@code moveTo} header.
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
        Taken taken = take(message, MessageAttempts.key(message));
        if (!taken.movedWrapped()) {
            detached.setHeader(MOVE_TO, taken.target());
        }
        return taken.outcome();
    }

    /**
     * Takes one message whose bytes are fetched now: archived, read, saved; a message too complex to
     * copy is put in its target folder wrapped (and flagged deleted). Throws while the message has
     * attempts left, and it stays in the inbox.
     */
    Taken take(Message message, String key) throws Exception {
        noteMovesBefore(key);
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
        String target = targetOf(outcome);
        attempts.moveRequested(key);
        if (tooComplexToCopy(raw) && message.getFolder() != null) {
            // an IMAP COPY makes the server parse every part again (GreenMail: minutes for 10,000
            // levels, and the connection timed out every poll); the target folder gets the small
            // wrapper with the original inside, and the original is only flagged deleted
            moveWrapped(message, raw, MimeShape.of(raw), target);
            return new Taken(outcome, target, true);
        }
        return new Taken(outcome, target, false);
    }

    /**
     * What became of a message taken from the inbox.
     *
     * @param outcome      the submission it made (or had made before)
     * @param target       the folder it belongs in now
     * @param movedWrapped whether it was already put there wrapped, the original only flagged deleted
     */
    record Taken(Outcome outcome, String target, boolean movedWrapped) {
    }

    /** A message prefetched with its bytes, archived and read, not yet saved ({@link #prepare}). */
    record Prepared(String key, byte[] raw, RawArchive.Entry archived, Instant receivedAt, Outcome before,
                    SubmissionDraft draft, boolean tooLarge, Exception problem) {

        static Prepared failed(String key, byte[] raw, Exception problem) {
            return new Prepared(key, raw, null, null, null, null, false, problem);
        }
    }

    /**
     * The part of taking a message that may run side by side with others: archive and read. Nothing
     * is saved and nothing thrown: a failure is carried to {@link #commit}.
     */
    Prepared prepare(String key, byte[] fetched) {
        byte[] raw = null;
        try {
            raw = WrappedMail.unwrap(fetched);
            Instant receivedAt = Instant.now();
            RawArchive.Entry archived = archive.store(raw);
            if (raw.length > maxMessageSize) { // larger unwrapped than the server said
                return new Prepared(key, raw, archived, receivedAt, null, null, true, null);
            }
            Outcome before = savedBefore(raw, archived).orElse(null);
            if (before != null) {
                return new Prepared(key, raw, archived, receivedAt, before, null, false, null);
            }
            return new Prepared(key, raw, archived, receivedAt, null, read(raw, archived, receivedAt), false, null);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return Prepared.failed(key, raw == null ? fetched : raw, e instanceof Exception ex ? ex : new IllegalStateException(e));
        }
    }

    /**
     * Saves a prepared message, one at a time and in the mailbox's order, so that the reply limits
     * count the replies saved just before and an enterprise's versions follow its mails. The
     * same bounded attempts as {@link #take}: throws while the message has attempts left.
     */
    Taken commit(Prepared prepared) throws Exception {
        String key = prepared.key();
        noteMovesBefore(key);
        Outcome outcome;
        try {
            outcome = saveOnly(prepared);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            outcome = failedAttempt(key, null, prepared.raw(), e);
        }
        attempts.moveRequested(key);
        return new Taken(outcome, targetOf(outcome), false);
    }

    /**
     * Saves several prepared messages, in their order, in one transaction: a store commit costs
     * about as much as the statements of a message (H2 writes a chunk per commit). When any of them
     * fails, nothing of the group is kept and each is committed on its own ({@link #commit}), so
     * that one message's failure costs the others nothing.
     *
     * @param transaction runs the group in one transaction
     */
    List<Taken> commitAll(List<Prepared> group, org.springframework.transaction.support.TransactionOperations transaction)
            throws Exception {
        if (group.size() > 1 && group.stream().allMatch(p -> p.problem() == null)) {
            try {
                List<Outcome> outcomes = transaction.execute(status -> {
                    List<Outcome> saved = new java.util.ArrayList<>();
                    for (Prepared p : group) {
                        try {
                            saved.add(saveOnly(p));
                        } catch (Exception e) {
                            throw new GroupFailed(e);
                        }
                    }
                    return saved;
                });
                List<Taken> taken = new java.util.ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    noteMovesBefore(group.get(i).key());
                    attempts.moveRequested(group.get(i).key());
                    taken.add(new Taken(outcomes.get(i), targetOf(outcomes.get(i)), false));
                }
                return taken;
            } catch (RuntimeException groupFailed) {
                log.info("Saving {} messages together failed ({}); saving each on its own", group.size(),
                        groupFailed.toString());
            }
        }
        List<Taken> taken = new java.util.ArrayList<>();
        for (Prepared p : group) {
            try {
                taken.add(commit(p));
            } catch (Exception stays) {
                taken.add(null); // stays in the inbox, waiting out its back-off
            }
        }
        return taken;
    }

    /** One message of a group failed to save: the whole group's transaction is rolled back. */
    private static final class GroupFailed extends RuntimeException {
        GroupFailed(Exception cause) {
            super(cause);
        }
    }

    private Outcome saveOnly(Prepared prepared) throws Exception {
        if (prepared.problem() != null) {
            throw prepared.problem();
        }
        if (prepared.tooLarge()) {
            return tooLarge(prepared.archived(), prepared.receivedAt());
        }
        if (prepared.before() != null) {
            return prepared.before(); // logged when it was recognised
        }
        return save(prepared.archived(), reading.limited(prepared.draft()));
    }

    /** Whether an IMAP server would have to parse so many parts to copy the message that it is moved wrapped. */
    static boolean tooComplexToCopy(byte[] raw) {
        return raw != null && MimeShape.of(raw).tooComplex();
    }

    /** Puts a message too complex to copy in its target folder, wrapped, and flags the original deleted. */
    static void moveWrapped(Message message, byte[] raw, String target) throws Exception {
        moveWrapped(message, raw, MimeShape.of(raw), target);
    }

    private String targetOf(Outcome outcome) {
        return outcome.failed() ? failedFolder : processedFolder;
    }

    private void noteMovesBefore(String key) {
        if (attempts.moves(key) > 0) {
            log.warn("Message {} is still in the inbox after {} move(s) out; trying again", key, attempts.moves(key));
        }
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
        var before = savedBefore(head, archived);
        if (before.isPresent()) {
            return before.get();
        }
        log.warn("Message {} is {} bytes, over the limit of {}: kept in the archive, not read", archived.hash(), size,
                maxMessageSize);
        SubmissionDraft draft = reading.failedWithReply(head, archived, receivedAt,
                new TooLargeException(size, maxMessageSize)).withSize(size);
        Submissions.Saved saved = submissions.save(draft);
        return new Outcome(saved.id(), draft.status(), saved.created());
    }

    /**
     * Whether a message of this size (RFC822.SIZE) may be fetched with others into memory: not when it
     * is larger than a batch may be, nor when it is over the size limit, which {@link #take} streams.
     */
    boolean fitsBatch(long size, long batchBytes) {
        return size <= batchBytes && size <= maxMessageSize;
    }

    /** Whether an archived message is over the size limit (and must go through {@link #tooLarge}). */
    boolean overLimit(long size) {
        return size > maxMessageSize;
    }

    /** Archives and saves one raw message; a message saved before is recognised and not saved again. */
    public Outcome ingest(byte[] raw, Instant receivedAt) throws Exception {
        RawArchive.Entry archived = archive.store(raw);
        var before = savedBefore(raw, archived);
        if (before.isPresent()) {
            return before.get();
        }
        return save(archived, read(raw, archived, receivedAt));
    }

    /** The submission a message (its bytes, or its header lines) was saved as before, if it was: a redelivery. */
    private Optional<Outcome> savedBefore(byte[] rawOrHead, RawArchive.Entry archived) {
        return submissions.findByMessage(MessageReading.messageId(rawOrHead), archived.fingerprint()).map(before -> {
            log.info("Message {} was saved before as submission {}", archived.hash(), before.id());
            return new Outcome(before.id(), before.status(), false);
        });
    }

    private SubmissionDraft read(byte[] raw, RawArchive.Entry archived, Instant receivedAt) {
        try {
            return reading.draft(raw, archived, receivedAt);
        } catch (Exception | StackOverflowError e) {
            log.warn("Message {} could not be handled: {}", archived.hash(), e.toString());
            return reading.failedWithReply(raw, archived, receivedAt, e);
        }
    }

    private Outcome save(RawArchive.Entry archived, SubmissionDraft draft) {
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
