package org.formbox.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read models of the store, shaped as the staff API returns them (docs/API.md). */
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

    /**
     * An attachment with the values read from it; {@code fields} holds numbers or text, {@code raw} the text as
     * found, {@code provenance} where each value was read from.
     */
    public record Document(int n, String filename, String contentType, String origin, long size, boolean container,
                           String annex, String unreadable, Map<String, Object> fields, Map<String, String> raw,
                           Map<String, Provenance> provenance) {

        /** Why it could not be read, in the words the sender was told; null when it was read. */
        public String unreadableReason() {
            if (unreadable == null) {
                return null;
            }
            try {
                return org.formbox.forms.Unreadable.valueOf(unreadable).reason();
            } catch (IllegalArgumentException older) {
                return unreadable; // a reason no longer in the enum, kept as stored
            }
        }
    }

    /**
     * Where a value was read from.
     *
     * @param source     CELL, TEXT, FORMULA, TICK or OCR ({@link org.formbox.forms.ValueSource})
     * @param confidence 0–1 for inexact readings (OCR, unclear ticks), else null
     */
    public record Provenance(String source, Double confidence) {

        /** Whether staff should check the value against the document (请人工核对). */
        public boolean needsReview() {
            return confidence != null && confidence < org.formbox.forms.FieldValue.REVIEW_BELOW;
        }
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
