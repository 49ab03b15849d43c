package org.formbox.extraction;

import java.awt.image.BufferedImage;
import java.io.IOException;
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
 * JVM never loads native code. One OpenMP thread per run: several attachments are read side by
 * side on two cores, and tesseract's own threads then only contend (18 s instead of 4.5 s a page).
 */
final class Tesseract {

    /** The program; {@code formbox.ocr.command} names another. */
    static final String COMMAND = System.getProperty("formbox.ocr.command", "tesseract");
    /** Languages: simplified Chinese, which also reads digits and Latin letters. */
    static final String LANGUAGES = System.getProperty("formbox.ocr.languages", "chi_sim");
    private static final long PAGE_SECONDS = 40;
    /** tesseract's binarisations: 0 global Otsu, 2 Sauvola (local, for uneven light). */
    private static final List<String> THRESHOLDING = List.of("0", "2");

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

    private static boolean probe() {
        try {
            Process p = new ProcessBuilder(COMMAND, "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            for (String lang : LANGUAGES.split("\\+")) {
                if (!out.lines().map(String::strip).toList().contains(lang)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The words of one page image, read twice side by side: with tesseract's global (Otsu)
     * binarisation, best on even scans, and with its local (Sauvola) one, best on photos with
     * shadows. Each reading is a list of words; the caller keeps the better reading of each cell.
     */
    static List<List<Box>> readings(BufferedImage page) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("formbox-ocr");
        Path image = dir.resolve("page.png");
        List<Process> running = new ArrayList<>();
        try {
            ImageIO.write(page, "png", image.toFile());
            for (String method : THRESHOLDING) {
                ProcessBuilder pb = new ProcessBuilder(COMMAND, image.toString(), "stdout", "-l", LANGUAGES,
                        "--psm", "3", "-c", "preserve_interword_spaces=1", "-c", "thresholding_method=" + method, "tsv");
                pb.environment().put("OMP_THREAD_LIMIT", "1");
                pb.redirectError(ProcessBuilder.Redirect.DISCARD);
                // to a file, so that the deadline holds even when the program hangs without output
                pb.redirectOutput(dir.resolve("words-" + method + ".tsv").toFile());
                running.add(pb.start());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PAGE_SECONDS);
            List<List<Box>> readings = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                Process p = running.get(i);
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IOException("tesseract did not finish");
                }
                Path tsv = dir.resolve("words-" + THRESHOLDING.get(i) + ".tsv");
                readings.add(parse(Files.readString(tsv, StandardCharsets.UTF_8)));
            }
            return readings;
        } finally {
            running.forEach(Process::destroyForcibly);
            for (String method : THRESHOLDING) {
                Files.deleteIfExists(dir.resolve("words-" + method + ".tsv"));
            }
            Files.deleteIfExists(image);
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
