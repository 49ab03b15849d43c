package org.formbox.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rebuilds table rows and cells from text placed on a page (PDF glyphs, OCR words), so that the
 * label matcher the Word tables use can read them. Where the page has ruling lines, they make the
 * cells, empty ones included, whatever the layout (序号 | 项目 | 填报内容, a yearly table with or
 * without a 单位 column). Without them, a line of text becomes a row and wide gaps between its
 * words separate the cells; lines of a single piece are left to the running-text reader.
 * Cells are measured in the page's own unit, so columns line up by their position.
 */
final class BoxTables {

    /** Two borders closer than this are one. */
    private static final double SAME = 2.5;
    private static final int MAX_BANDS = 400;
    /**
     * Ruling lines of a scan closer than this (pixels at ~280 dpi, about a millimetre) are one
     * border: a photo's border that is not quite level is found as pieces a few pixels apart, and
     * no row of a form is a millimetre tall.
     */
    private static final double OCR_SAME = 12;
    private static final double OVERRUN = 40;

    private BoxTables() {
    }

    /** Tables of one page. */
    static List<Grid> grids(List<Box> boxes, List<Ruling> rulings, boolean ocr) {
        if (boxes.isEmpty()) {
            return List.of();
        }
        List<Grid> ruled = ruled(boxes, rulings, ocr);
        return ruled.isEmpty() ? unruled(boxes, ocr) : ruled;
    }

    /**
     * Where the cells of a page's ruled tables lie, in the order {@link #grids} gives them: per
     * table, per row, per cell {left, top, right, bottom} in page pixels; empty where the page's
     * tables were rebuilt from word gaps instead.
     */
    static List<List<List<double[]>>> ruledCells(List<Ruling> rulings, boolean ocr) {
        double same = ocr ? OCR_SAME : SAME;
        List<Double> ys = merge(rulings.stream().filter(Ruling::horizontal).map(Ruling::at).toList(), same);
        List<Ruling> verticals = rulings.stream().filter(r -> !r.horizontal()).toList();
        List<List<List<double[]>>> grids = new ArrayList<>();
        List<List<double[]>> rows = new ArrayList<>();
        for (int i = 0; i + 1 < ys.size() && i < MAX_BANDS; i++) {
            double top = ys.get(i);
            double bottom = ys.get(i + 1);
            double middle = (top + bottom) / 2;
            double slack = Math.max(same, (bottom - top) * 0.25);
            List<Double> xs = merge(verticals.stream().filter(v -> v.spans(middle) && v.from() <= top + slack
                    && v.to() >= bottom - slack).map(Ruling::at).toList(), same);
            if (ocr) {
                xs = merge(java.util.stream.Stream.concat(xs.stream(), broken(verticals, top, bottom, same).stream()).toList(), same);
            }
            if (xs.size() < 2) {
                if (!rows.isEmpty()) {
                    grids.add(rows);
                    rows = new ArrayList<>();
                }
                continue;
            }
            List<double[]> cells = new ArrayList<>();
            for (int c = 0; c + 1 < xs.size(); c++) {
                cells.add(new double[] {xs.get(c), top, xs.get(c + 1), bottom});
            }
            rows.add(cells);
        }
        if (!rows.isEmpty()) {
            grids.add(rows);
        }
        return grids;
    }

    private static List<Grid> ruled(List<Box> boxes, List<Ruling> rulings, boolean ocr) {
        List<Grid> grids = new ArrayList<>();
        List<List<List<double[]>>> tables = ruledCells(rulings, ocr);
        for (List<List<double[]>> table : tables) {
            List<List<Cell>> rows = new ArrayList<>();
            for (List<double[]> row : table) {
                List<Cell> cells = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    double left = row.get(c)[0];
                    double top = row.get(c)[1];
                    double right = row.get(c)[2];
                    double bottom = row.get(c)[3];
                    // a table wider than the page is cut at its edge: what runs over belongs to the outer cells
                    double from = c == 0 ? left - OVERRUN : left;
                    double to = c + 1 == row.size() ? right + OVERRUN : right;
                    List<Box> inside = boxes.stream().filter(b -> b.centreY() > top && b.centreY() < bottom
                            && b.centreX() > from && b.centreX() < to).toList();
                    cells.add(cell(inside, (int) Math.round(left), (int) Math.round(right), ocr));
                }
                rows.add(cells);
            }
            grids.add(new Grid(rows));
        }
        return grids;
    }

    private static List<Grid> unruled(List<Box> boxes, boolean ocr) {
        List<List<Box>> lines = lines(boxes);
        List<Double> columns = columnStarts(lines, ocr);
        List<List<Cell>> rows = new ArrayList<>();
        for (List<Box> line : lines) {
            List<List<Box>> chunks = splitAtColumns(chunks(line, ocr), columns);
            if (chunks.size() < 2) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            for (List<Box> chunk : chunks) {
                int left = (int) Math.round(chunk.get(0).x0());
                int right = (int) Math.round(chunk.get(chunk.size() - 1).x1());
                cells.add(cell(chunk, left, Math.max(left + 1, right), ocr));
            }
            rows.add(cells);
        }
        return rows.isEmpty() ? List.of() : List.of(new Grid(rows));
    }

    /** The boxes of a cell as text: lines top to bottom, a wrapped line joined on (CJK without a space). */
    static Cell cell(List<Box> boxes, int left, int right, boolean ocr) {
        StringBuilder sb = new StringBuilder();
        double weighted = 0;
        int chars = 0;
        for (List<Box> line : lines(boxes)) {
            String text = lineText(line, ocr);
            if (ocr && !sb.isEmpty() && sb.length() <= 12 && sb.charAt(sb.length() - 1) == '。' && !text.isEmpty()
                    && Text.cjk(text.charAt(0))) {
                sb.setLength(sb.length() - 1); // the end of a wrapped label read as a full stop
            }
            if (!sb.isEmpty() && !text.isEmpty()) {
                char before = sb.charAt(sb.length() - 1);
                if (!(Text.cjk(before) || Text.cjk(text.charAt(0)) || before == '-' || before == '/')) {
                    sb.append(' ');
                }
            }
            sb.append(text);
            for (Box b : line) {
                weighted += b.confidence() * b.text().length();
                chars += b.text().length();
            }
        }
        // the mean over characters: one stray mark beside a border should not condemn a clear value
        Origin origin = ocr ? Origin.ocr(chars == 0 ? 1 : weighted / chars) : Origin.CELL;
        String text = sb.toString().strip();
        return new Cell(ocr ? OcrText.brackets(text) : text, left, right, false, origin);
    }

    static String lineText(List<Box> line, boolean ocr) {
        StringBuilder sb = new StringBuilder();
        Box previous = null;
        for (Box b : line) {
            if (previous != null && !sb.isEmpty() && !b.text().isEmpty()) {
                double gap = b.x0() - previous.x1();
                char before = sb.charAt(sb.length() - 1);
                boolean cjk = Text.cjk(before) || Text.cjk(b.text().charAt(0));
                boolean number = ocr && (Character.isDigit(before) || before == '-') && Character.isDigit(b.text().charAt(0));
                // OCR cuts a number or an address into words at small gaps: only a real gap is a space
                if (gap > (ocr ? 0.7 : 0.25) * Math.max(previous.height(), b.height()) && !cjk && !number
                        && sb.charAt(sb.length() - 1) != ' ' && !b.text().startsWith(" ")) {
                    sb.append(' ');
                }
            }
            sb.append(b.text());
            previous = b;
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    /** Boxes grouped into lines by their vertical centre, each line left to right. */
    static List<List<Box>> lines(List<Box> boxes) {
        List<Box> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Box::centreY));
        List<List<Box>> lines = new ArrayList<>();
        List<Box> current = new ArrayList<>();
        double centre = 0;
        double height = 0;
        for (Box b : sorted) {
            if (b.text().isBlank() && current.isEmpty()) {
                continue;
            }
            if (!current.isEmpty() && Math.abs(b.centreY() - centre) > 0.5 * Math.max(height, b.height())) {
                lines.add(current);
                current = new ArrayList<>();
            }
            current.add(b);
            centre = current.stream().mapToDouble(Box::centreY).average().orElse(b.centreY());
            height = current.stream().mapToDouble(Box::height).max().orElse(b.height());
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        lines.forEach(l -> l.sort(Comparator.comparingDouble(Box::x0)));
        return lines;
    }

    /**
     * Where cells start, as the clearly separated pieces of several lines agree: a long value may
     * run up close to the next label, and is cut there when that label starts at a column.
     */
    private static List<Double> columnStarts(List<List<Box>> lines, boolean ocr) {
        List<Double> starts = new ArrayList<>();
        for (List<Box> line : lines) {
            List<List<Box>> chunks = chunks(line, ocr);
            if (chunks.size() >= 2) {
                chunks.forEach(c -> starts.add(c.get(0).x0()));
            }
        }
        starts.sort(Double::compare);
        List<Double> columns = new ArrayList<>();
        for (int i = 0; i < starts.size(); ) {
            int j = i;
            while (j < starts.size() && starts.get(j) - starts.get(i) <= SAME) {
                j++;
            }
            if (j - i >= 3) {
                columns.add(starts.get(i));
            }
            i = j;
        }
        return columns;
    }

    private static List<List<Box>> splitAtColumns(List<List<Box>> chunks, List<Double> columns) {
        List<List<Box>> out = new ArrayList<>();
        for (List<Box> chunk : chunks) {
            List<Box> current = new ArrayList<>();
            for (Box b : chunk) {
                if (!current.isEmpty()) {
                    Box last = current.get(current.size() - 1);
                    double gap = b.x0() - last.x1();
                    boolean atColumn = columns.stream().anyMatch(x -> Math.abs(x - b.x0()) <= SAME);
                    if (atColumn && gap > 0.3 * Math.max(b.height(), last.height())) {
                        out.add(current);
                        current = new ArrayList<>();
                    }
                }
                current.add(b);
            }
            out.add(current);
        }
        return out;
    }

    /** A line cut where the gap between words is wider than a character or two. */
    private static List<List<Box>> chunks(List<Box> line, boolean ocr) {
        double height = line.stream().filter(b -> !b.text().isBlank()).mapToDouble(Box::height).sorted()
                .skip(line.size() / 2).findFirst().orElse(10);
        double wide = (ocr ? 1.6 : 1.2) * height;
        List<List<Box>> chunks = new ArrayList<>();
        List<Box> current = new ArrayList<>();
        double right = Double.NEGATIVE_INFINITY;
        for (Box b : line) {
            if (b.text().isBlank()) {
                continue;
            }
            if (!current.isEmpty() && b.x0() - right > wide) {
                chunks.add(current);
                current = new ArrayList<>();
            }
            current.add(b);
            right = Math.max(right, b.x1());
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /**
     * The x of vertical borders broken inside a row band: pieces at one x that together cover most
     * of the band. A scanned or faxed border has gaps where the toner or the line was thin, and no
     * one piece then spans the row.
     */
    private static List<Double> broken(List<Ruling> verticals, double top, double bottom, double same) {
        List<Ruling> inside = new ArrayList<>(verticals.stream().filter(v -> v.to() > top && v.from() < bottom).toList());
        inside.sort(java.util.Comparator.comparingDouble(Ruling::at));
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < inside.size(); ) {
            int j = i;
            while (j + 1 < inside.size() && inside.get(j + 1).at() - inside.get(j).at() <= same) {
                j++;
            }
            List<Ruling> pieces = new ArrayList<>(inside.subList(i, j + 1));
            if (pieces.size() > 1) {
                pieces.sort(java.util.Comparator.comparingDouble(Ruling::from));
                double covered = 0;
                double reach = top;
                for (Ruling p : pieces) {
                    double from = Math.max(reach, p.from());
                    double to = Math.min(bottom, p.to());
                    if (to > from) {
                        covered += to - from;
                    }
                    reach = Math.max(reach, to);
                }
                if (covered >= 0.7 * (bottom - top)) {
                    out.add(pieces.stream().mapToDouble(Ruling::at).average().orElseThrow());
                }
            }
            i = j + 1;
        }
        return out;
    }

    private static List<Double> merge(List<Double> values, double same) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        // a thick border is a run of close lines: one line, at the middle of the run
        List<Double> out = new ArrayList<>();
        double first = Double.NaN;
        double previous = Double.NaN;
        for (double v : sorted) {
            if (Double.isNaN(previous) || v - previous > same) {
                if (!Double.isNaN(first)) {
                    out.add((first + previous) / 2);
                }
                first = v;
            }
            previous = v;
        }
        if (!Double.isNaN(first)) {
            out.add((first + previous) / 2);
        }
        return out;
    }
}
