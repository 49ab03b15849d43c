package org.formbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds {@link DocumentContent} from Tika's XHTML events: {@code tr}/{@code td} become tables
 * (with {@code colspan} when the parser gives it), block elements become lines.
 */
final class TikaContentHandler extends DefaultHandler {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "title",
            "dt", "dd", "pre", "blockquote", "caption");
    private static final int MAX_CHARS = 4_000_000;

    private final List<Grid> grids = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<List<List<Cell>>> openTables = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private List<Cell> row;
    private int column;
    private StringBuilder cell;
    private int cellSpan;
    private int headingDepth;
    private int chars;

    DocumentContent content() {
        flushLine(false);
        return new DocumentContent(grids, lines);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = localName.isEmpty() ? qName : localName;
        switch (name) {
            case "table" -> {
                flushLine(false);
                openTables.add(new ArrayList<>());
            }
            case "tr" -> {
                row = new ArrayList<>();
                column = 0;
            }
            case "td", "th" -> {
                cell = new StringBuilder();
                cellSpan = span(atts.getValue("colspan"));
            }
            case "br" -> newline();
            default -> {
                if (name.matches("h[1-6]")) {
                    headingDepth++;
                }
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        switch (name) {
            case "td", "th" -> {
                if (cell != null && row != null) {
                    row.add(new Cell(cell.toString().strip(), column, column + cellSpan, false));
                    column += cellSpan;
                }
                cell = null;
            }
            case "tr" -> {
                if (row != null && !openTables.isEmpty()) {
                    openTables.get(openTables.size() - 1).add(row);
                }
                row = null;
            }
            case "table" -> {
                if (!openTables.isEmpty()) {
                    grids.add(new Grid(openTables.remove(openTables.size() - 1)));
                }
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    if (cell != null) {
                        cell.append('\n');
                    } else {
                        flushLine(headingDepth > 0);
                    }
                }
                if (name.matches("h[1-6]")) {
                    headingDepth = Math.max(0, headingDepth - 1);
                }
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        chars += length;
        if (chars > MAX_CHARS) {
            throw new SAXException(new TooMuchTextException());
        }
        (cell != null ? cell : line).append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    private void newline() {
        (cell != null ? cell : line).append('\n');
    }

    private void flushLine(boolean heading) {
        for (String l : Text.clean(line.toString()).split("\n")) {
            if (!l.isBlank()) {
                lines.add(new Line(l.strip(), heading));
            }
        }
        line.setLength(0);
    }

    private static int span(String colspan) {
        try {
            return colspan == null ? 1 : Math.max(1, Math.min(50, Integer.parseInt(colspan.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Thrown when a document yields more text than any form could hold. */
    static final class TooMuchTextException extends RuntimeException {
        TooMuchTextException() {
            super("document text over " + MAX_CHARS + " characters", null, false, false);
        }
    }
}
