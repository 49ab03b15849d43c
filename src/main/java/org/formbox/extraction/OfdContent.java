package org.formbox.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * An OFD document (GB/T 33190, the Chinese fixed-layout format: WPS's "输出为 OFD", 数科 and 福昕
 * readers, documents from government systems), read like a PDF with a text layer: every character
 * of its text objects placed on the page, the straight lines its path objects draw as table borders,
 * and from the two the tables rebuilt by {@link BoxTables}, the running text line by line.
 * <p>
 * The package is a zip: {@code OFD.xml} names the document's root ({@code Document.xml}), which
 * lists the pages and the templates they are drawn on. Coordinates are millimetres from the page's
 * top left corner; an object's own coordinates are mapped by its {@code CTM} into its
 * {@code Boundary}. Characters are placed by {@code TextCode}'s X and Y and the advances of
 * {@code DeltaX}/{@code DeltaY} ({@code g n d}: n times d). Glyph outlines drawn as paths (a
 * converter that kept no text) leave no text: such a document reads like a scan without OCR.
 */
final class OfdContent {

    /** Millimetres to points, the unit in which {@link BoxTables} measures a PDF's page. */
    private static final double PT = 72 / 25.4;
    /** Pages beyond this are not read: the forms are one or two pages long. */
    static final int MAX_PAGES = PdfPages.MAX_PAGES;
    private static final long MAX_PART_BYTES = 16L << 20;
    private static final long MAX_TOTAL_BYTES = 64L << 20;
    private static final int MAX_CHARS = 200_000;
    private static final int MAX_TEMPLATES = 20;

    private static final XMLInputFactory XML = xmlFactory();

    private final ZipFile zip;
    private long bytesRead;
    private int chars;

    private OfdContent(ZipFile zip) {
        this.zip = zip;
    }

    /** Whether a zip package is an OFD document: it has the {@code OFD.xml} entry point at its root. */
    static boolean is(ZipFile zip) {
        return zip.getEntry("OFD.xml") != null;
    }

    static DocumentContent read(byte[] content) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                .setCharset(StandardCharsets.UTF_8).get()) {
            return new OfdContent(zip).read();
        } catch (XMLStreamException e) {
            throw new IOException("OFD part is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private DocumentContent read() throws IOException, XMLStreamException {
        String root = docRoot();
        if (root == null) {
            throw new IOException("OFD.xml names no document");
        }
        DocumentParts parts = documentParts(root);
        List<Grid> grids = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (String page : parts.pages) {
            Drawing drawing = new Drawing();
            // the page's content, then the templates it is drawn on (a form's borders may be there)
            List<String> templates = new ArrayList<>();
            draw(page, drawing, templates);
            for (String id : templates.subList(0, Math.min(templates.size(), MAX_TEMPLATES))) {
                String template = parts.templates.get(id);
                if (template != null) {
                    draw(template, drawing, null);
                }
            }
            List<Box> glyphs = drawing.spaced();
            grids.addAll(BoxTables.grids(glyphs, drawing.rulings, false));
            lines.addAll(lines(glyphs));
        }
        return new DocumentContent(grids, lines);
    }

    /** The path of the first document's {@code Document.xml}, from {@code OFD.xml}. */
    private String docRoot() throws IOException, XMLStreamException {
        XMLStreamReader r = open("OFD.xml");
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("DocRoot")) {
                    return resolve("", r.getElementText().trim());
                }
            }
            return null;
        } finally {
            r.close();
        }
    }

    private record DocumentParts(List<String> pages, Map<String, String> templates) {
    }

    private DocumentParts documentParts(String document) throws IOException, XMLStreamException {
        String folder = folderOf(document);
        List<String> pages = new ArrayList<>();
        Map<String, String> templates = new LinkedHashMap<>();
        XMLStreamReader r = open(document);
        try {
            while (r.hasNext()) {
                if (r.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                String location = r.getAttributeValue(null, "BaseLoc");
                if (name.equals("Page") && location != null && pages.size() < MAX_PAGES) {
                    pages.add(resolve(folder, location));
                } else if (name.equals("TemplatePage") && location != null && r.getAttributeValue(null, "ID") != null) {
                    templates.put(r.getAttributeValue(null, "ID"), resolve(folder, location));
                }
            }
        } finally {
            r.close();
        }
        return new DocumentParts(pages, templates);
    }

    /** What a page draws that can be read: characters and straight lines, in points. */
    private static final class Drawing {
        final List<Box> glyphs = new ArrayList<>();
        final List<Ruling> rulings = new ArrayList<>();
        /** Which text code each character came from. */
        final Map<Box, Integer> runs = new java.util.IdentityHashMap<>();
        int run;

        /**
         * Spaces where one text code ends well before the next begins on the same line: writers put
         * each word or cell in a code of its own and leave the space out.
         */
        List<Box> spaced() {
            List<Box> out = new ArrayList<>(glyphs);
            for (List<Box> line : BoxTables.lines(glyphs)) {
                for (int i = 1; i < line.size(); i++) {
                    Box a = line.get(i - 1);
                    Box b = line.get(i);
                    Integer runA = runs.get(a);
                    Integer runB = runs.get(b);
                    if (runA != null && runB != null && !runA.equals(runB)
                            && b.x0() - a.x1() > 0.3 * Math.max(a.height(), b.height())) {
                        out.add(new Box(" ", a.x1(), Math.min(a.y0(), b.y0()), b.x0(), Math.max(a.y1(), b.y1()), 1));
                    }
                }
            }
            return out;
        }
    }

    /**
     * Reads a page's (or a template's) content into the drawing; the templates the page names are
     * added to {@code templates} when given.
     */
    private void draw(String part, Drawing drawing, List<String> templates) throws IOException, XMLStreamException {
        XMLStreamReader r = open(part);
        try {
            TextObject text = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamReader.END_ELEMENT && r.getLocalName().equals("TextObject")) {
                    text = null;
                    continue;
                }
                if (event != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "Template" -> {
                        String id = r.getAttributeValue(null, "TemplateID");
                        if (templates != null && id != null) {
                            templates.add(id);
                        }
                    }
                    case "TextObject" -> text = visible(r) ? new TextObject(place(r), number(r.getAttributeValue(null, "Size"), 3.5)) : null;
                    case "TextCode" -> {
                        if (text != null) {
                            text.code(r, drawing);
                        }
                    }
                    case "PathObject" -> {
                        if (visible(r)) {
                            Placement at = place(r);
                            String data = childText(r, "AbbreviatedData");
                            if (data != null) {
                                path(data, at, drawing.rulings);
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        } finally {
            r.close();
        }
    }

    private static boolean visible(XMLStreamReader r) {
        return !"false".equalsIgnoreCase(r.getAttributeValue(null, "Visible"));
    }

    /** How an object's own coordinates land on the page: its CTM, then its Boundary's corner. */
    private record Placement(double a, double b, double c, double d, double e, double f, double x, double y) {

        double pageX(double px, double py) {
            return (x + a * px + c * py + e) * PT;
        }

        double pageY(double px, double py) {
            return (y + b * px + d * py + f) * PT;
        }

        double scale() {
            double det = Math.abs(a * d - b * c);
            return det > 0 ? Math.sqrt(det) : 1;
        }
    }

    private static Placement place(XMLStreamReader r) {
        double[] boundary = numbers(r.getAttributeValue(null, "Boundary"), 4);
        double[] ctm = numbers(r.getAttributeValue(null, "CTM"), 6);
        if (ctm == null) {
            ctm = new double[] {1, 0, 0, 1, 0, 0};
        }
        double bx = boundary == null ? 0 : boundary[0];
        double by = boundary == null ? 0 : boundary[1];
        return new Placement(ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5], bx, by);
    }

    /** A text object being read: where its codes go, and the pen position one code leaves to the next. */
    private final class TextObject {
        final Placement at;
        final double size;
        double penX;
        double penY;

        TextObject(Placement at, double size) {
            this.at = at;
            this.size = size > 0 ? size : 3.5;
        }

        void code(XMLStreamReader r, Drawing drawing) throws XMLStreamException, IOException {
            double x = number(r.getAttributeValue(null, "X"), penX);
            double y = number(r.getAttributeValue(null, "Y"), penY);
            List<Double> dx = deltas(r.getAttributeValue(null, "DeltaX"));
            List<Double> dy = deltas(r.getAttributeValue(null, "DeltaY"));
            String text = r.getElementText();
            drawing.run++;
            int i = 0;
            for (int offset = 0; offset < text.length(); ) {
                int cp = text.codePointAt(offset);
                offset += Character.charCount(cp);
                double advance = i < dx.size() ? dx.get(i) : (Text.cjk((char) cp) ? size : size * 0.5);
                if (Character.isWhitespace(cp)) {
                    // a space the text itself holds separates like a PDF's space glyph
                    drawing.glyphs.add(new Box(" ", at.pageX(x, y - size * 0.8), at.pageY(x, y - size * 0.8),
                            at.pageX(x + Math.max(advance, 0), y + size * 0.1), at.pageY(x + Math.max(advance, 0), y + size * 0.1), 1));
                } else if (!Character.isISOControl(cp)) {
                    if (++chars > MAX_CHARS) {
                        throw new IOException("OFD text exceeds the maximum of " + MAX_CHARS + " characters");
                    }
                    double width = Math.min(Math.max(advance, size * 0.3), size * 1.2);
                    // the baseline is at y; a character rises about 0.8 of the size above it
                    double x0 = at.pageX(x, y - size * 0.8);
                    double y0 = at.pageY(x, y - size * 0.8);
                    double x1 = at.pageX(x + width, y + size * 0.1);
                    double y1 = at.pageY(x + width, y + size * 0.1);
                    Box glyph = new Box(new String(Character.toChars(cp)), Math.min(x0, x1), Math.min(y0, y1),
                            Math.max(x0, x1), Math.max(y0, y1), 1);
                    drawing.glyphs.add(glyph);
                    drawing.runs.put(glyph, drawing.run);
                }
                x += advance;
                y += i < dy.size() ? dy.get(i) : 0;
                i++;
            }
            penX = x;
            penY = y;
        }
    }

    /**
     * The straight segments of a path's abbreviated data (M, L and C draw them; S, Q, B and A only
     * move the pen here) that are horizontal or vertical, as rulings; the rule of {@link PdfPages}:
     * a thin filled rectangle's long sides are two close segments, which {@link BoxTables} merges.
     */
    private static void path(String data, Placement at, List<Ruling> rulings) {
        String[] t = data.trim().split("\\s+");
        double cx = 0, cy = 0, sx = 0, sy = 0;
        for (int i = 0; i < t.length; ) {
            String op = t[i++];
            int args = switch (op) {
                case "S", "M", "L" -> 2;
                case "Q" -> 4;
                case "B" -> 6;
                case "A" -> 7;
                case "C" -> 0;
                default -> -1;
            };
            if (args < 0 || i + args > t.length) {
                return; // not abbreviated data this reader knows: what was found so far stays
            }
            double[] v = new double[args];
            for (int k = 0; k < args; k++) {
                v[k] = number(t[i + k], Double.NaN);
                if (Double.isNaN(v[k])) {
                    return;
                }
            }
            i += args;
            switch (op) {
                case "S", "M" -> {
                    cx = sx = v[0];
                    cy = sy = v[1];
                }
                case "L" -> {
                    segment(at, cx, cy, v[0], v[1], rulings);
                    cx = v[0];
                    cy = v[1];
                }
                case "C" -> {
                    segment(at, cx, cy, sx, sy, rulings);
                    cx = sx;
                    cy = sy;
                }
                default -> {
                    cx = v[args - 2];
                    cy = v[args - 1];
                }
            }
        }
    }

    private static void segment(Placement at, double ax, double ay, double bx, double by, List<Ruling> rulings) {
        double x0 = at.pageX(ax, ay), y0 = at.pageY(ax, ay), x1 = at.pageX(bx, by), y1 = at.pageY(bx, by);
        double dx = Math.abs(x1 - x0);
        double dy = Math.abs(y1 - y0);
        if (dy < 1.5 && dx > 4) {
            rulings.add(new Ruling(true, (y0 + y1) / 2, Math.min(x0, x1), Math.max(x0, x1)));
        } else if (dx < 1.5 && dy > 4) {
            rulings.add(new Ruling(false, (x0 + x1) / 2, Math.min(y0, y1), Math.max(y0, y1)));
        }
    }

    /** The running text: characters on one baseline make a line, joined as a PDF's cells are. */
    private static List<Line> lines(List<Box> glyphs) {
        List<Line> lines = new ArrayList<>();
        for (List<Box> line : BoxTables.lines(glyphs)) {
            String text = BoxTables.lineText(line, false);
            if (!text.isEmpty()) {
                lines.add(new Line(text, false));
            }
        }
        return lines;
    }

    /** Advances, with {@code g n d} for n times d. */
    private static List<Double> deltas(String value) {
        List<Double> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        String[] t = value.trim().split("\\s+");
        for (int i = 0; i < t.length && out.size() < MAX_CHARS; i++) {
            if (t[i].equals("g") && i + 2 < t.length) {
                int n = (int) Math.min(number(t[i + 1], 0), MAX_CHARS);
                double d = number(t[i + 2], 0);
                for (int k = 0; k < n && out.size() < MAX_CHARS; k++) {
                    out.add(d);
                }
                i += 2;
            } else if (!t[i].isEmpty()) {
                out.add(number(t[i], 0));
            }
        }
        return out;
    }

    private static double number(String value, double otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            double d = Double.parseDouble(value.trim());
            return Double.isFinite(d) ? d : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static double[] numbers(String value, int count) {
        if (value == null) {
            return null;
        }
        String[] t = value.trim().split("[\\s,]+");
        if (t.length < count) {
            return null;
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = number(t[i], Double.NaN);
            if (Double.isNaN(out[i])) {
                return null;
            }
        }
        return out;
    }

    /** The text of the next child element of this name, if it comes before the element ends. */
    private static String childText(XMLStreamReader r, String child) throws XMLStreamException {
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                if (r.getLocalName().equals(child)) {
                    String text = r.getElementText();
                    skipToEnd(r);
                    return text;
                }
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
        return null;
    }

    /** Skips to the end of the element the reader is inside. */
    private static void skipToEnd(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
    }

    private XMLStreamReader open(String part) throws IOException, XMLStreamException {
        ZipArchiveEntry entry = zip.getEntry(part);
        if (entry == null) {
            // some writers store names in another case than they refer to them
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
                if (e.getName().toLowerCase(Locale.ROOT).equals(part.toLowerCase(Locale.ROOT))) {
                    entry = e;
                    break;
                }
            }
        }
        if (entry == null) {
            throw new IOException("OFD part missing: " + part);
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes((int) MAX_PART_BYTES + 1);
        }
        bytesRead += bytes.length;
        if (bytes.length > MAX_PART_BYTES || bytesRead > MAX_TOTAL_BYTES) {
            throw new IOException("OFD part " + part + " exceeds the maximum of " + MAX_PART_BYTES + " bytes (or the package "
                    + MAX_TOTAL_BYTES + ")");
        }
        return XML.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    /** A location inside the package, relative to a folder unless it starts with /. */
    static String resolve(String folder, String location) {
        String path = location.replace('\\', '/');
        String joined = path.startsWith("/") ? path.substring(1) : folder + path;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : joined.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static String folderOf(String part) {
        int slash = part.lastIndexOf('/');
        return slash < 0 ? "" : part.substring(0, slash + 1);
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
