package org.formbox.extraction;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The tables of a PDF with a text layer, rebuilt from where PDFBox (which Tika brings) places each
 * glyph and from the ruling lines the page draws.
 */
final class PdfPages {

    /** Pages beyond this are not searched for tables: the forms are one or two pages long. */
    static final int MAX_PAGES = 20;

    private PdfPages() {
    }

    /** At least this many glyphs shown, and this share of them without a character, and the text layer is unusable. */
    static final int MIN_GLYPHS = 20;
    static final double UNMAPPED_SHARE = 0.3;

    /**
     * The tables of a PDF's pages, and whether its text layer can be read at all.
     *
     * @param unmapped whether so many of its glyphs have no character (a font subset without a
     *                 ToUnicode map, as some PDF printers embed Chinese fonts) that the text is garbage
     *                 and the pages must be read like a scan
     */
    record Pages(List<Grid> grids, boolean unmapped) {
    }

    static Pages read(PDDocument pdf) throws IOException {
        List<Grid> grids = new ArrayList<>();
        int[] counts = new int[2]; // glyphs shown, glyphs without a character
        int pages = Math.min(pdf.getNumberOfPages(), MAX_PAGES);
        for (int i = 0; i < pages; i++) {
            PDPage page = pdf.getPage(i);
            List<Box> glyphs = glyphs(pdf, i + 1, counts);
            if (glyphs.isEmpty()) {
                continue;
            }
            Rulings rulings = new Rulings(page);
            rulings.processPage(page);
            grids.addAll(BoxTables.grids(glyphs, rulings.found, false));
        }
        return new Pages(grids, counts[0] >= MIN_GLYPHS && counts[1] >= counts[0] * UNMAPPED_SHARE);
    }

    private static List<Box> glyphs(PDDocument pdf, int page, int[] counts) throws IOException {
        List<Box> boxes = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void showGlyph(org.apache.pdfbox.util.Matrix matrix, org.apache.pdfbox.pdmodel.font.PDFont font, int code,
                                     org.apache.pdfbox.util.Vector displacement) throws IOException {
                counts[0]++;
                // no character for the glyph: PDFBox drops it (composite fonts) or passes the bare code on (simple fonts)
                if (font.toUnicode(code) == null) {
                    counts[1]++;
                }
                super.showGlyph(matrix, font, code, displacement);
            }

            @Override
            protected void processTextPosition(TextPosition t) {
                String u = t.getUnicode();
                if (u == null || u.isEmpty()) {
                    return;
                }
                float height = Math.max(t.getHeightDir(), t.getFontSizeInPt() * 0.7f);
                float top = t.getYDirAdj() - height;
                boxes.add(new Box(u, t.getXDirAdj(), top, t.getXDirAdj() + t.getWidthDirAdj(), t.getYDirAdj(), 1));
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return boxes;
    }

    /** Collects the straight lines and thin rectangles a page strokes or fills. */
    private static final class Rulings extends PDFGraphicsStreamEngine {

        final List<Ruling> found = new ArrayList<>();
        private final List<double[]> path = new ArrayList<>();
        private final float height;
        private Point2D.Float current = new Point2D.Float();
        private Point2D.Float start = new Point2D.Float();

        Rulings(PDPage page) {
            super(page);
            this.height = page.getCropBox().getHeight() + page.getCropBox().getLowerLeftY();
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            segment(p0, p1);
            segment(p1, p2);
            segment(p2, p3);
            segment(p3, p0);
        }

        private void segment(Point2D a, Point2D b) {
            path.add(new double[] {a.getX(), height - a.getY(), b.getX(), height - b.getY()});
        }

        @Override
        public void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
            start = current;
        }

        @Override
        public void lineTo(float x, float y) {
            Point2D.Float next = new Point2D.Float(x, y);
            segment(current, next);
            current = next;
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
            segment(current, start);
            current = start;
        }

        @Override
        public void endPath() {
            path.clear();
        }

        @Override
        public void strokePath() {
            keep();
        }

        @Override
        public void fillPath(int windingRule) {
            keep();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            keep();
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void clip(int windingRule) {
        }

        /**
         * Thin filled rectangles are lines too (LibreOffice and Word draw borders so): their long
         * sides come out as two close segments, which {@link BoxTables} merges.
         */
        private void keep() {
            for (double[] s : path) {
                double dx = Math.abs(s[2] - s[0]);
                double dy = Math.abs(s[3] - s[1]);
                if (dy < 1.5 && dx > 4) {
                    found.add(new Ruling(true, (s[1] + s[3]) / 2, Math.min(s[0], s[2]), Math.max(s[0], s[2])));
                } else if (dx < 1.5 && dy > 4) {
                    found.add(new Ruling(false, (s[0] + s[2]) / 2, Math.min(s[1], s[3]), Math.max(s[1], s[3])));
                }
            }
            path.clear();
        }
    }
}
