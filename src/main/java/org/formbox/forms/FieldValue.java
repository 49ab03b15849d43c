package org.formbox.forms;

import java.math.BigDecimal;

/**
 * A value read from a document.
 *
 * @param key        the field key
 * @param text       the value as text (for numeric fields, the raw text trimmed)
 * @param number     the normalised number in the field's unit, or null when it is text or unreadable
 * @param raw        the text exactly as the document had it
 * @param source     where it was read from, or null when not known
 * @param confidence how sure the reader is, 0–1, where the reading is not exact (OCR, unclear ticks); else null
 */
public record FieldValue(String key, String text, BigDecimal number, String raw, ValueSource source,
                         Double confidence) {

    /** Below this confidence a value is shown to staff for checking and never reported to the sender as wrong. */
    public static final double REVIEW_BELOW = 0.80;

    /** A value whose origin is not recorded. */
    public FieldValue(String key, String text, BigDecimal number, String raw) {
        this(key, text, number, raw, null, null);
    }

    /** A text value. */
    public static FieldValue text(String key, String text, String raw) {
        return new FieldValue(key, text, null, raw);
    }

    /** A number with the raw text it was read from. */
    public static FieldValue number(String key, BigDecimal number, String raw) {
        return new FieldValue(key, raw == null ? null : raw.strip(), number, raw);
    }

    /** The same value with its origin. */
    public FieldValue from(ValueSource source, Double confidence) {
        return new FieldValue(key, text, number, raw, source, confidence);
    }

    /** Whether the document left this field empty. */
    public boolean blank() {
        return (text == null || text.isBlank()) && number == null;
    }

    /** Whether the reading is too unsure to tell the sender anything about it: staff check it (请人工核对). */
    public boolean needsReview() {
        return confidence != null && confidence < REVIEW_BELOW;
    }
}
