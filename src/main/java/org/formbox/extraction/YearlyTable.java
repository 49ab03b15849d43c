package org.formbox.extraction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.FieldCatalog;

/**
 * Reads the yearly table of Annex 2: a header row naming the years (2014年 …) and rows named by
 * 资产总额 etc., wherever they sit and whatever other columns (单位) lie between. The transposed
 * layout, years down the side, is read too.
 */
final class YearlyTable {

    private static final Pattern YEAR = Pattern.compile("\\s*(20\\d\\d)\\s*年?度?\\s*(?:[(（][^)）]*[)）])?\\s*");

    private static final Pattern OCR_YEAR = Pattern.compile("\\s*(20\\d\\d)\\s*\\S?\\s*");

    private YearlyTable() {
    }

    static void read(Grid grid, LabelMatcher labels, OcrLabels misread, FieldCollector out) {
        List<List<Cell>> rows = grid.rows();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Cell> years = years(rows.get(r));
            if (years.size() >= 2) {
                for (int below = r + 1; below < rows.size(); below++) {
                    List<Cell> cells = rows.get(below);
                    String row = financialRow(cells, labels, misread);
                    if (row != null) {
                        years.forEach((year, header) -> put(out, year, row, cellAt(cells, header)));
                    }
                }
            }
            Map<String, Cell> columns = financialColumns(rows.get(r), labels);
            if (columns.size() >= 2) {
                for (int below = r + 1; below < rows.size(); below++) {
                    String year = rows.get(below).isEmpty() ? null : year(rows.get(below).get(0).text());
                    if (year != null) {
                        List<Cell> cells = rows.get(below);
                        columns.forEach((row, header) -> put(out, year, row, cellAt(cells, header)));
                    }
                }
            }
        }
    }

    private static void put(FieldCollector out, String year, String row, Cell cell) {
        if (FieldCatalog.years().contains(year)) {
            out.put(FieldCatalog.financialKey(year, row), cell == null ? "" : cell.text(),
                    cell == null ? Origin.CELL : cell.origin());
        }
    }

    private static Map<String, Cell> years(List<Cell> row) {
        Map<String, Cell> years = new LinkedHashMap<>();
        for (Cell c : row) {
            String y = year(c.text());
            if (y == null && c.origin().ocr()) {
                // 年 misread in a scan: 2014衢
                Matcher m = OCR_YEAR.matcher(Text.halfWidth(c.text()));
                y = m.matches() ? m.group(1) : null;
            }
            if (y != null) {
                years.putIfAbsent(y, c);
            }
        }
        return years;
    }

    static String year(String text) {
        Matcher m = YEAR.matcher(Text.halfWidth(text));
        return m.matches() ? m.group(1) : null;
    }

    private static Map<String, Cell> financialColumns(List<Cell> row, LabelMatcher labels) {
        Map<String, Cell> columns = new LinkedHashMap<>();
        for (Cell c : row) {
            String key = financialKey(c.text(), labels);
            if (key != null) {
                columns.putIfAbsent(key, c);
            }
        }
        return columns;
    }

    private static String financialRow(List<Cell> row, LabelMatcher labels, OcrLabels misread) {
        for (Cell c : row) {
            String key = financialKey(c.text(), labels);
            if (key != null) {
                return key;
            }
        }
        for (Cell c : row) {
            // a row label of a scan that OCR misread (工业实交税全)
            LabelMatcher.Entry near = c.origin().ocr() ? misread.nearest(c.text()) : null;
            if (near != null && near.key().startsWith(FieldLabels.FINANCIAL)) {
                return near.key().substring(FieldLabels.FINANCIAL.length());
            }
        }
        return null;
    }

    static String financialKey(String text, LabelMatcher labels) {
        LabelMatcher.Match m = labels.matchAt(text, LabelMatcher.skipSpaces(text, 0), true);
        if (m == null || !m.entry().key().startsWith(FieldLabels.FINANCIAL)) {
            return null;
        }
        return m.entry().key().substring(FieldLabels.FINANCIAL.length());
    }

    /** The own cell of a row under a header cell: the one whose span covers the header's middle. */
    private static Cell cellAt(List<Cell> row, Cell header) {
        int middle = (header.start() + header.end() - 1) / 2;
        // the middle first: the cell before may end a pixel past the header's start (borders in a scan)
        for (Cell c : row) {
            if (c.covers(middle)) {
                return c.continuation() ? null : c;
            }
        }
        for (Cell c : row) {
            if (c.covers(header.start())) {
                return c.continuation() ? null : c;
            }
        }
        return null;
    }
}
