package org.formbox.extraction;

import java.util.List;

/**
 * Reads label/value pairs from a table, anchored on the labels rather than on positions: the
 * value is typed after the label in its own cell, or sits in the next cell to the right, or, when
 * labels stand side by side as in a spreadsheet header row, in the cell below.
 */
final class SurveyGridReader {

    private final LabelMatcher labels;

    SurveyGridReader(LabelMatcher labels) {
        this.labels = labels;
    }

    void read(Grid grid, FieldCollector out) {
        List<List<Cell>> rows = grid.rows();
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                if (!cell.continuation()) {
                    readCell(grid, r, row, c, out);
                }
            }
        }
        YearlyTable.read(grid, labels, out);
    }

    private void readCell(Grid grid, int r, List<Cell> row, int c, FieldCollector out) {
        List<LabelMatcher.Segment> segments = labels.segments(row.get(c).text(), false);
        for (int i = 0; i < segments.size(); i++) {
            LabelMatcher.Segment s = segments.get(i);
            String key = s.entry().key();
            if (key.startsWith(FieldLabels.FINANCIAL)) {
                continue;
            }
            boolean last = i == segments.size() - 1;
            String value = s.value();
            Origin origin = row.get(c).origin();
            if (value.isEmpty() && last) {
                Cell answer = neighbour(grid, r, row, c);
                value = answer == null ? "" : answer.text();
                origin = answer == null ? origin : answer.origin();
            }
            out.put(key, value, origin);
        }
    }

    /** The answer cell beside or below a label cell that holds no answer itself; null when none. */
    private Cell neighbour(Grid grid, int r, List<Cell> row, int c) {
        Cell right = nextOwnCell(row, c);
        if (right != null && !labels.startsWithLabel(right.text())) {
            return right;
        }
        // no answer cell to the right: labels side by side, as in a spreadsheet header row
        Cell below = grid.below(r, row.get(c).start());
        if (below != null && below.start() == row.get(c).start() && !labels.startsWithLabel(below.text())) {
            return below;
        }
        return null;
    }

    private static Cell nextOwnCell(List<Cell> row, int c) {
        for (int k = c + 1; k < row.size(); k++) {
            if (!row.get(k).continuation()) {
                return row.get(k);
            }
        }
        return null;
    }
}
