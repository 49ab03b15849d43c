package org.formbox.extraction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The unsure cells of a scanned page's ruled tables read once more, each on its own: cut out of
 * the cleaned page inside its borders, enlarged, and read as one block of text, so that
 * tesseract's layout analysis of the whole page (which splits or drops short values beside
 * borders) plays no part. A cell keeps the new reading where tesseract is surer of it; an empty
 * cell with ink in it takes a new reading that is not a guess. All cells of a page go to one
 * tesseract run, and only while the document's budget allows. Then the cells written in Latin
 * letters (e-mail addresses, telephone numbers, shares in per cent) are read once more with the
 * English model, in a second run.
 */
final class CellRereading {

    /** How much a cell is enlarged: small print then has the stroke width tesseract reads best. */
    static final double SCALE = 2;
    /** Cells of one page read again at most: the least sure first. */
    static final int MAX_CELLS = 80;
    /** A cell the first reading left empty takes a new reading at least this sure. */
    static final double EMPTY_MIN = 0.5;
    /** A new text replaces an old one only at this confidence at least ... */
    static final double SURE = 0.75;
    /** ... and this much surer than the old one. */
    static final double MARGIN = 0.10;
    /** Pixels inside each border left out of the cut: the remains of the ruling. */
    private static final int INSET = 4;
    private static final int PAD = 12;

    private static final boolean DEBUG = Boolean.getBoolean("formbox.ocr.debugCells");

    private CellRereading() {
    }

    /**
     * The page's tables with their unsure cells read again; the tables as they were where they were
     * not rebuilt from ruling lines, where no cell is unsure, or where the run would not end
     * within the budget.
     *
     * @param page    the cleaned page tesseract read (its rulings painted over)
     * @param grids   the tables rebuilt from that reading
     * @param rulings the page's ruling lines
     */
    static List<Grid> reread(BufferedImage page, List<Grid> grids, List<Ruling> rulings, ScanContent.Time time)
            throws IOException, InterruptedException {
        List<List<List<double[]>>> bounds = BoxTables.ruledCells(rulings, true);
        if (!sameShape(grids, bounds)) {
            if (DEBUG) {
                System.err.println("reread: tables not rebuilt from rulings " + grids.size() + " " + bounds.size());
            }
            return grids;
        }
        List<int[]> chosen = new ArrayList<>(); // table, row, cell
        for (int g = 0; g < grids.size(); g++) {
            for (int r = 0; r < grids.get(g).rows().size(); r++) {
                List<Cell> row = grids.get(g).rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Cell cell = row.get(c);
                    double[] b = bounds.get(g).get(r).get(c);
                    boolean unsure = !cell.text().isBlank() && confidence(cell) < org.formbox.forms.FieldValue.REVIEW_BELOW;
                    if (unsure || cell.text().isBlank() && inked(page, b)) {
                        chosen.add(new int[] {g, r, c});
                    }
                }
            }
        }
        List<List<List<Cell>>> rows = new ArrayList<>();
        for (Grid g : grids) {
            List<List<Cell>> copy = new ArrayList<>();
            for (List<Cell> row : g.rows()) {
                copy.add(new ArrayList<>(row));
            }
            rows.add(copy);
        }
        java.util.Map<String, String> hints = new java.util.HashMap<>();
        boolean changed = unsure(page, grids, bounds, chosen, rows, hints, time);
        changed |= latin(page, bounds, rows, hints, time);
        if (!changed) {
            return grids;
        }
        List<Grid> out = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            out.add(new Grid(rows.get(g), grids.get(g).sparse()));
        }
        return out;
    }

    private static boolean unsure(BufferedImage page, List<Grid> grids, List<List<List<double[]>>> bounds, List<int[]> chosen,
            List<List<List<Cell>>> rows, java.util.Map<String, String> hints, ScanContent.Time time) throws IOException, InterruptedException {
        if (chosen.isEmpty() || System.nanoTime() + 3_000_000_000L > time.budget()) {
            return false;
        }
        chosen.sort(java.util.Comparator.comparingDouble(k -> {
            Cell cell = grids.get(k[0]).rows().get(k[1]).get(k[2]);
            return cell.text().isBlank() ? 0.5 : confidence(cell);
        }));
        if (chosen.size() > MAX_CELLS) {
            chosen = chosen.subList(0, MAX_CELLS);
        }
        List<List<Box>> read = readAgain(page, bounds, chosen, Tesseract.LANGUAGES, SCALE, time);
        if (read == null) {
            return false; // no time left: the first reading stands
        }
        boolean changed = false;
        for (int i = 0; i < chosen.size(); i++) {
            int[] k = chosen.get(i);
            Cell old = rows.get(k[0]).get(k[1]).get(k[2]);
            Cell fresh = BoxTables.cell(read.get(i), old.start(), old.end(), true);
            if (old.text().isBlank() && latin(fresh.text())) {
                hints.put(k[0] + "/" + k[1] + "/" + k[2], fresh.text()); // an empty cell with Latin text in it, unsurely read
            }
            if (DEBUG) {
                System.err.printf("reread %s %.2f -> %s %.2f %s%n", old.text().replace('\n', ' '), confidence(old),
                        fresh.text().replace('\n', ' '), confidence(fresh), better(old, fresh) ? "TAKEN" : "");
            }
            if (better(old, fresh)) {
                rows.get(k[0]).get(k[1]).set(k[2], fresh);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Cells written in Latin letters and digits (e-mail addresses, telephone numbers, web
     * addresses) read again with tesseract's English model: the Chinese one reads Latin text
     * letter by letter with Chinese shapes in mind, and drops or merges letters.
     */
    private static boolean latin(BufferedImage page, List<List<List<double[]>>> bounds, List<List<List<Cell>>> rows,
            java.util.Map<String, String> hints, ScanContent.Time time) throws IOException, InterruptedException {
        if (!Tesseract.hasLanguage(LATIN) || System.nanoTime() + 2_000_000_000L > time.budget()) {
            return false;
        }
        List<int[]> chosen = new ArrayList<>();
        for (int g = 0; g < rows.size(); g++) {
            for (int r = 0; r < rows.get(g).size(); r++) {
                for (int c = 0; c < rows.get(g).get(r).size(); c++) {
                    Cell cell = rows.get(g).get(r).get(c);
                    if (latin(cell.text()) || cell.text().isBlank() && hints.containsKey(g + "/" + r + "/" + c)) {
                        chosen.add(new int[] {g, r, c});
                    }
                }
            }
        }
        if (chosen.isEmpty()) {
            return false;
        }
        if (chosen.size() > MAX_CELLS) {
            chosen = chosen.subList(0, MAX_CELLS);
        }
        List<List<Box>> read = readAgain(page, bounds, chosen, LATIN, LATIN_SCALE, time);
        if (read == null) {
            return false;
        }
        boolean changed = false;
        for (int i = 0; i < chosen.size(); i++) {
            int[] k = chosen.get(i);
            Cell old = rows.get(k[0]).get(k[1]).get(k[2]);
            Cell fresh = BoxTables.cell(read.get(i), old.start(), old.end(), true);
            boolean taken = old.text().isBlank()
                    ? betterLatin(new Cell(hints.get(k[0] + "/" + k[1] + "/" + k[2]), old.start(), old.end(), false, Origin.ocr(0)), fresh)
                    : betterLatin(old, fresh);
            if (DEBUG) {
                System.err.printf("latin %s %.2f -> %s %.2f %s%n", old.text().replace('\n', ' '), confidence(old),
                        fresh.text().replace('\n', ' '), confidence(fresh), taken ? "TAKEN" : "");
            }
            if (taken) {
                rows.get(k[0]).get(k[1]).set(k[2], fresh);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The chosen cells (table, row, cell) cut out of the page, enlarged by {@code scale}, and read in
     * one tesseract run with these languages, each as a block; null when the run cannot end within
     * the document's budget.
     */
    private static List<List<Box>> readAgain(BufferedImage page, List<List<List<double[]>>> bounds, List<int[]> chosen,
            String languages, double scale, ScanContent.Time time) throws IOException, InterruptedException {
        List<BufferedImage> cuts = new ArrayList<>();
        for (int[] k : chosen) {
            cuts.add(cut(page, bounds.get(k[0]).get(k[1]).get(k[2]), scale));
        }
        try {
            return Tesseract.readEach(cuts, languages, Math.min(time.budget(), time.deadline()));
        } catch (InterruptedIOException e) {
            return null;
        }
    }

    /** The model Latin cells are read again with. */
    static final String LATIN = "eng";
    /**
     * Latin cells are read at the page's own size: the page is already at print resolution, and
     * enlarged the English model takes q for g.
     */
    static final double LATIN_SCALE = 1;

    /**
     * Whether a cell's text is written in Latin letters: at least three characters, nearly all of
     * them ASCII, with a letter, an at sign or a dash between digits in them (not a plain number,
     * which the Chinese model reads well).
     */
    static boolean latin(String text) {
        String t = text.replaceAll("\\s+", "");
        if (t.length() < 3) {
            return false;
        }
        long ascii = t.chars().filter(ch -> ch < 128).count();
        if (ascii < 0.8 * t.length()) {
            return false;
        }
        return t.matches(".*[A-Za-z@%].*") || t.matches(".*\\d[-－—()（）].*|.*[-－—()（）]\\d.*");
    }

    /** Whether the English reading of a Latin cell replaces the first one. */
    static boolean betterLatin(Cell old, Cell fresh) {
        String text = fresh.text();
        String t = text.replaceAll("\\s+", "");
        if (t.isEmpty() || t.chars().filter(ch -> ch < 128).count() < 0.8 * t.length() || text.equals(old.text())) {
            return false;
        }
        if (old.text().contains("%") != text.contains("%")) {
            return false;
        }
        // a number, a share or a telephone number the English model reads with letters for digits: 1UU%
        if (!old.text().isBlank() && !old.text().matches(".*[A-Za-z@].*") && text.matches(".*[A-Za-z@].*")) {
            return false;
        }
        return confidence(fresh) >= SURE || confidence(fresh) >= confidence(old) + MARGIN;
    }

    /**
     * Whether the new reading of a cell replaces the old one. The same text read twice keeps the
     * surer confidence. Another text replaces the old one only where tesseract is sure of it and
     * clearly surer than of the old: a cut-out cell is read with more confidence on the whole,
     * also where it is read wrong. A per-cent sign, often read as 96 or 9 when enlarged, must stay.
     */
    static boolean better(Cell old, Cell fresh) {
        String text = fresh.text();
        if (text.isBlank()) {
            return false;
        }
        if (old.text().isBlank()) {
            return confidence(fresh) >= EMPTY_MIN;
        }
        if (text.equals(old.text())) {
            return confidence(fresh) > confidence(old);
        }
        if (old.text().contains("%") != text.contains("%")) {
            return false;
        }
        return confidence(fresh) >= SURE && confidence(fresh) >= confidence(old) + MARGIN;
    }

    private static double confidence(Cell c) {
        return c.origin().confidence() == null ? 1 : c.origin().confidence();
    }

    private static boolean sameShape(List<Grid> grids, List<List<List<double[]>>> bounds) {
        if (grids.isEmpty() || grids.size() != bounds.size()) {
            return false;
        }
        for (int g = 0; g < grids.size(); g++) {
            List<List<Cell>> rows = grids.get(g).rows();
            if (rows.size() != bounds.get(g).size()) {
                return false;
            }
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r).size() != bounds.get(g).get(r).size()) {
                    return false;
                }
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (rows.get(r).get(c).start() != (int) Math.round(bounds.get(g).get(r).get(c)[0])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether there is more ink inside the cell's borders than a speck: a value the first reading missed. */
    static boolean inked(BufferedImage page, double[] b) {
        int x0 = (int) Math.round(b[0]) + INSET;
        int y0 = (int) Math.round(b[1]) + INSET;
        int x1 = Math.min(page.getWidth(), (int) Math.round(b[2]) - INSET);
        int y1 = Math.min(page.getHeight(), (int) Math.round(b[3]) - INSET);
        if (x1 - x0 < 8 || y1 - y0 < 8 || x0 < 0 || y0 < 0) {
            return false;
        }
        int threshold = 128;
        int dark = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (page.getRaster().getSample(x, y, 0) < threshold) {
                    dark++;
                }
            }
        }
        // a character of print is some 30 by 30 pixels with a tenth of them inked
        return dark >= 60;
    }

    /** The cell inside its borders, enlarged, on a margin of paper. */
    static BufferedImage cut(BufferedImage page, double[] b, double scale) {
        int x0 = Math.max(0, (int) Math.round(b[0]) + INSET);
        int y0 = Math.max(0, (int) Math.round(b[1]) + INSET);
        int x1 = Math.max(x0 + 1, Math.min(page.getWidth(), (int) Math.round(b[2]) - INSET));
        int y1 = Math.max(y0 + 1, Math.min(page.getHeight(), (int) Math.round(b[3]) - INSET));
        int w = (int) Math.round((x1 - x0) * scale);
        int h = (int) Math.round((y1 - y0) * scale);
        BufferedImage out = new BufferedImage(w + 2 * PAD, h + 2 * PAD, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(page.getSubimage(x0, y0, x1 - x0, y1 - y0), PAD, PAD, w, h, null);
        g.dispose();
        return out;
    }
}
