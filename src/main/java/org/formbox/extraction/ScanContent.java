package org.formbox.extraction;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads scans and photos (JPEG, PNG, TIFF, BMP, and PDFs of page images) with OCR: each page is
 * cleaned and straightened (a PDF's page picture taken as stored, at its own resolution), its
 * ruling lines found, its words recognised, and tables rebuilt from the word boxes like those of a
 * PDF. A grey page read unsurely is read a second time with the other binarisation while the
 * document's budget allows, each cell from the surer reading; then the unsure cells of its ruled
 * tables are read again one by one ({@link CellRereading}). Every cell and line carries the OCR
 * confidence of its words.
 */
final class ScanContent {

    /** Pages of a scanned PDF that are read: the forms are one or two pages long. */
    static final int MAX_PAGES = 3;
    private static final float DPI = 200;

    /** Thrown when OCR cannot run here (the program or its Chinese data is missing). */
    static final class OcrUnavailable extends IOException {
        OcrUnavailable() {
            super("tesseract with chi_sim is not installed");
        }
    }

    private ScanContent() {
    }

    /**
     * When the OCR of one document should be done by ({@code budget}: no second reading is started
     * that would end after it) and must be ({@code deadline}: readings still waiting or running are
     * abandoned), as System.nanoTime values.
     */
    record Time(long budget, long deadline) {
        /** The budget and deadline of a document whose reading started at this System.nanoTime. */
        static Time from(long started) {
            return new Time(started + BUDGET.toNanos(), started + DocumentReader.OCR_TIMEOUT.toNanos());
        }
    }

    /** What the OCR of one document should take at most: the 30 s, on two cores. */
    static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(30);
    /** A grey page with more than this share of unsure characters is read a second time. */
    static final double UNSURE_SHARE = 0.12;
    /** Whether unsure table cells are read again one by one ({@link CellRereading}). */
    static final boolean REREAD_CELLS = !Boolean.getBoolean("formbox.ocr.noCellRereading");

    static DocumentContent image(byte[] content, Time time) throws IOException, InterruptedException {
        return pages(List.of(new PdfPageImage.Scan(decode(content), Double.NaN)), time);
    }

    /**
     * Whether a page lies on its side: wider than tall, where the call's forms are upright A4 (a photo
     * taken with the phone turned, a page fed sideways). Such a page is turned as tesseract's
     * orientation detection says before it is read; an upright page is not asked about first, which
     * keeps a second run off every scan.
     */
    private static boolean lying(PdfPageImage.Scan scan) {
        return scan.image().getWidth() > 1.15 * scan.image().getHeight();
    }

    /** The page turned clockwise by 0, 90, 180 or 270 degrees. */
    private static PdfPageImage.Scan turned(PdfPageImage.Scan scan, int degrees) {
        int orientation = switch (degrees) {
            case 90 -> 6;
            case 180 -> 3;
            case 270 -> 8;
            default -> 1;
        };
        return orientation == 1 ? scan : new PdfPageImage.Scan(upright(scan.image(), orientation), scan.dpi());
    }

    /** A picture with more pixels than this is decoded at every n-th pixel: a page needs ~9 MP at 280 dpi. */
    static final long DECODE_PIXELS = 16_000_000L;
    /** A picture with more pixels than this is not decoded at all: no camera or scanner makes one. */
    static final long MAX_PIXELS = 400_000_000L;

    /**
     * Decodes a picture within bounds its header decides before any pixel is read: a small file can
     * declare a huge picture (a PNG of zeros inflates to gigabytes), and a 50 MP phone photo is more
     * than the OCR needs. Larger pictures are subsampled while they are decoded, never held whole.
     */
    static BufferedImage decode(byte[] content) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not a readable image");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IOException("picture of " + pixels + " pixels exceeds the maximum of " + MAX_PIXELS);
                }
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                if (pixels > DECODE_PIXELS) {
                    int step = (int) Math.ceil(Math.sqrt((double) pixels / DECODE_PIXELS));
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new IOException("not a readable image");
                }
                return upright(image, orientation(content));
            } finally {
                reader.dispose();
            }
        }
    }

    /** Pictures taken out of a document (a form scanned and pasted into Word), each read as a page. */
    static DocumentContent pictures(List<byte[]> pictures, Time time) throws IOException, InterruptedException {
        if (!Tesseract.available()) {
            throw new OcrUnavailable();
        }
        List<PdfPageImage.Scan> pages = new ArrayList<>();
        for (byte[] picture : pictures.subList(0, Math.min(MAX_PAGES, pictures.size()))) {
            try {
                pages.add(new PdfPageImage.Scan(decode(picture), Double.NaN));
            } catch (IOException | RuntimeException unreadable) {
                // a picture ImageIO cannot decode (EMF, WMF …) or too large: the others are read
            }
        }
        if (pages.isEmpty()) {
            throw new IOException("no readable picture");
        }
        return pages(pages, time);
    }

    /**
     * The EXIF orientation of a photo (1–8; 1 when it has none or it cannot be read): phones store a
     * portrait shot as the sensor's landscape pixels and say so here, and ImageIO ignores it.
     */
    static int orientation(byte[] content) {
        try {
            com.drew.metadata.Metadata metadata = com.drew.imaging.ImageMetadataReader.readMetadata(
                    new ByteArrayInputStream(content), content.length);
            com.drew.metadata.exif.ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(com.drew.metadata.exif.ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(com.drew.metadata.exif.ExifIFD0Directory.TAG_ORIENTATION)) {
                int o = ifd0.getInt(com.drew.metadata.exif.ExifIFD0Directory.TAG_ORIENTATION);
                return o >= 1 && o <= 8 ? o : 1;
            }
        } catch (Exception | StackOverflowError e) {
            // no metadata it can read: as stored
        }
        return 1;
    }

    /** The picture turned (and mirrored) the way its EXIF orientation says it is shown. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(-Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(-Math.PI / 2); }
        }
        int type = image.getType() == BufferedImage.TYPE_CUSTOM || image.getType() == BufferedImage.TYPE_BYTE_BINARY
                || image.getType() == BufferedImage.TYPE_BYTE_INDEXED ? BufferedImage.TYPE_INT_RGB : image.getType();
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, type);
        java.awt.Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    static DocumentContent pdf(PDDocument pdf, Time time) throws IOException, InterruptedException {
        if (!Tesseract.available()) {
            throw new OcrUnavailable();
        }
        PDFRenderer renderer = new PDFRenderer(pdf);
        List<PdfPageImage.Scan> pages = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_PAGES, pdf.getNumberOfPages()); i++) {
            // the scanner's own picture where the page is one, else the page drawn
            PdfPageImage.Scan scan = PdfPageImage.of(pdf.getPage(i));
            pages.add(scan != null ? scan : new PdfPageImage.Scan(renderer.renderImageWithDPI(i, DPI, ImageType.RGB), DPI));
        }
        return pages(pages, time);
    }

    private static DocumentContent pages(List<PdfPageImage.Scan> images, Time time) throws IOException, InterruptedException {
        if (!Tesseract.available()) {
            throw new OcrUnavailable();
        }
        List<Grid> grids = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (PdfPageImage.Scan image : images) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            // a page lying on its side is turned before it is read; any other page only when its
            // reading finds little (it may be upside down, fed so into the scanner or the fax)
            boolean asked = lying(image);
            PageReading reading = readPage(asked ? turned(image, Tesseract.uprightTurn(image.image(), time.deadline())) : image, time);
            if (!asked && littleRead(reading.words())) {
                int turn = Tesseract.uprightTurn(image.image(), time.deadline());
                if (turn != 0) {
                    PageReading other = readPage(turned(image, turn), time);
                    if (sureCjk(other.words()) > sureCjk(reading.words())) {
                        reading = other;
                    }
                }
            }
            List<Grid> best = reading.grids();
            List<Box> bestWords = reading.words();
            grids.addAll(best);
            for (List<Box> line : BoxTables.lines(bestWords)) {
                StringBuilder sb = new StringBuilder();
                double conf = 0;
                for (Box b : line) {
                    if (!sb.isEmpty() && !(Text.cjk(sb.charAt(sb.length() - 1)) && Text.cjk(b.text().charAt(0)))) {
                        sb.append(' ');
                    }
                    sb.append(b.text());
                    conf += b.confidence();
                }
                lines.add(new Line(OcrText.brackets(sb.toString()), false, Origin.ocr(conf / line.size())));
            }
        }
        return new DocumentContent(grids, lines);
    }

    /** What one page gives: its tables and its words. */
    private record PageReading(List<Grid> grids, List<Box> words) {
    }

    private static PageReading readPage(PdfPageImage.Scan image, Time time) throws IOException, InterruptedException {
        boolean bilevel = BilevelPage.bilevel(image.image());
        PageImage.Prepared prepared = PageImage.prepared(image.image(), image.dpi());
        BufferedImage page = prepared.page();
        List<Ruling> rulings = prepared.rulings();
        List<Grid> best;
        List<Box> bestWords;
        BufferedImage clean = PageImage.withoutRulings(page, rulings);
        try (Tesseract.Page ocr = new Tesseract.Page(clean)) {
            long started = System.nanoTime();
            bestWords = ocr.read(Tesseract.Binarisation.GLOBAL, time.deadline());
            best = BoxTables.grids(bestWords, rulings, true);
            long took = System.nanoTime() - started;
            if (secondReading(bilevel, bestWords, took, time)) {
                List<Box> words = ocr.read(Tesseract.Binarisation.LOCAL, time.deadline());
                best = better(best, BoxTables.grids(words, rulings, true));
                bestWords = score(words) > score(bestWords) ? words : bestWords;
            }
        }
        if (REREAD_CELLS) {
            best = CellRereading.reread(clean, best, rulings, time);
        }
        return new PageReading(best, bestWords);
    }

    /**
     * Fewer sure Chinese characters than this on a page: an upright page of the forms gives 155–414 (a
     * 150 dpi fax, a photo, a scan), the same scan upside down 57 (misreadings tesseract is sure of).
     */
    static final int LITTLE_READ = 100;

    private static boolean littleRead(List<Box> words) {
        return sureCjk(words) < LITTLE_READ;
    }

    /** The Chinese characters of the words tesseract was sure of (confidence 0.6 or more). */
    private static int sureCjk(List<Box> words) {
        int n = 0;
        for (Box b : words) {
            if (b.confidence() >= 0.6) {
                for (int i = 0; i < b.text().length(); i++) {
                    n += Text.cjk(b.text().charAt(i)) ? 1 : 0;
                }
            }
        }
        return n;
    }

    /**
     * Whether a page is read a second time, with the local binarisation: only a grey page whose
     * first reading left many characters unsure, and only when the second still fits in the
     * document's budget. A black-and-white page is not: on six tuning faxes a second reading gained
     * 2 fields of 270 for twice the time.
     */
    static boolean secondReading(boolean bilevel, List<Box> first, long firstNanos, Time time) {
        return !bilevel && unsureShare(first) > UNSURE_SHARE && System.nanoTime() + firstNanos < time.budget();
    }

    /** The share of characters in words tesseract was less sure of than staff are asked to check. */
    static double unsureShare(List<Box> words) {
        double all = 0;
        double unsure = 0;
        for (Box w : words) {
            all += w.text().length();
            if (w.confidence() < org.formbox.forms.FieldValue.REVIEW_BELOW) {
                unsure += w.text().length();
            }
        }
        return all == 0 ? 1 : unsure / all;
    }

    /**
     * Two readings of one page's tables combined: the ruling lines are the same for both, so the
     * grids line up cell by cell, and each cell keeps the reading tesseract was surer of (a cell
     * one reading left empty takes the other's text). Grids that do not line up (tables rebuilt
     * from word gaps alone) are taken whole from the surer reading.
     */
    static List<Grid> better(List<Grid> a, List<Grid> b) {
        if (!sameShape(a, b)) {
            return gridScore(b) > gridScore(a) ? b : a;
        }
        List<Grid> out = new ArrayList<>();
        for (int g = 0; g < a.size(); g++) {
            List<List<Cell>> rows = new ArrayList<>();
            for (int r = 0; r < a.get(g).rows().size(); r++) {
                List<Cell> ra = a.get(g).rows().get(r);
                List<Cell> rb = b.get(g).rows().get(r);
                List<Cell> row = new ArrayList<>();
                for (int c = 0; c < ra.size(); c++) {
                    row.add(cellScore(rb.get(c)) > cellScore(ra.get(c)) ? rb.get(c) : ra.get(c));
                }
                rows.add(row);
            }
            out.add(new Grid(rows, a.get(g).sparse()));
        }
        return out;
    }

    private static boolean sameShape(List<Grid> a, List<Grid> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int g = 0; g < a.size(); g++) {
            List<List<Cell>> ra = a.get(g).rows();
            List<List<Cell>> rb = b.get(g).rows();
            if (ra.size() != rb.size()) {
                return false;
            }
            for (int r = 0; r < ra.size(); r++) {
                if (ra.get(r).size() != rb.get(r).size()) {
                    return false;
                }
                for (int c = 0; c < ra.get(r).size(); c++) {
                    if (ra.get(r).get(c).start() != rb.get(r).get(c).start() || ra.get(r).get(c).end() != rb.get(r).get(c).end()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static double cellScore(Cell c) {
        return c.text().isBlank() ? 0 : c.origin().confidence() == null ? 1 : c.origin().confidence();
    }

    private static double gridScore(List<Grid> grids) {
        return grids.stream().flatMap(g -> g.rows().stream()).flatMap(List::stream)
                .mapToDouble(c -> cellScore(c) * c.text().length()).sum();
    }

    private static double score(List<Box> words) {
        return words.stream().mapToDouble(w -> w.confidence() * w.text().length()).sum();
    }
}
