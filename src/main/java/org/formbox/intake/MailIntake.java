package org.formbox.intake;

import jakarta.mail.Message;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;
import org.formbox.extraction.DocumentReader;
import org.formbox.reply.ReplyLimiter;
import org.formbox.submission.SubmissionDraft;
import org.formbox.submission.SubmissionStatus;
import org.formbox.submission.Submissions;
import org.formbox.validation.Checks;
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

    private final RawArchive archive;
    private final MessageReading reading;
    private final Submissions submissions;
    private final String failedFolder;

    public MailIntake(RawArchive archive, MailUnpacker unpacker, DocumentReader reader, Checks checks,
                      AutoReplyPolicy autoReplies, ReplyLimiter limiter, Submissions submissions, String failedFolder) {
        this.archive = archive;
        this.reading = new MessageReading(unpacker, reader, checks, autoReplies, limiter);
        this.submissions = submissions;
        this.failedFolder = failedFolder;
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
