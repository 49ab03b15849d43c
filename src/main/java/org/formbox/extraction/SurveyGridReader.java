package org.formbox.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads label/value pairs from a table, anchored on the labels rather than on positions: the
 * value is typed after the label in its own cell, or sits in the next cell to the right, or, when
 * labels stand side by side as in a spreadsheet header row, in the cell below.
 */
final class SurveyGridReader {

    private final LabelMatcher labels;
    private final OcrLabels misread;

    SurveyGridReader(LabelMatcher labels) {
        this.labels = labels;
        this.misread = new OcrLabels(labels);
    }

    void read(Grid grid, FieldCollector out) {
        List<List<Cell>> rows = grid.rows();
        // in a sheet: where the answers of labels ending at a column start, as most of the form has them
        Map<Integer, Integer> layout = grid.sparse() ? answerColumns(grid) : Map.of();
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            Cell answered = null;
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                if (!cell.continuation() && cell != answered) {
                    answered = readCell(grid, r, row, c, layout, out);
                }
            }
        }
        YearlyTable.read(grid, labels, misread, out);
    }

    /** Reads the label(s) of one cell; returns the neighbour cell taken as the answer, if any. */
    private Cell readCell(Grid grid, int r, List<Cell> row, int c, Map<Integer, Integer> layout, FieldCollector out) {
        List<LabelMatcher.Segment> segments = labels.segments(row.get(c).text(), false);
        if (segments.isEmpty() && row.get(c).origin().ocr()) {
            // a label cell of a scan whose label OCR misread: its answer is the cell beside it
            String text = row.get(c).text();
            LabelMatcher.Entry near = misread.nearest(text);
            String after = "";
            int colon = Text.halfWidth(text).indexOf(':');
            if (near == null && colon > 0 && colon <= 45) {
                // label and answer in one cell, the label misread: 企业对该行业领域找术发展…判断：…
                near = misread.nearest(text.substring(0, colon));
                after = text.substring(colon + 1).strip();
            }
            if (near != null && !near.key().startsWith(FieldLabels.FINANCIAL) && !out.has(near.key())) {
                segments = List.of(new LabelMatcher.Segment(near, after));
            }
        }
        Cell taken = null;
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
                Cell answer = neighbour(grid, r, row, c, layout);
                if (answer == null && grid.sparse() && nextOwnCell(row, c) != null) {
                    out.leftBlank(key); // only a note or another table beside an empty answer
                    continue;
                }
                taken = answer;
                value = answer == null ? "" : answer.text();
                origin = answer == null ? origin : answer.origin();
            }
            out.put(key, value, origin);
        }
        return taken;
    }

    /** The answer cell beside or below a label cell that holds no answer itself; null when none. */
    private Cell neighbour(Grid grid, int r, List<Cell> row, int c, Map<Integer, Integer> layout) {
        Cell right = nextOwnCell(row, c);
        if (right != null && !labels.startsWithLabel(right.text()) && inLayout(row.get(c), right, layout)) {
            return right;
        }
        // no answer cell to the right: labels side by side, as in a spreadsheet header row
        Cell below = grid.below(r, row.get(c).start());
        if (below != null && below.start() == row.get(c).start() && !labels.startsWithLabel(below.text())) {
            return below;
        }
        return null;
    }

    /**
     * Whether a cell is where this label's answer belongs: in a sheet, the column next to the label
     * or the one most labels of that column have their answers in. A note or a sum typed further
     * right beside an empty answer, or a second small table beside the form, is not an answer.
     */
    private static boolean inLayout(Cell label, Cell answer, Map<Integer, Integer> layout) {
        if (layout.isEmpty() || answer.start() == label.end()) {
            return true;
        }
        Integer usual = layout.get(label.end());
        return usual != null && usual == answer.start();
    }

    /** Per label end column, the most common start column of the cell right of a label cell without answer. */
    private Map<Integer, Integer> answerColumns(Grid grid) {
        Map<Integer, Map<Integer, Integer>> counts = new HashMap<>();
        for (List<Cell> row : grid.rows()) {
            for (int c = 0; c + 1 < row.size(); c++) {
                List<LabelMatcher.Segment> segments = labels.segments(row.get(c).text(), false);
                if (!segments.isEmpty() && segments.get(segments.size() - 1).value().isEmpty()
                        && !labels.startsWithLabel(row.get(c + 1).text())) {
                    counts.computeIfAbsent(row.get(c).end(), k -> new HashMap<>()).merge(row.get(c + 1).start(), 1, Integer::sum);
                }
            }
        }
        Map<Integer, Integer> usual = new HashMap<>();
        counts.forEach((end, starts) -> starts.entrySet().stream().max(Map.Entry.comparingByValue())
                .ifPresent(e -> usual.put(end, e.getKey())));
        return usual.isEmpty() ? Map.of(-1, -1) : usual;
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
