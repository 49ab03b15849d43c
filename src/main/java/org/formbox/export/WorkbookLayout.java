package org.formbox.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes a table into a workbook as something to hand on: typed cells (numbers as numbers, instants
 * as date cells in the configured zone, blanks as no cell at all), money and percent formats, column
 * widths fitted to the content, wrapped text, a frozen and filtered header, coloured states, and a
 * print set-up (landscape, fit to the page width, header row repeated on every page). Columns of
 * {@link Column.Kind#LONG_TEXT} go to one sheet of long texts, a row per text, so the main sheet
 * stays readable. Knows nothing of the store: any sheet described by {@link Column}s can use it.
 */
public final class WorkbookLayout {

    /** Sheet of the long texts moved out of the tables. */
    public static final String LONG_TEXTS = "长文本";

    private static final int MAX_WIDTH = 40;
    private static final int MIN_WIDTH = 6;
    /** A header wraps rather than widen its column past this. */
    private static final int HEADER_WIDTH = 14;
    /** Character units that print readably across one landscape A3 page (about 80% scale). */
    private static final int PAGE_WIDTH = 240;
    private static final float LINE_HEIGHT = 15f;

    private final Workbook book;
    private final ZoneId zone;
    private final Map<Column.Kind, CellStyle> styles = new EnumMap<>(Column.Kind.class);
    private final Map<String, CellStyle> states = new LinkedHashMap<>();
    private final CellStyle header;
    private final List<List<Object>> longTexts = new ArrayList<>();

    public WorkbookLayout(Workbook book, ZoneId zone) {
        this.book = book;
        this.zone = zone;
        this.header = style(null, true, true);
        header.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        for (Column.Kind kind : Column.Kind.values()) {
            String format = switch (kind) {
                case MONEY -> "#,##0.00";
                case PERCENT -> "0.0%";
                case INTEGER -> "0";
                case NUMBER -> "#,##0.##";
                case DATE_TIME -> "yyyy-mm-dd hh:mm";
                default -> null;
            };
            styles.put(kind, style(format, kind == Column.Kind.WRAPPED || kind == Column.Kind.LONG_TEXT, false));
        }
    }

    /**
     * Writes one table as a sheet. The first {@code keyColumns} columns identify a row (an id, a
     * name): they stay in view when scrolling and are repeated beside each of its long texts.
     */
    public Sheet write(String name, List<Column> columns, List<List<Object>> rows, int keyColumns) {
        return write(name, columns, rows, keyColumns, 0);
    }

    /**
     * {@link #write}, with the last column {@code lastWidth} characters wide (0: as its values need).
     * Every row's height is set as the row is written: a streamed workbook keeps only a window of
     * rows, so a row cannot be touched again later.
     */
    private Sheet write(String name, List<Column> columns, List<List<Object>> rows, int keyColumns, int lastWidth) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).kind() != Column.Kind.LONG_TEXT) {
                shown.add(i);
            }
        }
        Sheet sheet = book.createSheet(name);
        int[] width = new int[shown.size()];
        Row head = sheet.createRow(0);
        for (int c = 0; c < shown.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(columns.get(shown.get(c)).header());
            cell.setCellStyle(header);
            width[c] = Math.max(MIN_WIDTH, Math.min(HEADER_WIDTH, displayWidth(columns.get(shown.get(c)).header()) + 2));
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> values = rows.get(r);
            for (int c = 0; c < shown.size(); c++) {
                Object v = values.get(shown.get(c));
                width[c] = Math.max(width[c], Math.min(MAX_WIDTH, valueWidth(v, columns.get(shown.get(c)).kind()) + 2));
            }
            for (int i = 0; i < columns.size(); i++) {
                Object v = values.get(i);
                if (columns.get(i).kind() == Column.Kind.LONG_TEXT && !blank(v)) {
                    List<Object> line = new ArrayList<>(values.subList(0, keyColumns));
                    line.add(name);
                    line.add(columns.get(i).header());
                    line.add(v);
                    longTexts.add(line);
                }
            }
        }
        if (lastWidth > 0 && shown.size() > 0) {
            width[shown.size() - 1] = lastWidth;
        }
        int headerLines = 1;
        int total = 0;
        for (int c = 0; c < shown.size(); c++) {
            sheet.setColumnWidth(c, width[c] * 256);
            headerLines = Math.max(headerLines, lines(columns.get(shown.get(c)).header(), width[c]));
            total += width[c];
        }
        head.setHeightInPoints(headerLines * LINE_HEIGHT);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            int lines = 1;
            for (int c = 0; c < shown.size(); c++) {
                Column column = columns.get(shown.get(c));
                Object v = rows.get(r).get(shown.get(c));
                if (!blank(v)) {
                    set(row.createCell(c), column.kind(), v);
                    if (column.kind() == Column.Kind.WRAPPED || column.kind() == Column.Kind.LONG_TEXT) {
                        lines = Math.max(lines, lines(String.valueOf(v), width[c]));
                    }
                }
            }
            if (lines > 1) {
                row.setHeightInPoints(Math.min(409f, lines * LINE_HEIGHT));
            }
        }
        finish(sheet, shown.size(), rows.size(), Math.min(keyColumns, shown.size()), total);
        return sheet;
    }

    /**
     * Writes the sheet of long texts gathered from the tables written so far; nothing when there were none.
     * {@code keyHeaders} names the key columns the tables share.
     */
    public void writeLongTexts(List<String> keyHeaders) {
        if (longTexts.isEmpty()) {
            return;
        }
        List<Column> columns = new ArrayList<>();
        keyHeaders.forEach(h -> columns.add(Column.text(h)));
        columns.add(Column.text("所在工作表"));
        columns.add(Column.text("栏目"));
        columns.add(new Column("内容", Column.Kind.WRAPPED));
        List<List<Object>> rows = List.copyOf(longTexts);
        longTexts.clear();
        write(LONG_TEXTS, columns, rows, keyHeaders.size(), 90);
    }

    /**
     * Frozen, filtered header and the print set-up: landscape, the whole width on one page, or, for
     * a table too wide to read that way, on as few pages across as keep it readable, with the header
     * row and the key columns repeated on each.
     */
    private void finish(Sheet sheet, int columns, int rows, int keyColumns, int totalWidth) {
        sheet.createFreezePane(keyColumns, 1);
        if (columns > 0) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows, 1), 0, columns - 1));
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        }
        int pagesAcross = Math.max(1, (totalWidth + PAGE_WIDTH - 1) / PAGE_WIDTH);
        if (pagesAcross > 1 && keyColumns > 0) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, keyColumns - 1));
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(totalWidth > PAGE_WIDTH / 2 ? PrintSetup.A3_PAPERSIZE : PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) pagesAcross);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    private void set(Cell cell, Column.Kind kind, Object v) {
        switch (kind) {
            case DATE_TIME -> {
                if (v instanceof Instant i) {
                    cell.setCellValue(LocalDateTime.ofInstant(i, zone));
                } else {
                    cell.setCellValue(String.valueOf(v));
                }
            }
            case PERCENT -> {
                if (v instanceof Number n) {
                    cell.setCellValue(decimal(n).movePointLeft(2).doubleValue()); // Excel's percent is a fraction
                } else {
                    cell.setCellValue(String.valueOf(v));
                }
            }
            case MONEY, INTEGER, NUMBER -> {
                if (v instanceof Number n) {
                    cell.setCellValue(decimal(n).doubleValue());
                } else {
                    cell.setCellValue(String.valueOf(v)); // a value that could not be read stays as typed
                }
            }
            case STATE -> {
                cell.setCellValue(String.valueOf(v));
                cell.setCellStyle(state(String.valueOf(v)));
                return;
            }
            default -> {
                if (v instanceof Number n) {
                    cell.setCellValue(decimal(n).doubleValue());
                } else {
                    // a string cell is never a formula, whatever the sender typed
                    cell.setCellValue(String.valueOf(v));
                }
            }
        }
        cell.setCellStyle(styles.get(kind));
    }

    /** The fill of a state: accepted green, to correct red, waiting or missing amber, failed grey. */
    private CellStyle state(String label) {
        return states.computeIfAbsent(label, l -> {
            CellStyle s = style(null, false, true);
            IndexedColors colour = l.contains("受理") || l.contains("齐全") || l.contains("交齐") ? IndexedColors.LIGHT_GREEN
                    : l.contains("更正") ? IndexedColors.ROSE
                    : l.contains("失败") || l.contains("忽略") ? IndexedColors.GREY_25_PERCENT
                    : l.contains("未") || l.contains("缺") || l.contains("待") ? IndexedColors.LIGHT_YELLOW
                    : null;
            if (colour != null) {
                s.setFillForegroundColor(colour.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            return s;
        });
    }

    private CellStyle style(String format, boolean wrap, boolean bold) {
        CellStyle s = book.createCellStyle();
        if (format != null) {
            s.setDataFormat(book.createDataFormat().getFormat(format));
        }
        s.setWrapText(wrap);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setBottomBorderColor(IndexedColors.GREY_25_PERCENT.getIndex());
        s.setRightBorderColor(IndexedColors.GREY_25_PERCENT.getIndex());
        if (bold) {
            Font font = book.createFont();
            font.setBold(true);
            s.setFont(font);
        }
        return s;
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }

    private static boolean blank(Object v) {
        return v == null || v instanceof String s && s.isEmpty();
    }

    private static int valueWidth(Object v, Column.Kind kind) {
        if (blank(v)) {
            return 0;
        }
        return switch (kind) {
            case DATE_TIME -> 16;
            case MONEY -> String.format("%,.2f", decimal((Number) (v instanceof Number ? v : 0)).doubleValue()).length();
            case PERCENT -> 7;
            default -> {
                int widest = 0;
                for (String line : String.valueOf(v).split("\\R")) {
                    widest = Math.max(widest, displayWidth(line));
                }
                yield widest;
            }
        };
    }

    /** Width in Excel character units: a Chinese character takes two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return w;
    }

    private static int lines(String text, int width) {
        int lines = 0;
        for (String line : text.split("\\R", -1)) {
            lines += Math.max(1, (displayWidth(line) + width - 1) / Math.max(1, width));
        }
        return lines;
    }
}
