package org.formbox.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Every sheet of an .xlsx or .xls as a table of its non-empty cells, with the display text Excel
 * shows (DataFormatter, cached formula results). Empty cells are left out so that "the next cell
 * to the right" is the next one with something in it, whatever the column widths.
 */
final class SpreadsheetContent {

    private static final int MAX_ROWS = 2_000;
    private static final int MAX_COLUMNS = 100;
    /** Marks a formula that could not be computed; its value is then for staff to check. */
    static final String UNREADABLE_FORMULA = "无法计算的公式：";
    private static final Origin FORMULA_ORIGIN = Origin.FORMULA;

    private SpreadsheetContent() {
    }

    static DocumentContent read(Workbook workbook) {
        DataFormatter formatter = new DataFormatter();
        formatter.setUseCachedValuesForFormulaCells(true);
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        List<Grid> grids = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (Sheet sheet : workbook) {
            Grid grid = grid(sheet, formatter, evaluator);
            grids.add(grid);
            // a proposal pasted into a sheet is read line by line like any text
            grid.rows().forEach(row -> lines.add(new Line(String.join(" ", row.stream().map(Cell::text).toList()), false)));
        }
        return new DocumentContent(grids, lines);
    }

    private static Grid grid(Sheet sheet, DataFormatter formatter, FormulaEvaluator evaluator) {
        Map<Long, CellRangeAddress> merged = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), region.getFirstRow() + MAX_ROWS); r++) {
                for (int c = region.getFirstColumn(); c <= Math.min(region.getLastColumn(), MAX_COLUMNS); c++) {
                    merged.put(position(r, c), region);
                }
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > MAX_ROWS) {
                break;
            }
            List<Cell> cells = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                int c = cell.getColumnIndex();
                if (c > MAX_COLUMNS) {
                    break;
                }
                CellRangeAddress region = merged.get(position(row.getRowNum(), c));
                if (region != null && (region.getFirstRow() != row.getRowNum() || region.getFirstColumn() != c)) {
                    continue;
                }
                boolean formula = cell.getCellType() == CellType.FORMULA;
                String text = formula ? formulaText(cell, formatter, evaluator) : symbols(cell, formatter.formatCellValue(cell));
                if (!text.isEmpty()) {
                    int end = region == null ? c + 1 : region.getLastColumn() + 1;
                    cells.add(new Cell(text, c, end, false, formula ? FORMULA_ORIGIN : Origin.CELL));
                }
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        return new Grid(rows, true);
    }

    /** What Excel shows for a formula: the stored result, else the result computed now (POI's evaluator). */
    private static String formulaText(org.apache.poi.ss.usermodel.Cell cell, DataFormatter formatter,
                                      FormulaEvaluator evaluator) {
        if (hasCachedResult(cell)) {
            return formatter.formatCellValue(cell).strip();
        }
        try {
            // files written by OA/ERP exports and openpyxl carry formulas without results: POI would read 0
            return formatter.formatCellValue(cell, evaluator).strip();
        } catch (RuntimeException unsupported) {
            // a function POI lacks: unreadable, never 0 — staff see the formula and check it
            return UNREADABLE_FORMULA + "=" + cell.getCellFormula();
        }
    }

    private static boolean hasCachedResult(org.apache.poi.ss.usermodel.Cell cell) {
        if (cell instanceof XSSFCell x) {
            return x.getCTCell().isSetV();
        }
        return true; // the binary format always stores the result
    }

    /** Tick boxes typed in Wingdings (þ, ¨, o) read as ☑ and □. */
    private static String symbols(org.apache.poi.ss.usermodel.Cell cell, String text) {
        try {
            String font = cell.getSheet().getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getFontName();
            return SymbolFonts.isSymbolFont(font) ? SymbolFonts.map(font, text).strip() : text.strip();
        } catch (RuntimeException e) {
            return text.strip();
        }
    }

    private static long position(int row, int column) {
        return ((long) row << 16) | column;
    }
}
