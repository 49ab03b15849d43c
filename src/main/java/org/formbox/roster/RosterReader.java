package org.formbox.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a roster as the office keeps it: an Excel workbook (.xlsx, .xls) or a CSV (UTF-8, with or
 * without a byte-order mark, or GBK as Excel in Chinese saves it). The header row may sit under a
 * title row; its columns are recognised by their words (单位名称/企业名称, 联系邮箱/邮箱 …) in any
 * order. Plain Java: bytes in, rows out.
 */
public final class RosterReader {

    /** At most this many rows are read: a roster is a list of enterprises, not a data dump. */
    static final int MAX_ROWS = 5000;
    private static final int HEADER_SEARCH = 10;

    /** The columns a roster may have. */
    enum Column { NAME, REGION, CONTACT, EMAIL, PHONE }

    /**
     * One data row as read: the cells of the recognised columns (null when absent).
     *
     * @param row   the row number as a spreadsheet shows it (1 = the first line)
     * @param cells the text of each recognised column
     */
    record Line(int row, Map<Column, String> cells) {
        String get(Column c) {
            String v = cells.get(c);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /**
     * What a file held.
     *
     * @param lines   the data rows under the header
     * @param columns the columns recognised
     * @param problem why the file could not be read at all, or null
     */
    record Read(List<Line> lines, List<Column> columns, String problem) {
    }

    private RosterReader() {
    }

    static Read read(String filename, byte[] bytes) {
        List<List<String>> table;
        try {
            table = isWorkbook(bytes) ? workbook(bytes) : csv(decode(bytes));
        } catch (IOException | RuntimeException e) {
            return new Read(List.of(), List.of(), "文件无法读取（" + e.getClass().getSimpleName() + "），请上传 .xlsx 或 .csv 文件");
        }
        for (int r = 0; r < Math.min(HEADER_SEARCH, table.size()); r++) {
            Map<Column, Integer> columns = header(table.get(r));
            if (columns.containsKey(Column.NAME) && columns.size() >= 2) {
                List<Line> lines = new ArrayList<>();
                for (int i = r + 1; i < table.size() && lines.size() < MAX_ROWS; i++) {
                    Map<Column, String> cells = new EnumMap<>(Column.class);
                    List<String> row = table.get(i);
                    columns.forEach((c, index) -> cells.put(c, index < row.size() ? row.get(index) : null));
                    lines.add(new Line(i + 1, cells));
                }
                return new Read(lines, List.copyOf(columns.keySet()), null);
            }
        }
        return new Read(List.of(), List.of(), "没有找到表头：需要一列“企业名称”（或“单位名称”）和联系人、邮箱等列");
    }

    /** The recognised columns of a header row, by their words; the first column of each kind wins. */
    static Map<Column, Integer> header(List<String> cells) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            Column c = column(cells.get(i));
            if (c != null) {
                columns.putIfAbsent(c, i);
            }
        }
        return columns;
    }

    static Column column(String header) {
        if (header == null) {
            return null;
        }
        String h = Normalizer.normalize(header, Normalizer.Form.NFKC).replaceAll("[\\s*:：()（）\\[\\]【】、/,，.]", "")
                .toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.equals("序号") || h.equals("编号")) {
            return null;
        }
        if (h.contains("邮箱") || h.contains("邮件") || h.contains("email") || h.contains("e-mail") || h.equals("mail")) {
            return Column.EMAIL;
        }
        if (h.contains("电话") || h.contains("手机") || h.contains("联系方式") || h.contains("phone") || h.contains("tel")) {
            return Column.PHONE;
        }
        if (h.contains("联系人") || h.equals("姓名") || h.contains("负责人") || h.equals("contact")) {
            return Column.CONTACT;
        }
        if (h.contains("地区") || h.contains("区域") || h.contains("属地") || h.contains("县") || h.contains("区")
                || h.equals("district") || h.equals("region")) {
            return Column.REGION;
        }
        if (h.contains("名称") || h.contains("企业") || h.contains("单位") || h.contains("公司") || h.equals("name")) {
            return Column.NAME;
        }
        return null;
    }

    private static boolean isWorkbook(byte[] b) {
        return b.length > 4 && (b[0] == 'P' && b[1] == 'K'
                || (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0);
    }

    private static List<List<String>> workbook(byte[] bytes) throws IOException {
        List<List<String>> table = new ArrayList<>();
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS + HEADER_SEARCH); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.min(row.getLastCellNum(), 100); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                table.add(cells);
            }
        }
        return table;
    }

    /** UTF-8 (a byte-order mark dropped) when the bytes are valid UTF-8, else GB18030 (GBK's superset). */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** RFC 4180 fields: quoted fields may hold commas, quotes doubled and line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length() && rows.size() <= MAX_ROWS + HEADER_SEARCH; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',' || ch == '\t' && text.indexOf(',') < 0) {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
