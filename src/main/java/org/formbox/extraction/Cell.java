package org.formbox.extraction;

/**
 * One cell of a table as the readers see it, whatever the format.
 *
 * @param text         the cell text, paragraphs joined by line breaks
 * @param start        left edge in the table's own unit (grid column, twips or sheet column)
 * @param end          right edge, exclusive
 * @param continuation whether it continues a vertical merge from above (no content of its own)
 */
record Cell(String text, int start, int end, boolean continuation) {

    boolean covers(int position) {
        return start <= position && position < end;
    }
}
