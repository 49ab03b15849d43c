package org.formbox.extraction;

/**
 * A paragraph or line of running text.
 *
 * @param text     the text
 * @param emphasis whether it is styled as a heading or set in bold, a hint for outline headings
 * @param origin   where the text came from (typed text or OCR)
 */
record Line(String text, boolean emphasis, Origin origin) {

    Line(String text, boolean emphasis) {
        this(text, emphasis, Origin.TEXT);
    }
}
