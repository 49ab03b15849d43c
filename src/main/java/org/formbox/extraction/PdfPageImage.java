package org.formbox.extraction;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/**
 * The picture a scanner or a fax server put on a PDF page, taken out as it was stored, with its
 * resolution (its pixels against the size it is drawn at). Rendering the page instead resamples it
 * once more, and a black-and-white fax comes out grey at its edges and no longer looks like one.
 * Only a page that is one upright picture covering most of it counts; any other page is rendered.
 */
final class PdfPageImage {

    /** The picture must cover this share of the page. */
    private static final double MIN_COVER = 0.6;
    /** Pictures larger than this (an A4 page at 300 dpi) are not decoded whole. */
    private static final long MAX_PIXELS = 9_000_000;

    /**
     * @param image the stored picture
     * @param dpi   its pixels per inch as drawn on the page
     */
    record Scan(BufferedImage image, double dpi) {
    }

    private PdfPageImage() {
    }

    /** The page's one picture, or null when the page is not a single upright picture. */
    static Scan of(PDPage page) throws IOException {
        if (page.getRotation() % 360 != 0) {
            return null;
        }
        Finder finder = new Finder(page);
        finder.processPage(page);
        if (finder.images != 1 || finder.found == null) {
            return null;
        }
        PDRectangle box = page.getCropBox();
        Matrix m = finder.matrix;
        double drawnW = m.getScaleX();
        double drawnH = m.getScaleY();
        // upright and the right way round: no turn, no mirror
        if (Math.abs(m.getShearX()) > 1e-3 * drawnW || Math.abs(m.getShearY()) > 1e-3 * drawnH || drawnW <= 0 || drawnH <= 0) {
            return null;
        }
        if (drawnW * drawnH < MIN_COVER * box.getWidth() * box.getHeight()) {
            return null;
        }
        if ((long) finder.found.getWidth() * finder.found.getHeight() > MAX_PIXELS) {
            return null; // a 600 dpi scan: rendered at the reading resolution instead of decoded whole
        }
        BufferedImage image = finder.found.getImage();
        if (image == null || image.getWidth() < 200 || image.getHeight() < 200) {
            return null;
        }
        double dpiX = image.getWidth() / (drawnW / 72);
        double dpiY = image.getHeight() / (drawnH / 72);
        if (Math.abs(dpiX - dpiY) > 0.05 * dpiX) {
            return null; // stretched (a fax in standard mode): rendering draws it in proportion
        }
        return new Scan(image, (dpiX + dpiY) / 2);
    }

    /** Counts the pictures a page draws and keeps the transformation of the last one. */
    private static final class Finder extends PDFGraphicsStreamEngine {
        int images;
        PDImage found;
        Matrix matrix;

        Finder(PDPage page) {
            super(page);
        }

        @Override
        public void drawImage(PDImage pdImage) {
            images++;
            found = pdImage;
            matrix = getGraphicsState().getCurrentTransformationMatrix().clone();
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
        }

        @Override
        public void fillPath(int windingRule) {
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
