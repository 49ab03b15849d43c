package org.formbox.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * A text replaced inside a real office document, each format by its own rule, so that the copy stays
 * the same kind of file the original was and reads the same apart from the text:
 *
 * <ul>
 *   <li>Office Open XML (.docx, .xlsx): in every XML part of the package, any length;</li>
 *   <li>Word 97 (.doc): in the {@code WordDocument} stream, where the text is stored as UTF-16LE (or
 *       8-bit cp1252), by a replacement of the same number of characters, so that no offset of the
 *       piece table, paragraphs or cells moves;</li>
 *   <li>PDF with simple (one byte a glyph) embedded fonts: in the page content streams, the glyph codes
 *       of the text replaced by the codes the same font gives other characters it holds (a subset font
 *       holds only the characters the document shows), again character for character.</li>
 * </ul>
 *
 * Every rule fails loudly when the text is not found where it looks, rather than return the original.
 */
final class Renames {

    private Renames() {
    }

    /** A copy of an OOXML package (or any zip) with {@code from} replaced by {@code to} in its XML parts. */
    static byte[] inPackage(byte[] source, String from, String to) throws IOException {
        return rezip(source, null, (name, content) -> {
            if (!name.endsWith(".xml")) {
                return content;
            }
            return new String(content, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
        }, from);
    }

    /** What to do with one entry of a zip. */
    interface EntryChange {
        byte[] apply(String name, byte[] content) throws IOException;
    }

    /**
     * A copy of a zip whose entries are changed one by one; {@code names} is the charset of its entry
     * names (null: UTF-8). Fails when no entry changed.
     */
    static byte[] rezip(byte[] source, Charset names, EntryChange change, String what) throws IOException {
        Charset charset = names == null ? StandardCharsets.UTF_8 : names;
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length + 256);
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(source), charset);
             ZipOutputStream zip = new ZipOutputStream(out, charset)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                byte[] after = e.isDirectory() ? content : change.apply(e.getName(), content);
                changed |= after != content && !java.util.Arrays.equals(after, content);
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(after);
                zip.closeEntry();
            }
        }
        if (!changed) {
            throw new IllegalArgumentException("no entry holds " + what);
        }
        return out.toByteArray();
    }

    /**
     * A copy of a Word 97 file with {@code from} replaced by {@code to}, which must have as many
     * characters. The text is changed in the {@code WordDocument} stream only (as UTF-16LE, or as
     * cp1252 where the piece is stored 8-bit), so every offset of the file stays where it was.
     */
    static byte[] inWord97(byte[] source, String from, String to) throws IOException {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("a Word 97 text is replaced by one of the same length: " + from + " / " + to);
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(source))) {
            org.apache.poi.poifs.filesystem.DirectoryNode root = fs.getRoot();
            byte[] stream;
            try (DocumentInputStream in = root.createDocumentInputStream("WordDocument")) {
                stream = in.readAllBytes();
            }
            int n = replaceAll(stream, from.getBytes(StandardCharsets.UTF_16LE), to.getBytes(StandardCharsets.UTF_16LE));
            Charset cp1252 = Charset.forName("windows-1252");
            if (cp1252.newEncoder().canEncode(from) && cp1252.newEncoder().canEncode(to)) {
                n += replaceAll(stream, from.getBytes(cp1252), to.getBytes(cp1252));
            }
            if (n == 0) {
                throw new IllegalArgumentException("the WordDocument stream does not hold " + from);
            }
            DocumentEntry entry = (DocumentEntry) root.getEntry("WordDocument");
            if (entry.getSize() != stream.length) {
                throw new IllegalStateException("the WordDocument stream changed size");
            }
            root.createOrUpdateDocument("WordDocument", new ByteArrayInputStream(stream));
            ByteArrayOutputStream out = new ByteArrayOutputStream(source.length);
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static int replaceAll(byte[] in, byte[] from, byte[] to) {
        int n = 0;
        outer:
        for (int i = 0; i + from.length <= in.length; i++) {
            for (int j = 0; j < from.length; j++) {
                if (in[i + j] != from[j]) {
                    continue outer;
                }
            }
            System.arraycopy(to, 0, in, i, to.length);
            i += from.length - 1;
            n++;
        }
        return n;
    }

    /**
     * The CJK ideographs the PDF's font can show where {@code name} is shown (first occurrence), in
     * the order of their codes, leaving out the name's own characters: the characters a same-length
     * new name can be made of.
     */
    static String pdfAlphabet(byte[] pdf, String name) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                List<Glyph> glyphs = glyphs(page, new PDFStreamParser(page).parse());
                int at = text(glyphs).indexOf(name);
                if (at >= 0) {
                    StringBuilder alphabet = new StringBuilder();
                    for (String u : codes(glyphs.get(at).font).keySet()) {
                        char c = u.charAt(0);
                        if (u.length() == 1 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                                && name.indexOf(c) < 0) {
                            alphabet.append(c);
                        }
                    }
                    return alphabet.toString();
                }
            }
        }
        throw new IllegalArgumentException("no page shows " + name);
    }

    /**
     * A copy of a PDF with {@code from} replaced by {@code to} (as many characters) wherever a page's
     * content stream shows it in one simple font: the glyph codes of the changed characters become the
     * codes that font has for the new ones. Fails when a new character is not in the font.
     */
    static byte[] inPdf(byte[] source, String from, String to) throws IOException {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("a PDF text is replaced by one of the same length: " + from + " / " + to);
        }
        int replaced = 0;
        try (PDDocument doc = Loader.loadPDF(source)) {
            for (PDPage page : doc.getPages()) {
                List<Object> tokens = new PDFStreamParser(page).parse();
                List<Glyph> glyphs = glyphs(page, tokens);
                String text = text(glyphs);
                boolean changed = false;
                for (int at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + from.length())) {
                    PDFont font = glyphs.get(at).font;
                    Map<String, Integer> codes = codes(font);
                    for (int k = 0; k < from.length(); k++) {
                        Glyph g = glyphs.get(at + k);
                        if (g.font != font) {
                            throw new IllegalArgumentException(from + " is shown in more than one font");
                        }
                        if (from.charAt(k) != to.charAt(k)) {
                            Integer code = codes.get(String.valueOf(to.charAt(k)));
                            if (code == null) {
                                throw new IllegalArgumentException(font.getName() + " has no glyph for " + to.charAt(k));
                            }
                            byte[] bytes = g.string.getBytes();
                            bytes[g.index] = (byte) (int) code;
                            g.string.setValue(bytes);
                        }
                    }
                    changed = true;
                    replaced++;
                }
                if (changed) {
                    PDStream contents = new PDStream(doc);
                    try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
                        new ContentStreamWriter(out).writeTokens(tokens);
                    }
                    page.setContents(contents);
                }
            }
            if (replaced == 0) {
                throw new IllegalArgumentException("no page shows " + from + " in one simple font");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(source.length + 4096);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** One glyph shown: the string holding its code, the code's place in it, and the font. */
    private record Glyph(COSString string, int index, PDFont font, String unicode) {
    }

    private static String text(List<Glyph> glyphs) {
        StringBuilder s = new StringBuilder(glyphs.size());
        for (Glyph g : glyphs) {
            // one character a glyph, so that positions in the text are positions in the list
            s.append(g.unicode != null && g.unicode.length() == 1 ? g.unicode.charAt(0) : '\uFFFF');
        }
        return s.toString();
    }

    /** The glyphs a page's content stream shows, in order, for the simple fonts (others are skipped). */
    private static List<Glyph> glyphs(PDPage page, List<Object> tokens) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFont font = null;
        for (int i = 0; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof Operator op)) {
                continue;
            }
            switch (op.getName()) {
                case "Tf" -> font = tokens.get(i - 2) instanceof COSName name ? page.getResources().getFont(name) : null;
                case "Tj", "'", "\"" -> shown(tokens.get(i - 1), font, glyphs);
                case "TJ" -> {
                    if (tokens.get(i - 1) instanceof COSArray array) {
                        for (int k = 0; k < array.size(); k++) {
                            shown(array.getObject(k), font, glyphs);
                        }
                    }
                }
                default -> {
                }
            }
        }
        return glyphs;
    }

    private static void shown(Object operand, PDFont font, List<Glyph> glyphs) throws IOException {
        if (operand instanceof COSString string && font instanceof PDSimpleFont) {
            byte[] bytes = string.getBytes();
            for (int k = 0; k < bytes.length; k++) {
                glyphs.add(new Glyph(string, k, font, font.toUnicode(bytes[k] & 0xff)));
            }
        }
    }

    /** The characters a simple font shows, each with its code (the first code where two show one). */
    private static Map<String, Integer> codes(PDFont font) throws IOException {
        Map<Integer, String> byCode = new TreeMap<>();
        for (int code = 0; code < 256; code++) {
            String u = font.toUnicode(code);
            if (u != null && !u.isEmpty()) {
                byCode.put(code, u);
            }
        }
        Map<String, Integer> codes = new LinkedHashMap<>();
        byCode.forEach((code, u) -> codes.putIfAbsent(u, code));
        return codes;
    }
}
