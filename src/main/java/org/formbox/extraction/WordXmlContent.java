package org.formbox.extraction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ICell;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFSDTCell;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTVMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Tables and paragraphs of a .docx, read with XWPF. Cells carry their grid columns (gridBefore,
 * gridSpan) and vertical merges, content-control cells are included ({@code getTableICells}), and
 * nested tables become tables of their own.
 */
final class WordXmlContent {

    private WordXmlContent() {
    }

    static DocumentContent read(XWPFDocument doc) {
        List<Grid> grids = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                lines.add(new Line(p.getText(), emphasis(doc, p)));
            } else if (e instanceof XWPFTable t) {
                table(t, grids);
            } else if (e instanceof XWPFSDT sdt) {
                for (String l : sdt.getContent().getText().split("\n")) {
                    lines.add(new Line(l, false));
                }
            }
        }
        return new DocumentContent(grids, lines);
    }

    private static void table(XWPFTable table, List<Grid> grids) {
        List<List<Cell>> rows = new ArrayList<>();
        List<Grid> nested = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<Cell> cells = new ArrayList<>();
            int column = gridBefore(row);
            for (ICell icell : row.getTableICells()) {
                if (icell instanceof XWPFTableCell cell) {
                    int span = span(cell);
                    cells.add(new Cell(text(cell), column, column + span, continuation(cell)));
                    cell.getTables().forEach(t -> table(t, nested));
                    column += span;
                } else if (icell instanceof XWPFSDTCell sdt) {
                    cells.add(new Cell(sdt.getContent().getText(), column, column + 1, false));
                    column++;
                }
            }
            rows.add(cells);
        }
        grids.add(new Grid(rows));
        grids.addAll(nested);
    }

    private static String text(XWPFTableCell cell) {
        StringBuilder sb = new StringBuilder();
        for (XWPFParagraph p : cell.getParagraphs()) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(p.getText());
        }
        return sb.toString();
    }

    private static int gridBefore(XWPFTableRow row) {
        CTTrPr pr = row.getCtRow().getTrPr();
        if (pr == null || pr.sizeOfGridBeforeArray() == 0) {
            return 0;
        }
        return number(pr.getGridBeforeArray(0), 0);
    }

    private static int span(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        return pr == null || !pr.isSetGridSpan() ? 1 : Math.max(1, number(pr.getGridSpan(), 1));
    }

    private static int number(CTDecimalNumber n, int fallback) {
        Object v = n.getVal();
        return v instanceof BigInteger b ? b.intValue() : fallback;
    }

    private static boolean continuation(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || !pr.isSetVMerge()) {
            return false;
        }
        CTVMerge merge = pr.getVMerge();
        return merge.getVal() == null || merge.getVal() == STMerge.CONTINUE;
    }

    private static boolean emphasis(XWPFDocument doc, XWPFParagraph p) {
        String styleId = p.getStyleID();
        if (styleId != null) {
            XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(styleId);
            String name = style == null ? styleId : style.getName();
            if (name != null && (name.toLowerCase().startsWith("heading") || name.startsWith("标题"))) {
                return true;
            }
        }
        List<XWPFRun> runs = p.getRuns();
        return !runs.isEmpty() && runs.stream().filter(r -> !r.text().isBlank()).allMatch(XWPFRun::isBold)
                && runs.stream().anyMatch(r -> !r.text().isBlank());
    }
}
