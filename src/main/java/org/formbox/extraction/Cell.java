package org.formbox.extraction;

/**
 * One cell of a table as the readers see it, whatever the format.
 *
 * @param text         the cell text, paragraphs joined by line breaks
 * @param start        left edge in the table's own unit (grid column, twips or sheet column)
 * @param end          right edge, exclusive
 * @param continuation whether it continues a vertical merge from above (no content of its own)
 * @param origin       where the text came from (a typed cell, a formula, OCR)
 */
record Cell(String text, int start, int end, boolean continuation, Origin origin) {

    Cell(String text, int start, int end, boolean continuation) {
        this(text, start, end, continuation, Origin.CELL);
    }

    boolean covers(int position) {
        return start <= position && position < end;
    }
}
