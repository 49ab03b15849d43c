package org.formbox.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.txt.TXTParser;
import org.xml.sax.SAXException;

/**
 * Opens a document of a known format: Word and Excel with POI (their tables keep their cells),
 * everything else with the one Tika parser for its format. Parsers are built once and shared;
 * Tika parsers are thread-safe.
 */
final class ContentReader {

    private final Parser pdf = new LoadedPdfParser();
    private final Parser rtf = new RTFParser();
    private final Parser odf = new OpenDocumentParser();
    private final Parser html = new JSoupParser();
    private final Parser text = new TXTParser();

    DocumentContent read(Format format, byte[] content) throws IOException, TikaException, SAXException {
        return read(format, content, ScanContent.Time.from(System.nanoTime()));
    }

    /** @param time when the OCR of a scan or photo should and must be done */
    DocumentContent read(Format format, byte[] content, ScanContent.Time time) throws IOException, TikaException, SAXException {
        return switch (format) {
            case DOCX -> {
                try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
                    yield WordXmlContent.read(doc);
                }
            }
            case DOC -> {
                try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(content))) {
                    yield Word97Content.read(doc);
                }
            }
            case XLSX, XLS -> {
                try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
                    yield SpreadsheetContent.read(workbook);
                }
            }
            case PDF -> pdf(content);
            case IMAGE -> scan(() -> ScanContent.image(content, time));
            case RTF -> tika(rtf, content);
            case ODF -> tika(odf, content);
            case HTML -> tika(html, content);
            case MHT -> tika(html, WebArchive.page(content));
            case OFD -> OfdContent.read(content);
            case TEXT -> tika(text, content);
        };
    }

    /** A PDF without a text layer, read by OCR. */
    DocumentContent scannedPdf(byte[] content, ScanContent.Time time) throws IOException {
        try (PDDocument doc = Loader.loadPDF(content)) {
            return scan(() -> ScanContent.pdf(doc, time));
        }
    }

    private interface Ocr {
        DocumentContent run() throws IOException, InterruptedException;
    }

    private static DocumentContent scan(Ocr ocr) throws IOException {
        try {
            return ocr.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("OCR abandoned");
        }
    }

    /**
     * A PDF's running text from Tika, and its tables rebuilt from glyph positions and ruling lines:
     * both from one loaded document, so that its fonts are parsed once (PDFBox keeps them per document;
     * an embedded font parsed for each of the two readings took an eighth of all reading).
     */
    private DocumentContent pdf(byte[] content) throws IOException, TikaException, SAXException {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(content);
        } catch (IOException unreadable) {
            return tika(pdf, content, null); // Tika says what is wrong with it (encrypted, broken), as it always did
        }
        try (doc) {
            PdfPages.Pages pages = PdfPages.read(doc);
            DocumentContent text = tika(pdf, content, doc);
            List<Grid> all = new ArrayList<>(pages.grids());
            all.addAll(text.grids());
            return new DocumentContent(all, text.lines(), pages.unmapped());
        }
    }

    /** Tika's PDF parser, on the document loaded already when the context holds one. */
    private static final class LoadedPdfParser extends PDFParser {

        @Override
        protected PDDocument getPDDocument(java.io.InputStream stream, TikaInputStream tis, String password,
                                           org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction cache,
                                           Metadata metadata, ParseContext context) throws IOException,
                org.apache.tika.exception.EncryptedDocumentException {
            PDDocument loaded = context.get(PDDocument.class);
            return loaded != null ? loaded : super.getPDDocument(stream, tis, password, cache, metadata, context);
        }
    }

    private static DocumentContent tika(Parser parser, byte[] content) throws IOException, TikaException, SAXException {
        return tika(parser, content, null);
    }

    /** @param loaded the PDF loaded already, for Tika's PDF parser to read (it closes it), or null */
    private static DocumentContent tika(Parser parser, byte[] content, PDDocument loaded)
            throws IOException, TikaException, SAXException {
        TikaContentHandler handler = new TikaContentHandler();
        ParseContext context = new ParseContext();
        if (loaded != null) {
            context.set(PDDocument.class, loaded);
        }
        // the parser of the documents embedded in this one: without it, Tika builds a new default
        // configuration for every PDF (every parser and detector looked up through the class path)
        context.set(Parser.class, Embedded.PARSER);
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, handler, new Metadata(), context);
        }
        return handler.content();
    }

    /** Tika's parser for embedded documents, built once (it is thread-safe), when first needed. */
    private static final class Embedded {
        static final Parser PARSER = new org.apache.tika.parser.AutoDetectParser();
    }
}
