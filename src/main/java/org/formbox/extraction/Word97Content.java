package org.formbox.extraction;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.model.StyleDescription;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableIterator;
import org.apache.poi.hwpf.usermodel.TableRow;

/**
 * Tables and paragraphs of a Word 97–2003 .doc (and of a Kingsoft WPS .wps, which is the same
 * format), read with HWPF. Cells are positioned by their left edge in twips, because Word 97
 * writes a merged cell as one wider cell rather than as a span.
 */
final class Word97Content {

    private Word97Content() {
    }

    static DocumentContent read(HWPFDocument doc) {
        Range range = doc.getRange();
        List<Grid> grids = new ArrayList<>();
        TableIterator tables = new TableIterator(range);
        while (tables.hasNext()) {
            grids.add(grid(tables.next()));
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < range.numParagraphs(); i++) {
            Paragraph p = range.getParagraph(i);
            if (!p.isInTable()) {
                lines.add(new Line(clean(withSymbols(p)).strip(), heading(doc, p)));
            }
        }
        return new DocumentContent(grids, lines);
    }

    private static Grid grid(Table table) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                int start = cell.getLeftEdge();
                boolean continuation = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged();
                cells.add(new Cell(clean(withSymbols(cell)).strip(), start, start + Math.max(1, cell.getWidth()), continuation));
            }
            rows.add(cells);
        }
        return new Grid(rows);
    }

    /**
     * The text of a range with its symbol-font characters made readable: Insert › Symbol stores a
     * Wingdings tick either as a symbol character (sprmCSymbol, text "(") or, as LibreOffice and
     * WPS save it, as a private-use code (F0FE) in a run set in the symbol font.
     */
    static String withSymbols(Range range) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < range.numCharacterRuns(); i++) {
            CharacterRun run = range.getCharacterRun(i);
            String text = run.text();
            if (run.isSymbol() && run.getSymbolFont() != null) {
                sb.append(SymbolFonts.symbol(run.getSymbolFont().getMainFontName(), Integer.toHexString(run.getSymbolCharacter())));
            } else if (SymbolFonts.isSymbolFont(run.getFontName())) {
                sb.append(SymbolFonts.map(run.getFontName(), text.replace("\u0007", "")))
                        .append(text.indexOf('\u0007') >= 0 ? "\u0007" : "");
            } else {
                sb.append(text);
            }
        }
        return sb.toString();
    }

    /** Drops field codes (keeping their results) and Word's cell and row marks. */
    private static String clean(String text) {
        return Text.clean(Range.stripFields(text).replace('\u0007', '\n'));
    }

    private static boolean heading(HWPFDocument doc, Paragraph p) {
        try {
            StyleDescription style = doc.getStyleSheet().getStyleDescription(p.getStyleIndex());
            String name = style == null ? null : style.getName();
            if (name != null && (name.toLowerCase().startsWith("heading") || name.startsWith("标题"))) {
                return true;
            }
            return p.numCharacterRuns() > 0 && p.getCharacterRun(0).isBold();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
