package org.formbox.extraction;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * A black-and-white page (a fax, a scanner's "text" mode, a fax server's PDF) made ready for OCR.
 * Such a page has no grey to lose, but at 150–200 dpi its strokes are one or two pixels wide,
 * cut by the threshold and dotted with specks: enlarged as it is, every character becomes a
 * staircase of blocks that tesseract's Chinese model misreads, and its specks grow with it. So the
 * page is cleaned at its own resolution (specks taken off, sized by its dpi), then smoothed and
 * enlarged (bicubic), so that the strokes come out with soft edges at the size tesseract reads best;
 * its own threshold then draws them again. Filling one-pixel holes in strokes as well was tried
 * and read no better: at 150 dpi the gaps inside dense characters are that small too.
 */
final class BilevelPage {

    /** At most this share of a page's pixels may be grey for it to count as black and white. */
    private static final double MAX_GREY = 0.01;
    /** Specks are smaller than this many pixels at 150 dpi (a decimal point at 10 pt is about 6). */
    private static final double SPECK_AT_150 = 4;
    /** How much the strokes are smoothed before enlarging, in pixels of the page's own resolution. */
    static final double SMOOTHING = 0.7;

    private BilevelPage() {
    }

    /**
     * Whether the page holds only black and white: a 1-bit image, or one whose pixels are nearly
     * all at the two ends (a fax drawn into a PDF and rendered in colour).
     */
    static boolean bilevel(BufferedImage image) {
        if (image.getColorModel().getPixelSize() == 1) {
            return true;
        }
        int step = Math.max(1, Math.min(image.getWidth(), image.getHeight()) / 300);
        long n = 0;
        long grey = 0;
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                int p = image.getRGB(x, y);
                int r = p >> 16 & 0xff;
                int g = p >> 8 & 0xff;
                int b = p & 0xff;
                n++;
                if (Math.abs(r - g) > 24 || Math.abs(g - b) > 24 || (r > 40 && r < 215)) {
                    grey++;
                }
            }
        }
        return n > 0 && grey <= n * MAX_GREY;
    }

    /**
     * The page cleaned and enlarged by {@code scale}, as grey: its ink is found at its own
     * resolution ({@code dpi} sizes the specks), cleaned, smoothed and drawn larger.
     */
    static BufferedImage prepare(BufferedImage source, double dpi, double scale) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean[] ink = new boolean[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            source.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                ink[y * w + x] = ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) < 3 * 128;
            }
        }
        double area = (dpi / 150) * (dpi / 150);
        removeSpecks(ink, w, h, (int) Math.max(1, Math.round(SPECK_AT_150 * area)));
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster g = grey.getRaster();
        float[] plane = new float[w * h];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = ink[i] ? 0 : 255;
        }
        float[] smooth = blur(plane, w, h, SMOOTHING);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                g.setSample(x, y, 0, Math.round(smooth[y * w + x]));
            }
        }
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(sw, sh, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = out.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        gr.drawImage(grey, 0, 0, sw, sh, null);
        gr.dispose();
        return out;
    }

    /** Takes off the 8-connected patches of ink smaller than {@code below} pixels. */
    static void removeSpecks(boolean[] ink, int w, int h, int below) {
        boolean[] seen = new boolean[ink.length];
        int[] patch = new int[below];
        int[] stack = new int[4096];
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || seen[start]) {
                continue;
            }
            int size = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int p = stack[--top];
                if (size < below) {
                    patch[size] = p;
                }
                size++;
                int x = p % w;
                int y = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && ink[ny * w + nx] && !seen[ny * w + nx]) {
                            seen[ny * w + nx] = true;
                            if (top == stack.length) {
                                stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                            }
                            stack[top++] = ny * w + nx;
                        }
                    }
                }
            }
            if (size < below) {
                for (int i = 0; i < size; i++) {
                    ink[patch[i]] = false;
                }
            }
        }
    }

    /** A separable Gaussian blur of a grey plane; a sigma under 0.1 leaves it as it is. */
    static float[] blur(float[] plane, int w, int h, double sigma) {
        if (sigma < 0.1) {
            return plane;
        }
        int radius = (int) Math.ceil(sigma * 2.5);
        float[] k = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[plane.length];
        float[] out = plane; // the plane is not needed once it is blurred across
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = 0;
                for (int i = -radius; i <= radius; i++) {
                    int xx = Math.min(w - 1, Math.max(0, x + i));
                    v += k[i + radius] * plane[y * w + xx];
                }
                tmp[y * w + x] = v;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = 0;
                for (int i = -radius; i <= radius; i++) {
                    int yy = Math.min(h - 1, Math.max(0, y + i));
                    v += k[i + radius] * tmp[yy * w + x];
                }
                out[y * w + x] = v;
            }
        }
        return out;
    }
}
