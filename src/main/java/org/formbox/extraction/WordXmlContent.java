package org.formbox.extraction;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Tables and paragraphs of a .docx, read from its XML in document order. Cells carry their grid
 * columns (gridBefore, gridSpan) and vertical merges; nested tables become tables of their own.
 * Content controls ({@code w:sdt}) are read as their content at every level — around a run, a
 * paragraph, a cell, a row or whole blocks of the body — except an untouched placeholder, which is
 * blank. Symbol-font ticks ({@code w:sym} in Wingdings) and check-box controls ({@code w14:checkbox})
 * become {@code ☑}/{@code □}, which {@link TickBoxes} reads. Deleted revisions are left out.
 * Text boxes ({@code w:txbxContent}: a cover block or a section's text put in a frame) are read as
 * blocks of their own after the paragraph that anchors them; of a box written twice, as a drawing and
 * as its VML fallback ({@code mc:AlternateContent}), the drawing is read. A document of more than
 * {@value #MAX_TEXT_BOXES} boxes is a page layout of positioned fragments (a PDF converted to Word):
 * read in order they would be words out of place, so its boxes are left out.
 */
final class WordXmlContent {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    /** More text boxes than this, and the document is laid out in them rather than written. */
    static final int MAX_TEXT_BOXES = 20;
    private static final int MAX_DEPTH = 40;

    private final XWPFDocument doc;
    private final List<Grid> grids = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final boolean readBoxes;

    private WordXmlContent(XWPFDocument doc, boolean readBoxes) {
        this.doc = doc;
        this.readBoxes = readBoxes;
    }

    static DocumentContent read(XWPFDocument doc) {
        Node body = doc.getDocument().getBody().getDomNode();
        int boxes = textBoxCount(body);
        // no box: no paragraph is searched for one; too many: a page of positioned fragments, left out
        WordXmlContent reader = new WordXmlContent(doc, boxes > 0 && boxes <= MAX_TEXT_BOXES);
        reader.blocks(body, reader.lines, reader.grids, false, 0);
        return new DocumentContent(reader.grids, reader.lines, false, boxes > MAX_TEXT_BOXES);
    }

    /** Paragraphs, tables and block-level controls under {@code parent}. */
    private void blocks(Node parent, List<Line> out, List<Grid> tables, boolean placeholder, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Element e : children(parent)) {
            switch (e.getLocalName()) {
                case "p" -> {
                    out.add(new Line(placeholder ? "" : paragraphText(e), emphasis(e)));
                    if (readBoxes) {
                        for (Element box : textBoxes(e)) {
                            blocks(box, out, tables, placeholder, depth + 1);
                        }
                    }
                }
                case "tbl" -> table(e, tables, depth);
                case "sdt" -> blocks(sdtContent(e), out, tables, placeholder || showsPlaceholder(e), depth + 1);
                case "customXml", "ins", "smartTag" -> blocks(e, out, tables, placeholder, depth + 1);
                default -> {
                    // section properties, bookmarks, deleted blocks: no text of their own
                }
            }
        }
    }

    /** The text boxes of the body, a drawing and its VML fallback counted once. */
    private static int textBoxCount(Node body) {
        var found = ((Element) body).getElementsByTagNameNS(W, "txbxContent");
        int n = 0;
        for (int i = 0; i < found.getLength(); i++) {
            n += within(found.item(i), body, MC, "Fallback") ? 0 : 1;
        }
        return n;
    }

    /**
     * The text boxes a paragraph anchors: not those inside another box (read with it), nor a VML
     * fallback's copy of a drawing's box.
     */
    private static List<Element> textBoxes(Element p) {
        List<Element> boxes = new ArrayList<>();
        var found = p.getElementsByTagNameNS(W, "txbxContent");
        for (int i = 0; i < found.getLength(); i++) {
            Element box = (Element) found.item(i);
            if (!within(box, p, MC, "Fallback") && !within(box, p, W, "txbxContent")) {
                boxes.add(box);
            }
        }
        return boxes;
    }

    /** Whether an element named so lies between {@code n} and {@code stop} (both left out). */
    private static boolean within(Node n, Node stop, String ns, String name) {
        for (Node up = n.getParentNode(); up != null && up != stop; up = up.getParentNode()) {
            if (ns.equals(up.getNamespaceURI()) && name.equals(up.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private void table(Element tbl, List<Grid> out, int depth) {
        List<List<Cell>> rows = new ArrayList<>();
        List<Grid> nested = new ArrayList<>();
        for (Element tr : unwrap(tbl, "tr")) {
            List<Cell> cells = new ArrayList<>();
            int column = intVal(first(first(tr, "trPr"), "gridBefore"), 0);
            for (Element tc : unwrap(tr, "tc")) {
                Element pr = first(tc, "tcPr");
                int span = Math.max(1, intVal(first(pr, "gridSpan"), 1));
                Element vMerge = first(pr, "vMerge");
                boolean continuation = vMerge != null && !"restart".equals(vMerge.getAttributeNS(W, "val"));
                List<Line> paragraphs = new ArrayList<>();
                blocks(tc, paragraphs, nested, placeholderAround(tc), depth + 1);
                String text = String.join("\n", paragraphs.stream().map(Line::text).toList());
                cells.add(new Cell(text, column, column + span, continuation));
                column += span;
            }
            rows.add(cells);
        }
        out.add(new Grid(rows));
        out.addAll(nested);
    }

    /** Rows of a table or cells of a row, also when a content control or custom XML wraps them. */
    private static List<Element> unwrap(Node parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Element e : children(parent)) {
            if (e.getLocalName().equals(name)) {
                found.add(e);
            } else if (e.getLocalName().equals("sdt")) {
                found.addAll(unwrap(sdtContent(e), name));
            } else if (e.getLocalName().equals("customXml")) {
                found.addAll(unwrap(e, name));
            }
        }
        return found;
    }

    /** Whether a cell sits in a cell-level control that still shows its placeholder. */
    private static boolean placeholderAround(Element tc) {
        Node content = tc.getParentNode();
        return content != null && "sdtContent".equals(content.getLocalName())
                && content.getParentNode() instanceof Element sdt && showsPlaceholder(sdt);
    }

    String paragraphText(Element p) {
        StringBuilder sb = new StringBuilder();
        inline(p, sb, null, 0);
        return sb.toString();
    }

    private void inline(Node parent, StringBuilder sb, String font, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Element e : children(parent)) {
            switch (e.getLocalName()) {
                case "r" -> inline(e, sb, runFont(e), depth + 1);
                case "t" -> sb.append(SymbolFonts.isSymbolFont(font) ? SymbolFonts.map(font, textOf(e))
                        : textOf(e));
                case "tab", "ptab" -> sb.append('\t');
                case "br", "cr" -> sb.append('\n');
                case "noBreakHyphen" -> sb.append('-');
                case "sym" -> sb.append(SymbolFonts.symbol(e.getAttributeNS(W, "font"), e.getAttributeNS(W, "char")));
                case "sdt" -> inlineSdt(e, sb, font, depth);
                case "hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "dir", "bdo" ->
                        inline(e, sb, font, depth + 1);
                default -> {
                    // w:del, w:moveFrom, w:instrText, drawings, text boxes, properties
                }
            }
        }
    }

    private void inlineSdt(Element sdt, StringBuilder sb, String font, int depth) {
        Element checkbox = firstNS(first(sdt, "sdtPr"), W14, "checkbox");
        if (checkbox != null) {
            Element checked = firstNS(checkbox, W14, "checked");
            String v = checked == null ? "0" : checked.getAttributeNS(W14, "val");
            sb.append("1".equals(v) || "true".equalsIgnoreCase(v) ? '☑' : '□');
            return;
        }
        if (!showsPlaceholder(sdt)) {
            inline(sdtContent(sdt), sb, font, depth + 1);
        }
    }

    private static String runFont(Element r) {
        Element fonts = first(first(r, "rPr"), "rFonts");
        if (fonts == null) {
            return null;
        }
        String f = fonts.getAttributeNS(W, "ascii");
        return f.isEmpty() ? fonts.getAttributeNS(W, "hAnsi") : f;
    }

    private static boolean showsPlaceholder(Element sdt) {
        return first(first(sdt, "sdtPr"), "showingPlcHdr") != null;
    }

    private static Node sdtContent(Element sdt) {
        Element content = first(sdt, "sdtContent");
        return content == null ? sdt.getOwnerDocument().createElementNS(W, "w:sdtContent") : content;
    }

    private boolean emphasis(Element p) {
        Element style = first(first(p, "pPr"), "pStyle");
        if (style != null) {
            String id = style.getAttributeNS(W, "val");
            XWPFStyle s = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
            String name = s == null ? id : s.getName();
            if (name != null && (name.toLowerCase().startsWith("heading") || name.startsWith("标题"))) {
                return true;
            }
        }
        boolean any = false;
        for (Element r : descendants(p, "r")) {
            if (readBoxes && within(r, p, W, "txbxContent")) {
                continue; // a box's runs are its own paragraphs'
            }
            Element t = first(r, "t");
            if (t == null || textOf(t).isBlank()) {
                continue;
            }
            Element b = first(first(r, "rPr"), "b");
            String v = b == null ? null : b.getAttributeNS(W, "val");
            if (b == null || "0".equals(v) || "false".equals(v)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The character data of an element (XmlBeans' DOM has no getTextContent). */
    private static String textOf(Node e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString();
    }

    private static List<Element> descendants(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        var list = parent.getElementsByTagNameNS(W, name);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName() != null
                    && (W.equals(e.getNamespaceURI()) || W14.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    static Element first(Node parent, String name) {
        return firstNS(parent, W, name);
    }

    private static Element firstNS(Node parent, String ns, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static int intVal(Element e, int fallback) {
        if (e == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(e.getAttributeNS(W, "val").trim());
        } catch (NumberFormatException ex) {
            return fallback;
        }
    }
}
