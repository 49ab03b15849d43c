package org.formbox.extraction;

/**
 * A piece of text at a place on a page: a glyph of a PDF or a word found by OCR. Coordinates grow
 * rightwards and downwards from the page's top left corner, in points (PDF) or pixels (images).
 *
 * @param text       the text
 * @param x0         left
 * @param y0         top
 * @param x1         right
 * @param y1         bottom
 * @param confidence 0–1 for OCR words, 1 for glyphs
 */
record Box(String text, double x0, double y0, double x1, double y1, double confidence) {

    double height() {
        return y1 - y0;
    }

    double centreX() {
        return (x0 + x1) / 2;
    }

    double centreY() {
        return (y0 + y1) / 2;
    }
}
