package org.formbox.forms;

import java.math.BigDecimal;

/**
 * A value read from a document.
 *
 * @param key    the field key
 * @param text   the value as text (for numeric fields, the raw text trimmed)
 * @param number the normalised number in the field's unit, or null when it is text or unreadable
 * @param raw    the text exactly as the document had it
 */
public record FieldValue(String key, String text, BigDecimal number, String raw) {

    /** A text value. */
    public static FieldValue text(String key, String text, String raw) {
        return new FieldValue(key, text, null, raw);
    }

    /** A number with the raw text it was read from. */
    public static FieldValue number(String key, BigDecimal number, String raw) {
        return new FieldValue(key, raw == null ? null : raw.strip(), number, raw);
    }

    /** Whether the document left this field empty. */
    public boolean blank() {
        return (text == null || text.isBlank()) && number == null;
    }
}
