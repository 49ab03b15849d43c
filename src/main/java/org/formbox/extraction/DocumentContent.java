package org.formbox.extraction;

import java.util.List;

/**
 * What a format reader hands on: the tables and the running text of one document, in order.
 *
 * @param unmappedText whether the text layer is there but its characters are not (a PDF whose fonts
 *                     have no map from glyphs to characters): the pages are to be read like a scan
 * @param boxLayout    whether the text is laid out in positioned text boxes that were left out (a PDF
 *                     converted to Word): what is left is not the document
 */
record DocumentContent(List<Grid> grids, List<Line> lines, boolean unmappedText, boolean boxLayout) {

    DocumentContent {
        grids = List.copyOf(grids);
        lines = List.copyOf(lines);
    }

    DocumentContent(List<Grid> grids, List<Line> lines) {
        this(grids, lines, false, false);
    }

    DocumentContent(List<Grid> grids, List<Line> lines, boolean unmappedText) {
        this(grids, lines, unmappedText, false);
    }

    /** Where the running text came from: typed, or recognised from a picture (with its mean confidence). */
    Origin textOrigin() {
        double sum = 0;
        int n = 0;
        for (Line l : lines) {
            if (l.origin().ocr()) {
                sum += l.origin().confidence();
                n++;
            }
        }
        return n == 0 ? Origin.TEXT : Origin.ocr(sum / n);
    }

    /** Whether the document holds any text at all. */
    boolean blank() {
        return lines.stream().allMatch(l -> l.text().isBlank())
                && grids.stream().flatMap(g -> g.rows().stream()).flatMap(List::stream).allMatch(c -> c.text().isBlank());
    }
}
