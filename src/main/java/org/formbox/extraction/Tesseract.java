package org.formbox.extraction;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Runs the {@code tesseract} program (Debian's tesseract-ocr with tesseract-ocr-chi-sim) on a page
 * image and returns its words with their boxes and confidences (TSV output). A process, not a
 * library: the language data comes with the Debian package, a hung run can be killed, and the
 * JVM never loads native code. One OpenMP thread per run, and at most one run per core in the
 * whole process ({@link Page}): several attachments, of one mail or of several, are read side by
 * side, and more runs than cores only contend (18 s instead of 4.5 s a page).
 */
final class Tesseract {

    /** The program; {@code formbox.ocr.command} names another. */
    static final String COMMAND = System.getProperty("formbox.ocr.command", "tesseract");
    /** Languages: simplified Chinese, which also reads digits and Latin letters. */
    static final String LANGUAGES = System.getProperty("formbox.ocr.languages", "chi_sim");
    private static final long PAGE_SECONDS = 40;

    private static volatile Boolean available;

    private Tesseract() {
    }

    /** Whether the program and its Chinese data are installed; asked once. */
    static boolean available() {
        Boolean a = available;
        if (a == null) {
            a = probe();
            available = a;
        }
        return a;
    }

    private static final java.util.Map<String, Boolean> LANGUAGE_PRESENT = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the program reads this language (e.g. {@code eng}); asked once per language. */
    static boolean hasLanguage(String language) {
        return available() && LANGUAGE_PRESENT.computeIfAbsent(language, l -> languages().contains(l));
    }

    /** The languages the program lists, none when it cannot run. */
    private static List<String> languages() {
        try {
            Process p = new ProcessBuilder(COMMAND, "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return out.lines().map(String::strip).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static boolean probe() {
        List<String> installed = languages();
        for (String lang : LANGUAGES.split("\\+")) {
            if (!installed.contains(lang)) {
                return false;
            }
        }
        return true;
    }

    /** tesseract's binarisations. */
    enum Binarisation {
        /** Otsu's global threshold: best on even scans and faxes. */
        GLOBAL("0"),
        /** Sauvola's local one: for photos with shadows that even light did not take off. */
        LOCAL("2");

        final String method;

        Binarisation(String method) {
            this.method = method;
        }
    }

    /**
     * A page image written once, to be read once or more: each reading waits for one of the
     * {@link OcrSlots#SHARED} slots (one per core) of the whole process, so that two mails with
     * scans run two tesseracts on two cores, not four.
     */
    static final class Page implements AutoCloseable {
        private final Path dir;
        private final Path image;

        Page(BufferedImage page) throws IOException {
            dir = Files.createTempDirectory("formbox-ocr");
            image = dir.resolve("page.png");
            ImageIO.write(page, "png", image.toFile());
        }

        /**
         * The words of the page with one binarisation, read before the deadline (System.nanoTime):
         * a reading that cannot start or finish by then is abandoned (InterruptedIOException, which
         * the reader answers as a timeout). A hung run is killed after {@value #PAGE_SECONDS} s.
         */
        List<Box> read(Binarisation binarisation, long deadline) throws IOException, InterruptedException {
            OcrSlots.SHARED.acquire(deadline);
            Path tsv = dir.resolve("words-" + binarisation.method + ".tsv");
            try {
                run(List.of(COMMAND, image.toString(), "stdout", "-l", LANGUAGES, "--psm", "3", "-c",
                        "preserve_interword_spaces=1", "-c", "thresholding_method=" + binarisation.method, "tsv"), tsv, deadline);
                return parse(Files.readString(tsv, StandardCharsets.UTF_8));
            } finally {
                OcrSlots.SHARED.release();
                Files.deleteIfExists(tsv);
            }
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(image);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * How many degrees clockwise a page must be turned to stand upright (0, 90, 180 or 270), by
     * tesseract's orientation and script detection ({@code --psm 0}, the {@code osd} data); 0 when the
     * data is missing or the detection is unsure. The page is looked at scaled down to 1,600 pixels.
     */
    static int uprightTurn(BufferedImage page, long deadline) throws IOException, InterruptedException {
        if (!hasLanguage("osd")) {
            return 0;
        }
        double scale = Math.min(1, 1600.0 / Math.max(page.getWidth(), page.getHeight()));
        BufferedImage small = new BufferedImage(Math.max(1, (int) (page.getWidth() * scale)),
                Math.max(1, (int) (page.getHeight() * scale)), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, 0, 0, small.getWidth(), small.getHeight(), null);
        } finally {
            g.dispose();
        }
        Path dir = Files.createTempDirectory("formbox-osd");
        Path image = dir.resolve("page.png");
        Path out = dir.resolve("osd.txt");
        OcrSlots.SHARED.acquire(deadline);
        try {
            ImageIO.write(small, "png", image.toFile());
            run(List.of(COMMAND, image.toString(), "stdout", "--psm", "0"), out, deadline);
            return turn(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            OcrSlots.SHARED.release();
            Files.deleteIfExists(image);
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Detections less sure than this leave the page as it is. Low, since only pages wider than tall
     * are asked about, and the forms are upright A4: such a page is most likely on its side.
     */
    static final double OSD_CONFIDENCE = 1.0;

    /** The turn from tesseract's OSD report ("Rotate: 90", "Orientation confidence: 5.2"). */
    static int turn(String report) {
        int rotate = 0;
        double confidence = 0;
        for (String line : report.lines().toList()) {
            String[] kv = line.split(":", 2);
            if (kv.length != 2) {
                continue;
            }
            try {
                switch (kv[0].strip()) {
                    case "Rotate" -> rotate = Integer.parseInt(kv[1].strip());
                    case "Orientation confidence" -> confidence = Double.parseDouble(kv[1].strip());
                    default -> {
                    }
                }
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return confidence >= OSD_CONFIDENCE && (rotate == 90 || rotate == 180 || rotate == 270) ? rotate : 0;
    }

    /**
     * Runs tesseract with its output to a file (so that the deadline holds even when the program
     * hangs without output), one thread, until it ends or the deadline (System.nanoTime) or
     * {@value #PAGE_SECONDS} s pass; then the process is gone either way.
     */
    private static void run(List<String> command, Path output, long deadline) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectOutput(output.toFile());
        Process p = pb.start();
        try {
            long until = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(PAGE_SECONDS));
            if (!p.waitFor(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new InterruptedIOException("tesseract did not finish in time");
            }
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * The words of several small images (table cells cut out of a page) read in one run, each as a
     * single block of text ({@code --psm 6}): one start and one loading of the language data for
     * all of them. Per image, in order, its words in its own pixels; the run takes one
     * {@link OcrSlots} slot and is abandoned at the deadline like a page's.
     */
    static List<List<Box>> readEach(List<BufferedImage> images, String languages, long deadline)
            throws IOException, InterruptedException {
        List<List<Box>> out = new ArrayList<>();
        if (images.isEmpty()) {
            return out;
        }
        Path dir = Files.createTempDirectory("formbox-ocr-cells");
        List<Path> files = new ArrayList<>();
        Path list = dir.resolve("cells.txt");
        Path tsv = dir.resolve("cells.tsv");
        OcrSlots.SHARED.acquire(deadline);
        try {
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < images.size(); i++) {
                Path f = dir.resolve("cell-" + i + ".png");
                ImageIO.write(images.get(i), "png", f.toFile());
                files.add(f);
                names.append(f).append('\n');
            }
            Files.writeString(list, names, StandardCharsets.UTF_8);
            run(List.of(COMMAND, list.toString(), "stdout", "-l", languages, "--psm", "6", "-c",
                    "preserve_interword_spaces=1", "tsv"), tsv, deadline);
            List<StringBuilder> pages = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                pages.add(new StringBuilder());
            }
            for (String row : Files.readString(tsv, StandardCharsets.UTF_8).split("\n")) {
                String[] f = row.split("\t", -1);
                if (f.length < 12) {
                    continue;
                }
                try {
                    int page = Integer.parseInt(f[1]) - 1;
                    if (page >= 0 && page < pages.size()) {
                        pages.get(page).append(row).append('\n');
                    }
                } catch (NumberFormatException ignored) {
                    // the header
                }
            }
            for (StringBuilder page : pages) {
                out.add(parse(page.toString()));
            }
            return out;
        } finally {
            OcrSlots.SHARED.release();
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(list);
            Files.deleteIfExists(tsv);
            Files.deleteIfExists(dir);
        }
    }

    /** Word rows (level 5) of tesseract's TSV: left, top, width, height, confidence, text. */
    static List<Box> parse(String tsv) {
        List<Box> words = new ArrayList<>();
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !"5".equals(f[0])) {
                continue;
            }
            // a cell border read as a stroke, often with a quote mark before it: “| ”|
            String text = f[11].replaceAll("(?<![0-9])[“”\"'‘’]?[|｜](?![0-9])", "").replaceAll("^[“”\"'‘’]+(?=\\S)|(?<=\\S)[“”\"'‘’]+$", "")
                    .strip();
            if (text.isEmpty() || text.matches("[|_—\\-=~\\[\\]]+")) {
                continue; // table borders read as strokes
            }
            try {
                double left = Double.parseDouble(f[6]);
                double top = Double.parseDouble(f[7]);
                double conf = Double.parseDouble(f[10]) / 100;
                words.add(new Box(text, left, top, left + Double.parseDouble(f[8]), top + Double.parseDouble(f[9]),
                        Math.max(0, conf)));
            } catch (NumberFormatException ignored) {
                // a malformed row says nothing
            }
        }
        return words;
    }
}
