package org.formbox.extraction;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.formbox.forms.Annex;
import org.formbox.forms.Unreadable;

/**
 * Reads one attachment: detects its format from its content, reads it (POI for Word and Excel
 * tables, Tika for PDF, ODT, RTF, HTML and text), classifies it as Annex 1, Annex 2 or other, and
 * normalises the values. It never throws: what cannot be read comes back as
 * {@link Annex#UNREADABLE} with the reason. Every parse runs on a worker thread with a deadline.
 *
 * <p>Thread-safe; build one and share it. Constructing the first instance sets POI's
 * process-wide zip-bomb and allocation limits.
 */
public final class DocumentReader {

    /** Default size limit: 20 MB, as the reply to senders promises. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    /** Default deadline of one parse. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    /** Deadline of a parse that runs OCR (scans and photos, up to {@link ScanContent#MAX_PAGES} pages). */
    public static final Duration OCR_TIMEOUT = Duration.ofSeconds(90);

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(daemonThreads());

    static {
        // POI's limits are static: bound what a small file may inflate to
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
        IOUtils.setByteArrayMaxOverride(200 * 1024 * 1024);
        // one SAX reader per thread for POI's XML parts, not one (and a class search) per part
        PerThreadXmlReader.install();
    }

    private final long maxBytes;
    private final Duration timeout;
    private final FormatSniffer sniffer = new FormatSniffer();
    private final ContentReader contents = new ContentReader();
    private final FormClassifier classifier = new FormClassifier();

    /** A reader with the default limits (20 MB, 20 s). */
    public DocumentReader() {
        this(DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT);
    }

    /**
     * @param maxBytes larger attachments are not opened ({@link Unreadable#TOO_LARGE})
     * @param timeout  a parse still running after this is abandoned ({@link Unreadable#TIMEOUT})
     */
    public DocumentReader(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /**
     * Reads an attachment.
     *
     * @param filename the attachment's name; only for diagnostics, the format is read from the content
     * @param content  the attachment's bytes
     */
    public ReadDocument read(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            return ReadDocument.unreadable(Unreadable.CORRUPT);
        }
        if (content.length > maxBytes) {
            return ReadDocument.unreadable(Unreadable.TOO_LARGE);
        }
        AtomicBoolean ocr = new AtomicBoolean();
        ScanContent.Time time = ScanContent.Time.from(System.nanoTime());
        Future<ReadDocument> work = WORKERS.submit(() -> readNow(content, ocr, time));
        try {
            try {
                return work.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!ocr.get()) {
                    throw e;
                }
                return work.get(Math.max(0, OCR_TIMEOUT.toMillis() - timeout.toMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            work.cancel(true);
            return ReadDocument.unreadable(Unreadable.TIMEOUT);
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            return ReadDocument.unreadable(Unreadable.TIMEOUT);
        } catch (ExecutionException e) {
            return ReadDocument.unreadable(ReadFailures.reason(e.getCause()));
        }
    }

    /** @param ocr set once the parse turns to OCR, which is given longer */
    private ReadDocument readNow(byte[] content, AtomicBoolean ocr, ScanContent.Time time) {
        FormatSniffer.Sniffed sniffed = sniffer.sniff(content);
        if (sniffed.problem() != null) {
            return ReadDocument.unreadable(sniffed.problem());
        }
        DocumentContent document;
        ocr.set(sniffed.format() == Format.IMAGE);
        try {
            if (sniffed.format() == Format.XLSX && !SpreadsheetSize.fits(content)) {
                return ReadDocument.unreadable(Unreadable.TOO_LARGE);
            }
            document = contents.read(sniffed.format(), content, time);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return ReadDocument.unreadable(ReadFailures.reason(e));
        }
        if (sniffed.format() == Format.OFD && document.blank()) {
            // a scanner's OFD (a picture a page) is read by OCR; one whose characters were drawn as
            // outlines (no text objects, no picture) is a picture of the form no OCR here can take
            ReadDocument pictured = fromPictures(Format.OFD, content, document, classifier.classify(document), ocr, time);
            return pictured != null ? pictured : ReadDocument.unreadable(Unreadable.SCANNED);
        }
        boolean scan = sniffed.format() == Format.IMAGE;
        if (sniffed.format() == Format.PDF && ReadFailures.noTextLayer(document)) {
            scan = true;
            ocr.set(true);
            try {
                document = contents.scannedPdf(content, time);
            } catch (Exception | OutOfMemoryError e) {
                return ReadDocument.unreadable(ReadFailures.reason(e));
            }
        }
        ReadDocument read = classifier.classify(document);
        if (!scan && read.fields().size() < FEW_FIELDS && EmbeddedPictures.carried(sniffed.format())) {
            ReadDocument pictured = fromPictures(sniffed.format(), content, document, read, ocr, time);
            if (pictured != null) {
                return pictured;
            }
        }
        // a Word file laid out in positioned text boxes (a PDF converted to Word) that gave no form: the
        // form is in the boxes, so the sender is asked for the original rather than told it is no form
        if (document.boxLayout() && read.annex() == Annex.OTHER) {
            return ReadDocument.unreadable(Unreadable.BOX_LAYOUT);
        }
        // a scan or photo that OCR could not make into a form: ask for the Word file, never "format unknown"
        return scan && read.annex() == Annex.OTHER ? ReadDocument.unreadable(Unreadable.SCANNED) : read;
    }

    /** A Word or Excel file with fewer values than this is looked at for a scan of the form pasted into it. */
    static final int FEW_FIELDS = 3;

    /**
     * The form as a picture in a document: the stamped form scanned or photographed and pasted into
     * Word. Its pictures of page size are read by OCR together with the document's own text; that
     * reading counts when it finds more values. Null when there is no such picture or it finds no
     * more (a letter with a photo in it stays a letter); a document with no text of its own whose
     * picture the OCR cannot make into a form is a scan.
     */
    private ReadDocument fromPictures(Format format, byte[] content, DocumentContent text, ReadDocument read,
                                      AtomicBoolean ocr, ScanContent.Time time) {
        java.util.List<byte[]> pictures = EmbeddedPictures.of(format, content);
        if (pictures.isEmpty()) {
            return null;
        }
        ocr.set(true);
        try {
            DocumentContent scanned = ScanContent.pictures(pictures, time);
            java.util.List<Grid> grids = new java.util.ArrayList<>(text.grids());
            grids.addAll(scanned.grids());
            java.util.List<Line> lines = new java.util.ArrayList<>(text.lines());
            lines.addAll(scanned.lines());
            ReadDocument both = classifier.classify(new DocumentContent(grids, lines));
            if (both.fields().size() > read.fields().size() && both.annex() != Annex.OTHER) {
                return both;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadDocument.unreadable(Unreadable.TIMEOUT);
        } catch (Exception | OutOfMemoryError e) {
            // the OCR is missing or failed on the picture: what the text gave stands, unless it is no form
        }
        return text.blank() ? ReadDocument.unreadable(Unreadable.SCANNED) : null;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "formbox-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
