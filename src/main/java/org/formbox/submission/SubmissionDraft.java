package org.formbox.submission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.formbox.forms.Unreadable;
import org.formbox.validation.Finding;

/**
 * Everything the store learns from one message, saved in one transaction.
 *
 * @param messageId      the Message-ID header, or null
 * @param contentHash    SHA-256 of the raw message
 * @param archivePath    where the raw message is archived
 * @param sender         the sender's address
 * @param senderName     the display name
 * @param replyTo        where a reply goes
 * @param subject        decoded subject
 * @param threadRefs     the References chain a reply continues (the message's References and Message-ID)
 * @param sentAt         the Date header
 * @param receivedAt     when the service read it
 * @param size           raw size in bytes
 * @param status         the outcome
 * @param detail         why it failed or was ignored, or null
 * @param enterpriseName the enterprise as the forms name it, or null
 * @param documents      every attachment
 * @param findings       the findings, errors first
 * @param reply          the reply to queue, or null for none
 */
public record SubmissionDraft(String messageId, String contentHash, String archivePath, String sender,
                              String senderName, String replyTo, String subject, String threadRefs, Instant sentAt, Instant receivedAt,
                              long size, SubmissionStatus status, String detail, String enterpriseName,
                              List<Document> documents, List<Finding> findings, Reply reply) {

    public SubmissionDraft {
        documents = List.copyOf(documents);
        findings = List.copyOf(findings);
    }

    /** The same draft for a message of this size (one read from its header lines alone). */
    public SubmissionDraft withSize(long size) {
        return new SubmissionDraft(messageId, contentHash, archivePath, sender, senderName, replyTo, subject, threadRefs,
                sentAt, receivedAt, size, status, detail, enterpriseName, documents, findings, reply);
    }

    /**
     * One attachment and what it was read as.
     *
     * @param filename    decoded name
     * @param contentType declared type
     * @param origin      where in the message it was found
     * @param content     bytes as received
     * @param container   a zip whose entries follow
     * @param annex       classification, or null when not read (a container, an ignored message)
     * @param unreadable  why it could not be read, or null
     * @param fields      values read
     */
    public record Document(String filename, String contentType, String origin, byte[] content, boolean container,
                           Annex annex, Unreadable unreadable, Map<String, FieldValue> fields) {
    }

    /**
     * The reply for the outbox.
     *
     * @param recipient         the address to answer
     * @param suppressedBecause why no reply goes out (recorded, not sent), or null to send
     */
    public record Reply(String recipient, String suppressedBecause) {
    }
}
