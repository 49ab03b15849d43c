package org.formbox.extraction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A scanned page or photo made ready for OCR: grey, at most {@link #MAX_SIDE} pixels a side,
 * turned straight (deskewed by the angle at which its rows of ink line up best), and its ruling
 * lines found (long straight runs of dark pixels), so that tables rebuild as from a PDF.
 */
final class PageImage {

    /** The long side pages are brought to: A4 at about 280 dpi, where tesseract reads Chinese best. */
    static final int MAX_SIDE = 3300;
    /** The resolution pages are read at: {@link #MAX_SIDE} on an A4 page's long side. */
    static final double TARGET_DPI = 282;
    static final double A4_LONG_INCHES = 11.69;
    /** Black-and-white pages of a finer resolution are read like grey ones: their strokes are whole. */
    static final double MAX_BILEVEL_DPI = 250;
    /** A black-and-white page of 100 dpi is enlarged 2.8 times, then no more. */
    private static final double MAX_BILEVEL_SCALE = 3;
    /** No page side beyond this (an A3 fax at its full resolution). */
    private static final int MAX_SIDE_LARGE = 4700;
    private static final double MAX_SKEW = 6;
    private static final double STEP = 0.2;
    /** How far beside a ruling its sides are looked at: beyond a thick border, within a line of text. */
    private static final int ASIDE = 9;
    /** Gaps in a ruling that are bridged, in pixels. */
    private static final int GAP = 4;

    private PageImage() {
    }

    /** The page grey, scaled to {@link #MAX_SIDE}, and straightened; its resolution is reckoned from its size. */
    static BufferedImage prepare(BufferedImage source) {
        return prepare(source, Double.NaN);
    }

    /**
     * The page grey, scaled to about {@link #TARGET_DPI}, and straightened.
     *
     * @param dpi the page's resolution where it is known (a PDF's image against its page size); NaN
     *            where it is not (an image file), and then reckoned as if its long side were an A4 page's
     */
    static BufferedImage prepare(BufferedImage source, double dpi) {
        BufferedImage grey;
        double own = Double.isNaN(dpi) || dpi <= 0 ? Math.max(source.getWidth(), source.getHeight()) / A4_LONG_INCHES : dpi;
        if (own < MAX_BILEVEL_DPI && BilevelPage.bilevel(source)) {
            // a fax or a black-and-white scan: cleaned at its own resolution, smoothed while it is enlarged
            double scale = Math.min(MAX_BILEVEL_SCALE, Math.min(TARGET_DPI / own,
                    (double) MAX_SIDE_LARGE / Math.max(source.getWidth(), source.getHeight())));
            grey = BilevelPage.prepare(source, own, scale);
        } else {
            grey = PageCleaning.evenLight(grey(PageCleaning.withoutStamps(source)));
        }
        double angle = skew(grey);
        return Math.abs(angle) < 0.15 ? grey : rotate(grey, -angle);
    }

    static BufferedImage grey(BufferedImage source) {
        double scale = Math.min(2, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * The skew in degrees (positive: the text runs downhill to the right), the angle whose
     * projection of dark pixels onto rows is the most uneven: lines of text and borders then fall
     * into few rows. Measured on a reduced copy.
     */
    static double skew(BufferedImage grey) {
        int step = Math.max(1, grey.getWidth() / 800);
        List<int[]> dark = new ArrayList<>();
        int threshold = threshold(grey);
        for (int y = 0; y < grey.getHeight(); y += step) {
            for (int x = 0; x < grey.getWidth(); x += step) {
                if ((grey.getRaster().getSample(x, y, 0)) < threshold) {
                    dark.add(new int[] {x / step, y / step});
                }
            }
        }
        if (dark.size() < 100) {
            return 0;
        }
        int rows = grey.getHeight() / step + grey.getWidth() / step + 2;
        double best = 0;
        double bestScore = -1;
        for (double a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += STEP) {
            double t = Math.tan(Math.toRadians(a));
            long[] hist = new long[rows * 2];
            for (int[] p : dark) {
                int r = (int) Math.round(p[1] - p[0] * t) + rows;
                if (r >= 0 && r < hist.length) {
                    hist[r]++;
                }
            }
            double score = 0;
            for (long v : hist) {
                score += (double) v * v;
            }
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return best;
    }

    static BufferedImage rotate(BufferedImage grey, double degrees) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), grey.getWidth() / 2.0, grey.getHeight() / 2.0);
        g.drawImage(grey, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Ink and paper apart: two thirds of the typical paper grey. */
    static int threshold(BufferedImage grey) {
        return Math.max(40, paper(grey) * 2 / 3);
    }

    /** The most common grey of the page: its paper. */
    static int paper(BufferedImage grey) {
        int[] hist = new int[256];
        int step = Math.max(1, grey.getWidth() / 400);
        for (int y = 0; y < grey.getHeight(); y += step) {
            for (int x = 0; x < grey.getWidth(); x += step) {
                hist[grey.getRaster().getSample(x, y, 0)]++;
            }
        }
        int paper = 0;
        for (int v = 0; v < 256; v++) {
            if (hist[v] > hist[paper]) {
                paper = v;
            }
        }
        return paper;
    }

    /** The horizontal and vertical borders of the (straightened) page. */
    static List<Ruling> rulings(BufferedImage grey) {
        int gap = GAP;
        int w = grey.getWidth();
        int h = grey.getHeight();
        // borders are often thin and light grey in a photo: anything clearly darker than paper
        int threshold = Math.max(threshold(grey), paper(grey) - 45);
        boolean[] ink = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ink[y * w + x] = grey.getRaster().getSample(x, y, 0) < threshold;
            }
        }
        List<Ruling> found = new ArrayList<>();
        int minH = Math.max(40, w / 12);
        int minV = Math.max(30, h / 40);
        for (int y = 0; y < h; y++) {
            int cy = y;
            runs(found, true, y, w, minH, gap, x -> ink[cy * w + x] || cy > 0 && ink[(cy - 1) * w + x]
                    || cy + 1 < h && ink[(cy + 1) * w + x]);
        }
        for (int x = 0; x < w; x++) {
            int cx = x;
            runs(found, false, x, h, minV, gap, y -> ink[y * w + cx] || cx > 0 && ink[y * w + cx - 1] || cx + 1 < w && ink[y * w + cx + 1]);
        }
        // a dense line of Chinese text also makes long runs of ink: a border has paper above and below it
        found.removeIf(r -> inkAside(ink, w, h, r) > 0.3);
        return withoutLoose(found, w);
    }

    /**
     * The rulings without the short horizontal ones that neither meet nor cross a vertical border,
     * on a page that has vertical borders: the baseline of a line of serif letters (a cell's e-mail
     * address, in a fax) makes a run of ink as long as a narrow cell's border, with paper below it,
     * and taken for a border it splits its row and has the bottom of the letters painted over. A
     * cell's border ends at the borders beside it; a rule across a borderless table is long.
     */
    static List<Ruling> withoutLoose(List<Ruling> rulings, int width) {
        List<Ruling> verticals = rulings.stream().filter(r -> !r.horizontal()).toList();
        if (verticals.size() < 2) {
            return rulings;
        }
        double near = Math.max(10, width / 150.0);
        List<Ruling> kept = new ArrayList<>();
        for (Ruling r : rulings) {
            if (!r.horizontal() || r.to() - r.from() >= width / 3.0 || verticals.stream().anyMatch(v -> meets(r, v, near))) {
                kept.add(r);
            }
        }
        return kept;
    }

    private static boolean meets(Ruling horizontal, Ruling vertical, double near) {
        boolean level = vertical.from() - near <= horizontal.at() && horizontal.at() <= vertical.to() + near;
        boolean along = horizontal.from() - near <= vertical.at() && vertical.at() <= horizontal.to() + near;
        return level && along;
    }

    /** The share of a ruling's length with ink a few pixels to either side of it. */
    private static double inkAside(boolean[] ink, int w, int h, Ruling r) {
        int at = (int) Math.round(r.at());
        int n = 0;
        int inked = 0;
        for (int i = (int) r.from(); i <= (int) r.to(); i += 2) {
            n++;
            boolean before;
            boolean after;
            if (r.horizontal()) {
                before = at - ASIDE >= 0 && ink[(at - ASIDE) * w + i];
                after = at + ASIDE < h && ink[(at + ASIDE) * w + i];
            } else {
                before = at - ASIDE >= 0 && ink[i * w + at - ASIDE];
                after = at + ASIDE < w && ink[i * w + at + ASIDE];
            }
            if (before && after) {
                inked++;
            }
        }
        return n == 0 ? 0 : (double) inked / n;
    }

    /**
     * The page with its ruling lines painted over: tesseract's layout analysis takes a table's
     * borders for pictures and then skips the cells beside them.
     */
    static BufferedImage withoutRulings(BufferedImage grey, List<Ruling> rulings) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(grey, 0, 0, null);
        g.setColor(Color.WHITE);
        for (Ruling r : rulings) {
            int at = (int) Math.round(r.at());
            int from = (int) Math.round(r.from());
            int length = (int) Math.round(r.to() - r.from()) + 1;
            if (r.horizontal()) {
                g.fillRect(from - 2, at - 3, length + 4, 7);
            } else {
                g.fillRect(at - 3, from - 2, 7, length + 4);
            }
        }
        g.dispose();
        return out;
    }

    /** Runs of ink along one row or column at least {@code min} long; gaps of a few pixels are bridged. */
    private static void runs(List<Ruling> out, boolean horizontal, int at, int length, int min, int bridged,
                             java.util.function.IntPredicate ink) {
        int start = -1;
        int gap = 0;
        for (int i = 0; i <= length; i++) {
            boolean on = i < length && ink.test(i);
            if (on) {
                if (start < 0) {
                    start = i;
                }
                gap = 0;
            } else if (start >= 0 && ++gap > bridged) {
                int end = i - gap;
                if (end - start >= min) {
                    out.add(new Ruling(horizontal, at, start, end));
                }
                start = -1;
                gap = 0;
            }
        }
    }
}
