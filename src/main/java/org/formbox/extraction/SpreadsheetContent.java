package org.formbox.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
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

    private SpreadsheetContent() {
    }

    static DocumentContent read(Workbook workbook) {
        DataFormatter formatter = new DataFormatter();
        formatter.setUseCachedValuesForFormulaCells(true);
        List<Grid> grids = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (Sheet sheet : workbook) {
            Grid grid = grid(sheet, formatter);
            grids.add(grid);
            // a proposal pasted into a sheet is read line by line like any text
            grid.rows().forEach(row -> lines.add(new Line(String.join(" ", row.stream().map(Cell::text).toList()), false)));
        }
        return new DocumentContent(grids, lines);
    }

    private static Grid grid(Sheet sheet, DataFormatter formatter) {
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
                String text = formatter.formatCellValue(cell).strip();
                if (!text.isEmpty()) {
                    int end = region == null ? c + 1 : region.getLastColumn() + 1;
                    cells.add(new Cell(text, c, end, false));
                }
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        return new Grid(rows);
    }

    private static long position(int row, int column) {
        return ((long) row << 16) | column;
    }
}
