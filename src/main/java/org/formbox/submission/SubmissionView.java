package org.formbox.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read models of the store, shaped as the staff API returns them (API.md). */
public final class SubmissionView {

    private SubmissionView() {
    }

    /** A line of the submissions list. */
    public record Summary(long id, String sender, String subject, Instant receivedAt, String status, Integer version,
                          Long supersededBy, String enterpriseName, List<String> annexes) {
    }

    /** One submission in full. */
    public record Detail(long id, String messageId, String sender, String senderName, String subject,
                         Instant receivedAt, String status, String failureReason, Integer version, Long supersedes,
                         Long supersededBy, String enterpriseName, String archivePath, List<Document> documents,
                         List<FindingView> findings, ReplyState reply) {
    }

    /** An attachment with the values read from it; {@code fields} holds numbers or text, {@code raw} the text as found. */
    public record Document(int n, String filename, String contentType, String origin, long size, boolean container,
                           String annex, String unreadable, Map<String, Object> fields, Map<String, String> raw) {
    }

    /** A finding, with its override when a coordinator made one. */
    public record FindingView(long id, String rule, String severity, List<String> fields, String message,
                              String overriddenBy, Instant overriddenAt, String overrideNote) {
    }

    /** What became of the reply. */
    public record ReplyState(boolean sent, Instant sentAt, String suppressedBecause, int attempts, String lastError) {
    }

    /** A page of results. */
    public record Page<T>(List<T> items, long total) {
    }

    /** An attachment's bytes. */
    public record Content(String filename, String contentType, byte[] bytes) {
    }

    static Object value(BigDecimal number, String text) {
        return number != null ? new BigDecimal(number.stripTrailingZeros().toPlainString()) : text;
    }
}
