package org.formbox.extraction;

import java.util.List;

/**
 * A table: rows of cells, left to right. Merged cells appear once, wider or continued.
 *
 * @param rows   the rows
 * @param sparse whether empty cells are left out (a sheet), so that the next cell may lie columns away
 */
record Grid(List<List<Cell>> rows, boolean sparse) {

    Grid {
        rows = List.copyOf(rows.stream().map(List::copyOf).toList());
    }

    Grid(List<List<Cell>> rows) {
        this(rows, false);
    }

    /** The first own cell below {@code row} covering {@code position}, or null. */
    Cell below(int row, int position) {
        for (int r = row + 1; r < rows.size(); r++) {
            for (Cell c : rows.get(r)) {
                if (c.covers(position)) {
                    if (c.continuation()) {
                        break;
                    }
                    return c;
                }
            }
        }
        return null;
    }
}
