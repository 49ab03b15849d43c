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
    /** The issued template's rows of label/value pairs, by field key; and its free-text rows in order. */
    private final List<List<String>> templateRows;
    private final List<String> freeText;

    SurveyGridReader(LabelMatcher labels) {
        this(labels, List.of(), List.of());
    }

    SurveyGridReader(LabelMatcher labels, List<List<String>> templateRows, List<String> freeText) {
        this.labels = labels;
        this.misread = new OcrLabels(labels);
        this.templateRows = templateRows;
        this.freeText = freeText;
    }

    void read(Grid grid, FieldCollector out) {
        List<List<Cell>> rows = grid.rows();
        Map<Cell, String> placed = placed(grid);
        // in a sheet: where the answers of labels ending at a column start, as most of the form has them
        Map<Integer, Integer> layout = grid.sparse() ? answerColumns(grid) : Map.of();
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            Cell answered = null;
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                if (!cell.continuation() && cell != answered) {
                    answered = readCell(grid, r, row, c, layout, placed, out);
                }
            }
        }
        YearlyTable.read(grid, labels, misread, out);
    }

    /** Reads the label(s) of one cell; returns the neighbour cell taken as the answer, if any. */
    private Cell readCell(Grid grid, int r, List<Cell> row, int c, Map<Integer, Integer> layout, Map<Cell, String> placed,
                          FieldCollector out) {
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
            if (near == null && placed.containsKey(row.get(c))) {
                // too misread to be recognised, but where the template has this field's label
                String key = placed.get(row.get(c));
                near = labels.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
                after = colon > 0 ? text.substring(colon + 1).strip() : "";
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

    /**
     * The label cells of a scanned issued template that OCR misread beyond recognition, placed by
     * the template's rows: in a row of label/value pairs as many as a template row has, whose
     * recognised labels stand where that template row has them (at least half of them, none
     * elsewhere), each unrecognised label cell is the template's label at its place (法人代上去 beside
     * 所有制类型 and 外资比例 is 法人代表). Likewise a run of one-cell rows of label and colon as long
     * as the template's free-text rows, at least half of them recognised in their order.
     */
    private Map<Cell, String> placed(Grid grid) {
        if (templateRows.isEmpty() || grid.rows().isEmpty() || grid.rows().get(0).isEmpty()
                || !grid.rows().get(0).get(0).origin().ocr()) {
            return Map.of();
        }
        Map<Cell, String> out = new java.util.IdentityHashMap<>(); // cells are values: two alike are still two cells
        List<List<Cell>> own = grid.rows().stream().map(row -> row.stream().filter(cell -> !cell.continuation()).toList()).toList();
        for (List<Cell> cells : own) {
            for (List<String> template : templateRows) {
                if (cells.size() != 2 * template.size() || template.size() < 2) {
                    continue;
                }
                List<Cell> labelCells = new java.util.ArrayList<>();
                for (int i = 0; i < template.size(); i++) {
                    labelCells.add(cells.get(2 * i));
                }
                place(labelCells, template, out);
            }
        }
        for (int r = 0; r + freeText.size() <= own.size() && freeText.size() > 1; r++) {
            List<Cell> run = new java.util.ArrayList<>();
            for (int k = r; k < r + freeText.size() && own.get(k).size() == 1 && own.get(k).get(0).text().matches("(?s).{2,45}[:：].*"); k++) {
                run.add(own.get(k).get(0));
            }
            if (run.size() == freeText.size()) {
                place(run, freeText, out);
            }
        }
        return out;
    }

    /** Places the unrecognised of these label cells where the recognised ones agree with the template's keys. */
    private void place(List<Cell> labelCells, List<String> keys, Map<Cell, String> out) {
        int agree = 0;
        List<Integer> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String text = labelCells.get(i).text();
            String key = recognised(text);
            if (key == null && text.replaceAll("[^\\p{IsHan}]", "").length() >= 2) {
                unknown.add(i); // a misread label has some of its characters left
            } else if (key == null) {
                return; // an empty or unreadable cell where a label should be: not the template's row
            } else if (key.equals(keys.get(i))) {
                agree++;
            } else {
                return; // another field's label here: not this template row
            }
        }
        if (agree * 2 >= keys.size() && !unknown.isEmpty()) {
            unknown.forEach(i -> out.put(labelCells.get(i), keys.get(i)));
        }
    }

    /** The key of the label a cell starts with, exactly or as OCR misread it; null when none. */
    private String recognised(String text) {
        List<LabelMatcher.Segment> segments = labels.segments(text, false);
        if (!segments.isEmpty()) {
            return segments.get(0).entry().key();
        }
        LabelMatcher.Entry near = misread.nearest(text);
        int colon = Text.halfWidth(text).indexOf(':');
        if (near == null && colon > 0) {
            near = misread.nearest(text.substring(0, colon));
        }
        return near == null ? null : near.key();
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
