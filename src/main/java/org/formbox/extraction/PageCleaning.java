package org.formbox.extraction;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * What a scanner or a phone adds to a page besides the form, taken off before OCR: a red company
 * stamp (dropped by its colour: the black text under it stays) and light falling off across a photo
 * (each pixel divided by the paper's brightness around it). The specks of a black-and-white page
 * are taken off by {@link BilevelPage}.
 */
final class PageCleaning {

    /** Side of the squares in which the paper's brightness is measured: larger than a stroke, smaller than a shadow. */
    private static final int BLOCK = 48;

    private PageCleaning() {
    }

    /**
     * The page with red and magenta ink (stamps, seals, red pen ticks on paper) turned to paper.
     * Where the stamp was laid over the print rather than soaked into it (a translucent seal, or
     * one put on the scan afterwards) the text and borders under it show through as a darker red:
     * those pixels become ink again, as dark as they are darker than the stamp on bare paper. A
     * grey page is returned as it is.
     */
    static BufferedImage withoutStamps(BufferedImage source) {
        if (source.getColorModel().getNumColorComponents() < 3) {
            return source;
        }
        int w = source.getWidth();
        int h = source.getHeight();
        int[] reds = new int[256];
        int[] row = new int[w];
        for (int y = 0; y < h; y += 2) {
            source.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x += 2) {
                int p = row[x];
                if (stamp(p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff)) {
                    reds[p >> 16 & 0xff]++;
                }
            }
        }
        // the stamp on bare paper: the red most stamp pixels have
        int paperRed = 0;
        for (int v = 0; v < 256; v++) {
            if (reds[v] > reds[paperRed]) {
                paperRed = v;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            source.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int r = p >> 16 & 0xff;
                if (stamp(r, p >> 8 & 0xff, p & 0xff)) {
                    int darker = paperRed - r;
                    int grey = darker <= SHOW_THROUGH ? 255 : Math.max(0, 255 - (darker - SHOW_THROUGH) * 255 / SHOW_THROUGH);
                    row[x] = grey << 16 | grey << 8 | grey;
                }
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    /** How much darker than the stamp on paper a stamp pixel starts to be print under it (of 255). */
    private static final int SHOW_THROUGH = 30;

    /** Stamp ink: red clearly above both other channels; dark text under a soaked-in stamp keeps a low red. */
    private static boolean stamp(int r, int g, int b) {
        return r > 100 && r - g > 45 && r - b > 30;
    }

    /**
     * The grey page with its illumination made even: the paper's brightness is estimated per block
     * (its brightest pixels), smoothed over the neighbours, and every pixel is scaled so that paper
     * becomes white everywhere while ink keeps its contrast to it.
     */
    static BufferedImage evenLight(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        int bw = (w + BLOCK - 1) / BLOCK;
        int bh = (h + BLOCK - 1) / BLOCK;
        WritableRaster in = grey.getRaster();
        double[][] paper = new double[bh][bw];
        int[] hist = new int[256];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                java.util.Arrays.fill(hist, 0);
                int n = 0;
                for (int y = by * BLOCK; y < Math.min(h, (by + 1) * BLOCK); y += 2) {
                    for (int x = bx * BLOCK; x < Math.min(w, (bx + 1) * BLOCK); x += 2) {
                        hist[in.getSample(x, y, 0)]++;
                        n++;
                    }
                }
                // the 90th percentile: paper, not a white speck
                int seen = 0;
                int v = 255;
                while (v > 0 && (seen += hist[v]) < n / 10) {
                    v--;
                }
                paper[by][bx] = v;
            }
        }
        double[][] smooth = new double[bh][bw];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                // a block filled by a dark cell or a heading is as bright as its brightest neighbours
                double best = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int y = by + dy;
                        int x = bx + dx;
                        if (y >= 0 && y < bh && x >= 0 && x < bw) {
                            best = Math.max(best, paper[y][x]);
                        }
                    }
                }
                smooth[by][bx] = Math.max(40, best);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster o = out.getRaster();
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, Math.min(bh - 1.0, (y - BLOCK / 2.0) / BLOCK));
            int y0 = (int) fy;
            int y1 = Math.min(bh - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, Math.min(bw - 1.0, (x - BLOCK / 2.0) / BLOCK));
                int x0 = (int) fx;
                int x1 = Math.min(bw - 1, x0 + 1);
                double tx = fx - x0;
                double bg = (smooth[y0][x0] * (1 - tx) + smooth[y0][x1] * tx) * (1 - ty)
                        + (smooth[y1][x0] * (1 - tx) + smooth[y1][x1] * tx) * ty;
                o.setSample(x, y, 0, (int) Math.min(255, Math.round(in.getSample(x, y, 0) * 255.0 / bg)));
            }
        }
        return out;
    }
}
