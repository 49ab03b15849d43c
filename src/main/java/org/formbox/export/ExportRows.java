package org.formbox.export;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The export as tables of cells (numbers stay {@link java.math.BigDecimal}, the rest strings), shared
 * by the workbook and the CSV; {@link FileRows} fills them from the enterprise files.
 */
final class ExportRows {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private ExportRows() {
    }

    /** A table: a header row and data rows. */
    record Table(String name, List<String> header, List<List<Object>> rows) {
    }
}
