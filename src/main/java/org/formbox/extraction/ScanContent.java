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
 * straightened, its ruling lines found, its words recognised, and tables rebuilt from the word
 * boxes like those of a PDF. Every cell and line carries the OCR confidence of its words.
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

    static DocumentContent image(byte[] content) throws IOException, InterruptedException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
        if (image == null) {
            throw new IOException("not a readable image");
        }
        return pages(List.of(image));
    }

    static DocumentContent pdf(PDDocument pdf) throws IOException, InterruptedException {
        if (!Tesseract.available()) {
            throw new OcrUnavailable();
        }
        PDFRenderer renderer = new PDFRenderer(pdf);
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_PAGES, pdf.getNumberOfPages()); i++) {
            pages.add(renderer.renderImageWithDPI(i, DPI, ImageType.GRAY));
        }
        return pages(pages);
    }

    private static DocumentContent pages(List<BufferedImage> images) throws IOException, InterruptedException {
        if (!Tesseract.available()) {
            throw new OcrUnavailable();
        }
        List<Grid> grids = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (BufferedImage image : images) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            BufferedImage page = PageImage.prepare(image);
            List<Ruling> rulings = PageImage.rulings(page);
            List<Box> words = Tesseract.words(PageImage.withoutRulings(page, rulings));
            grids.addAll(BoxTables.grids(words, rulings, true));
            for (List<Box> line : BoxTables.lines(words)) {
                StringBuilder sb = new StringBuilder();
                double conf = 0;
                for (Box b : line) {
                    if (!sb.isEmpty() && !(Text.cjk(sb.charAt(sb.length() - 1)) && Text.cjk(b.text().charAt(0)))) {
                        sb.append(' ');
                    }
                    sb.append(b.text());
                    conf += b.confidence();
                }
                lines.add(new Line(sb.toString(), false, Origin.ocr(conf / line.size())));
            }
        }
        return new DocumentContent(grids, lines);
    }
}
