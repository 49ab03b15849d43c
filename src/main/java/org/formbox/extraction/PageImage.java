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
        return prepared(source, dpi).page();
    }

    /** A page made ready for OCR, with its ruling lines. */
    record Prepared(BufferedImage page, List<Ruling> rulings) {
    }

    /**
     * {@link #prepare} with the page's {@link #rulings}: the runs of ink found to square its frame
     * serve for its rulings too, unless the page was mapped anew.
     */
    static Prepared prepared(BufferedImage source, double dpi) {
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
        BufferedImage straight = Math.abs(angle) < 0.15 ? grey : rotate(grey, -angle);
        if (!SQUARE_FRAMES) {
            return new Prepared(straight, rulings(straight));
        }
        List<Ruling> pieces = pieces(straight);
        BufferedImage squared = squared(straight, pieces);
        return new Prepared(squared, squared == straight ? withoutLoose(pieces, straight.getWidth()) : rulings(squared));
    }

    /**
     * The page with its table's frame made a rectangle again: a phone photo taken at an angle (or a
     * page that lay curled on the scanner) draws the frame as a quadrilateral, whose borders a
     * straightening by one angle cannot all make level; a border a few pixels off level across its
     * length is found as pieces, splits rows and is painted over the text it passes. The frame is
     * the outermost long horizontal and vertical borders, each fitted as a line through its pieces;
     * where its corners lie more than {@value #SQUARE_OFF} pixels off the rectangle they should make,
     * the page is mapped (a projective transformation through the four corners) onto that rectangle.
     * A page without such a frame, or with one that would be bent far, is left as it is.
     */
    static BufferedImage squared(BufferedImage grey) {
        return squared(grey, pieces(grey));
    }

    /** {@link #squared(BufferedImage)} from the page's {@link #pieces}, found already. */
    private static BufferedImage squared(BufferedImage grey, List<Ruling> pieces) {
        double[][] corners = frame(pieces, grey.getWidth(), grey.getHeight());
        if (corners == null) {
            return grey;
        }
        double left = (corners[0][0] + corners[2][0]) / 2;
        double right = (corners[1][0] + corners[3][0]) / 2;
        double top = (corners[0][1] + corners[1][1]) / 2;
        double bottom = (corners[2][1] + corners[3][1]) / 2;
        double[][] target = {{left, top}, {right, top}, {left, bottom}, {right, bottom}};
        double off = 0;
        for (int i = 0; i < 4; i++) {
            off = Math.max(off, Math.hypot(corners[i][0] - target[i][0], corners[i][1] - target[i][1]));
        }
        if (DEBUG) {
            System.err.printf("frame off %.1f px (%.0f x %.0f)%n", off, right - left, bottom - top);
        }
        if (off < SQUARE_OFF || off > 0.08 * Math.max(right - left, bottom - top)) {
            return grey;
        }
        return warp(grey, homography(target, corners));
    }

    /** Whether photographed frames are made rectangles again; {@code -Dformbox.ocr.noFrame=true} turns it off. */
    static final boolean SQUARE_FRAMES = !Boolean.getBoolean("formbox.ocr.noFrame");
    private static final boolean DEBUG = Boolean.getBoolean("formbox.ocr.debugCells");

    /** Corners of a frame further off its rectangle than this (pixels) are put right. */
    static final double SQUARE_OFF = 10;

    /**
     * The four corners (top left, top right, bottom left, bottom right) of the page's table frame,
     * from its ruling pieces; null where the page has no frame of long borders on all four sides.
     */
    static double[][] frame(List<Ruling> rulings, int w, int h) {
        List<double[]> across = lines(rulings, true);
        List<double[]> down = lines(rulings, false);
        double[] top = outer(across, true);
        double[] bottom = outer(across, false);
        double[] left = outer(down, true);
        double[] right = outer(down, false);
        if (top == null || bottom == null || left == null || right == null || top == bottom || left == right) {
            return null;
        }
        double[][] c = {cross(top, left), cross(top, right), cross(bottom, left), cross(bottom, right)};
        if (c[1][0] - c[0][0] < w * 0.3 || c[2][1] - c[0][1] < h * 0.15) {
            return null;
        }
        return c;
    }

    /**
     * The borders of one direction as lines {@code at = slope * along + offset}, with their extent
     * along ({@code [slope, offset, from, to]}): the pieces a border leaves at neighbouring rows (or
     * columns) joined, and fitted by least squares weighted by length.
     */
    static List<double[]> lines(List<Ruling> rulings, boolean horizontal) {
        List<Ruling> pieces = new ArrayList<>(rulings.stream().filter(r -> r.horizontal() == horizontal).toList());
        pieces.sort(java.util.Comparator.comparingDouble(Ruling::at));
        int n = pieces.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n && pieces.get(j).at() - pieces.get(i).at() <= 2.5; j++) {
                Ruling a = pieces.get(i);
                Ruling b = pieces.get(j);
                if (a.from() <= b.to() + 10 && b.from() <= a.to() + 10) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        java.util.Map<Integer, List<Ruling>> groups = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(pieces.get(i));
        }
        List<double[]> out = new ArrayList<>();
        for (List<Ruling> g : groups.values()) {
            double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
            double from = Double.MAX_VALUE, to = -Double.MAX_VALUE;
            for (Ruling r : g) {
                double weight = r.to() - r.from() + 1;
                double x = (r.from() + r.to()) / 2;
                sw += weight;
                sx += weight * x;
                sy += weight * r.at();
                sxx += weight * x * x;
                sxy += weight * x * r.at();
                from = Math.min(from, r.from());
                to = Math.max(to, r.to());
            }
            double var = sxx / sw - (sx / sw) * (sx / sw);
            double slope = var < 1e-6 ? 0 : (sxy / sw - (sx / sw) * (sy / sw)) / var;
            if (Math.abs(slope) > 0.05) {
                slope = 0; // a border is level to within 3 degrees after straightening
            }
            double offset = sy / sw - slope * sx / sw;
            out.add(new double[] {slope, offset, from, to});
        }
        return out;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The first (or last) of the lines that run at least half as far as the longest. */
    private static double[] outer(List<double[]> lines, boolean first) {
        double longest = lines.stream().mapToDouble(l -> l[3] - l[2]).max().orElse(0);
        double[] best = null;
        for (double[] l : lines) {
            if (l[3] - l[2] < longest * 0.5) {
                continue;
            }
            double at = l[0] * (l[2] + l[3]) / 2 + l[1];
            if (best == null || (first ? at < best[0] * (best[2] + best[3]) / 2 + best[1] : at > best[0] * (best[2] + best[3]) / 2 + best[1])) {
                best = l;
            }
        }
        return best;
    }

    /** Where a horizontal line (y = a x + b) meets a vertical one (x = c y + d). */
    private static double[] cross(double[] horizontal, double[] vertical) {
        double a = horizontal[0], b = horizontal[1], c = vertical[0], d = vertical[1];
        double y = (a * d + b) / (1 - a * c);
        return new double[] {c * y + d, y};
    }

    /**
     * The projective transformation taking each of the four points {@code from} to its point in
     * {@code to}: the 3 x 3 matrix (row by row, the last entry 1) solved from the eight equations.
     */
    static double[] homography(double[][] from, double[][] to) {
        double[][] m = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0], y = from[i][1], u = to[i][0], v = to[i][1];
            m[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            m[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int r = col + 1; r < 8; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < 8; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int k = col; k < 9; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                }
            }
        }
        double[] hm = new double[9];
        for (int i = 0; i < 8; i++) {
            hm[i] = m[i][8] / m[i][i];
        }
        hm[8] = 1;
        return hm;
    }

    /** The page drawn anew: each pixel taken (bilinear) from where the transformation puts it in the old one. */
    static BufferedImage warp(BufferedImage grey, double[] hm) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] src = ((java.awt.image.DataBufferByte) toGrey(grey).getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double z = hm[6] * x + hm[7] * y + hm[8];
                double u = (hm[0] * x + hm[1] * y + hm[2]) / z;
                double v = (hm[3] * x + hm[4] * y + hm[5]) / z;
                int x0 = (int) Math.floor(u);
                int y0 = (int) Math.floor(v);
                int value = 255;
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
                    double fx = u - x0;
                    double fy = v - y0;
                    int i = y0 * w + x0;
                    double top = (src[i] & 0xff) * (1 - fx) + (src[i + 1] & 0xff) * fx;
                    double bottom = (src[i + w] & 0xff) * (1 - fx) + (src[i + w + 1] & 0xff) * fx;
                    value = (int) Math.round(top * (1 - fy) + bottom * fy);
                }
                dst[y * w + x] = (byte) value;
            }
        }
        return out;
    }

    private static BufferedImage toGrey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte
                && image.getRaster().getDataBuffer().getSize() == image.getWidth() * image.getHeight()) {
            return image;
        }
        BufferedImage g = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.drawImage(image, 0, 0, null);
        gr.dispose();
        return g;
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
        return withoutLoose(pieces(grey), grey.getWidth());
    }

    /**
     * Runs of ink that may be borders, each as long as a short cell's side at least: a border off
     * level across its length leaves a piece at each row it passes.
     */
    static List<Ruling> pieces(BufferedImage grey) {
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
        found.removeIf(r -> inkAside(ink, w, h, r, true) > 0.3);
        // and the bottoms of a line of Chinese characters (企业未来…) a run with ink all along one side
        found.removeIf(r -> r.horizontal() && r.to() - r.from() < w / 3.0 && inkAside(ink, w, h, r, false) > 0.5);
        return found;
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

    /**
     * The share of a ruling's length with ink a few pixels to both sides of it, or (not {@code both})
     * the larger of the shares with ink on one side.
     */
    private static double inkAside(boolean[] ink, int w, int h, Ruling r, boolean both) {
        int at = (int) Math.round(r.at());
        int n = 0;
        int inked = 0;
        int ahead = 0;
        int behind = 0;
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
            if (before) {
                ahead++;
            }
            if (after) {
                behind++;
            }
        }
        return n == 0 ? 0 : (double) (both ? inked : Math.max(ahead, behind)) / n;
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
