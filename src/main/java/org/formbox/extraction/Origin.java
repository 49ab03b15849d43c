package org.formbox.extraction;

import org.formbox.forms.ValueSource;

/**
 * Where a piece of document text came from: what {@link org.formbox.forms.FieldValue#source()} and
 * {@code confidence()} are made of.
 *
 * @param source     the kind of source
 * @param confidence 0–1 for inexact readings (OCR), else null
 */
record Origin(ValueSource source, Double confidence) {

    static final Origin CELL = new Origin(ValueSource.CELL, null);
    static final Origin TEXT = new Origin(ValueSource.TEXT, null);
    static final Origin FORMULA = new Origin(ValueSource.FORMULA, null);

    static Origin ocr(double confidence) {
        return new Origin(ValueSource.OCR, Math.max(0, Math.min(1, confidence)));
    }

    boolean ocr() {
        return source == ValueSource.OCR;
    }

    /** The less certain of two origins, for a value put together from several pieces. */
    Origin weaker(Origin other) {
        if (other == null) {
            return this;
        }
        if (ocr() || other.ocr()) {
            double a = confidence == null ? 1 : confidence;
            double b = other.confidence == null ? 1 : other.confidence;
            return ocr(Math.min(a, b));
        }
        return this;
    }
}
