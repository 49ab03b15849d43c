package org.formbox.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * The size gate in front of the .xlsx reader: before the workbook is loaded into memory (POI's
 * DOM costs about a kilobyte a cell), each sheet is streamed once with {@link XSSFReader} and
 * StAX, counting its rows and cells, and stops at the first one beyond the limits: the file is
 * then {@code TOO_LARGE}. The counts, not the sheet's {@code <dimension>}, decide, since one cell
 * typed far down makes a large dimension without costing anything. A sparse sheet of a million rows is refused
 * in about a second, in constant memory; the forms have a few hundred cells.
 */
final class SpreadsheetSize {

    /** More rows than this in one sheet: too large. */
    static final int MAX_ROWS = 10_000;
    /** More cells than this in the whole workbook: too large. */
    static final int MAX_CELLS = 100_000;

    private static final XMLInputFactory XML = xmlFactory();

    private SpreadsheetSize() {
    }

    /**
     * Whether an .xlsx file is small enough to open.
     *
     * @throws IOException when the package cannot be read at all (the reader then reports it corrupt)
     */
    static boolean fits(byte[] xlsx) throws IOException {
        // a file, not a stream: OPCPackage then reads each part from the zip on demand instead of
        // inflating every part into memory first
        Path file = Files.createTempFile("formbox-sheet-", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                Iterator<InputStream> sheets = new XSSFReader(pkg).getSheetsData();
                long cells = 0;
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        long counted = cells(sheet, MAX_CELLS - cells);
                        if (counted < 0) {
                            return false;
                        }
                        cells += counted;
                    }
                }
                return true;
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("unreadable workbook: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The cells of one sheet, or -1 as soon as the sheet is over a limit. */
    private static long cells(InputStream sheet, long cellsLeft) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(sheet);
        try {
            long rows = 0;
            long cells = 0;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "row" -> {
                        if (++rows > MAX_ROWS) {
                            return -1;
                        }
                    }
                    case "c" -> {
                        if (++cells > cellsLeft) {
                            return -1;
                        }
                    }
                    default -> {
                    }
                }
            }
            return cells;
        } finally {
            xml.close();
        }
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // no DTDs, no external entities: a sheet is plain XML
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
