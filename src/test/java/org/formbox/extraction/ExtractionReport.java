package org.formbox.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldValue;

/**
 * Prints what the readers find in a folder of documents and {@code .eml} files: per file the
 * annex, fields found of fields expected and every value; with a folder {@code expected/} of JSON
 * files beside them ({@code {"annex": "ANNEX_2", "enterprise_name": "…", …}}, named after the
 * document or message), also the accuracy per format.
 *
 * Each document's reading time is printed beside it, and per mail the time of all its documents.
 * A measuring tool for the readers, kept with the tests: {@code bin/reading-report FOLDER} runs it.
 */
public final class ExtractionReport {

    private final DocumentReader reader = new DocumentReader();
    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final Map<String, int[]> byFormat = new TreeMap<>();
    private final Map<String, int[]> annexes = new TreeMap<>();
    private final Map<String, int[]> byHabit = new TreeMap<>();
    private final Map<String, List<String>> habitMisses = new TreeMap<>();
    /** Reading times in milliseconds per kind of document (docx, xlsx, pdf, pdf-ocr, jpg …). */
    private final Map<String, List<Long>> times = new TreeMap<>();
    private final List<String> mails = new ArrayList<>();

    ExtractionReport(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("mail.mime.decodefilename", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-submissions");
        new ExtractionReport(new PrintStream(System.out, true, StandardCharsets.UTF_8)).run(dir);
    }

    void run(Path dir) throws IOException {
        Path expected = dir.resolve("expected");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.toLowerCase().endsWith(".eml")) {
                    long millis = 0;
                    int documents = 0;
                    for (Attachment a : attachments(Files.readAllBytes(file))) {
                        millis += report(name + " » " + a.name(), a.name(), a.content(), expectation(expected, name, a.name()));
                        documents++;
                    }
                    mails.add(String.format("mail %s: %d document(s) read in %d ms", name, documents, millis));
                } else {
                    report(name, name, Files.readAllBytes(file), expectation(expected, name, null));
                }
            }
        }
        byFormat.forEach((format, n) -> out.printf("accuracy %-6s %d/%d fields right (%.1f%%), annex right %d/%d%n",
                format, n[0], n[1], n[1] == 0 ? 0.0 : 100.0 * n[0] / n[1], annexes.get(format)[0], annexes.get(format)[1]));
        byHabit.forEach((habit, n) -> out.printf("habit %-18s %d/%d fields right (%.1f%%)%n",
                habit, n[0], n[1], n[1] == 0 ? 0.0 : 100.0 * n[0] / n[1]));
        times.forEach((kind, ms) -> out.printf("time %-8s %d document(s), mean %d ms, max %d ms%n", kind, ms.size(),
                Math.round(ms.stream().mapToLong(Long::longValue).average().orElse(0)),
                ms.stream().mapToLong(Long::longValue).max().orElse(0)));
        mails.forEach(out::println);
        if (!byHabit.isEmpty()) {
            out.println();
            out.println("| habit | fields right |");
            out.println("|---|---|");
            byHabit.forEach((habit, n) -> out.printf("| %s | %d/%d (%.1f %%) |%n", habit, n[0], n[1],
                    n[1] == 0 ? 0.0 : 100.0 * n[0] / n[1]));
        }
    }

    /** Reading times in milliseconds per kind of document. */
    Map<String, List<Long>> times() {
        return times;
    }

    /** Fields right and fields expected per habit (the {@code habit} of each expectation file). */
    Map<String, int[]> habits() {
        return byHabit;
    }

    /** The wrong fields per habit, each with its document. */
    Map<String, List<String>> habitMisses() {
        return habitMisses;
    }

    /** Reads and prints one document; returns how long the reading took, in milliseconds. */
    private long report(String title, String name, byte[] content, JsonNode expected) {
        long started = System.nanoTime();
        ReadDocument read = reader.read(name, content);
        long millis = (System.nanoTime() - started) / 1_000_000;
        boolean ocr = read.fields().values().stream().anyMatch(v -> v.source() == org.formbox.forms.ValueSource.OCR);
        String kind = extension(name) + (ocr && extension(name).equals("pdf") ? "-ocr" : "");
        times.computeIfAbsent(kind, k -> new ArrayList<>()).add(millis);
        int wanted = FieldCatalog.form(read.annex()).map(f -> FieldCatalog.answerFields(f).size()
                + (f.outline() == null ? 0 : f.outline().sections().size())).orElse(0);
        out.printf("%s: %s%s, %d/%d fields, %d ms%n", title, read.annex(),
                read.unreadable() == null ? "" : " (" + read.unreadable() + ")", read.fields().size(), wanted, millis);
        new TreeMap<>(read.fields()).forEach((k, v) -> out.printf("  %s = %s%n", k, shown(v)));
        if (expected != null) {
            score(title, extension(name), read, expected);
        }
        return millis;
    }

    private void score(String title, String format, ReadDocument read, JsonNode expected) {
        int[] n = byFormat.computeIfAbsent(format, f -> new int[2]);
        int[] a = annexes.computeIfAbsent(format, f -> new int[2]);
        String wantAnnex = expected.path("annex").asText("");
        if (!wantAnnex.isEmpty()) {
            a[1]++;
            if (wantAnnex.equals(read.annex().name())) {
                a[0]++;
            } else {
                out.printf("  MISMATCH annex: expected %s, found %s%n", wantAnnex, read.annex());
            }
        }
        Score s = score(read, expected);
        n[0] += s.right();
        n[1] += s.total();
        s.wrong().forEach(w -> out.println("  MISMATCH " + w));
        String habit = expected.path("habit").asText("");
        if (!habit.isEmpty()) {
            int[] h = byHabit.computeIfAbsent(habit, k -> new int[2]);
            // a document read as the wrong annex has every field wrong
            boolean annexRight = wantAnnex.isEmpty() || wantAnnex.equals(read.annex().name());
            h[0] += annexRight ? s.right() : 0;
            h[1] += s.total();
            s.wrong().forEach(w -> habitMisses.computeIfAbsent(habit, k -> new ArrayList<>()).add(title + " " + w));
        }
    }

    /**
     * How many of the expected fields a reading got right. Only keys of {@link FieldCatalog} count:
     * the keys of the expectation file ({@code annex}, {@code raw}, {@code document}, {@code findings}
     * …) are not fields. Section texts compare by their first characters ({@code sectionPrefixes}).
     *
     * @param right how many fields were right
     * @param total how many fields were expected
     * @param wrong one line per wrong field: key, expected, found
     */
    record Score(int right, int total, List<String> wrong) {
    }

    static Score score(ReadDocument read, JsonNode expected) {
        int right = 0;
        int total = 0;
        List<String> wrong = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = e.getKey();
            if (FieldCatalog.byKey(key).isEmpty() || FieldCatalog.sections().stream().anyMatch(f -> f.key().equals(key))) {
                continue;
            }
            total++;
            FieldValue got = read.fields().get(key);
            if (matches(key, e.getValue(), got)) {
                right++;
            } else {
                wrong.add(key + ": expected " + e.getValue() + ", found " + shown(got));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> sections = expected.path("sectionPrefixes").fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> e = sections.next();
            total++;
            FieldValue got = read.fields().get(e.getKey());
            if (sectionMatches(e.getValue().asText(""), got)) {
                right++;
            } else {
                wrong.add(e.getKey() + ": expected to start " + e.getValue() + ", found " + shown(got));
            }
        }
        return new Score(right, total, wrong);
    }

    /** A section body compared by its first characters; an empty prefix means an empty section. */
    static boolean sectionMatches(String prefix, FieldValue got) {
        String want = compactText(prefix);
        if (want.isEmpty()) {
            return got == null || got.blank();
        }
        return got != null && got.text() != null && compactText(got.text()).startsWith(want);
    }

    /** Numbers within 0.01 absolute or 0.01 % relative: areas in 亩 are rounded to 0.01 m². */
    static boolean matches(String key, JsonNode want, FieldValue got) {
        if (want == null || want.isNull() || want.asText().isBlank()) {
            return got == null || got.blank();
        }
        if (got == null) {
            return false;
        }
        boolean numeric = FieldCatalog.byKey(key).map(FieldDef::type).map(t -> t.numeric()).orElse(false);
        if (want.isNumber() || numeric && got.number() != null) {
            try {
                return got.number() != null && close(got.number(), new BigDecimal(want.asText()));
            } catch (NumberFormatException e) {
                return want.asText().strip().equals(got.text());
            }
        }
        return compactText(want.asText()).equals(compactText(got.text()));
    }

    private static boolean close(BigDecimal got, BigDecimal want) {
        BigDecimal diff = got.subtract(want).abs();
        return diff.compareTo(new BigDecimal("0.01")) <= 0
                || diff.compareTo(want.abs().multiply(new BigDecimal("0.0001"))) <= 0;
    }

    private static String compactText(String s) {
        return s == null ? "" : Text.halfWidth(s).replaceAll("\\s+", "");
    }

    private JsonNode expectation(Path dir, String file, String attachment) {
        List<Path> candidates = new ArrayList<>();
        for (String n : attachment == null ? List.of(file) : List.of(attachment, file)) {
            candidates.add(dir.resolve(n + ".json"));
            candidates.add(dir.resolve(stem(n) + ".json"));
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                try {
                    JsonNode node = json.readTree(p.toFile());
                    JsonNode perAttachment = attachment == null ? null : node.path("attachments").get(attachment);
                    return perAttachment != null ? perAttachment : node;
                } catch (IOException e) {
                    out.println("  (cannot read " + p + ": " + e.getMessage() + ")");
                }
            }
        }
        return null;
    }

    private static String shown(FieldValue v) {
        if (v == null) {
            return "—";
        }
        String text = v.text() == null ? "" : v.text().replace("\n", "⏎");
        if (text.length() > 60) {
            text = text.substring(0, 60) + "…";
        }
        return v.number() == null ? text : v.number().toPlainString() + "  [" + text + "]";
    }

    private record Attachment(String name, byte[] content) {
    }

    /** The attachments of a message; a message without any gives its HTML body, where a pasted form keeps its table. */
    private static List<Attachment> attachments(byte[] eml) throws IOException {
        List<Attachment> found = new ArrayList<>();
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
            walk(message, found);
            if (found.isEmpty()) {
                String html = html(message);
                if (html != null) {
                    found.add(new Attachment("邮件正文.html", ("\uFEFF" + html).getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (MessagingException e) {
            throw new IOException(e);
        }
        return found;
    }

    private static String html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private static void walk(Part part, List<Attachment> found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, found);
            }
        } else if (part.isMimeType("message/rfc822") && part.getContent() instanceof Part inner) {
            walk(inner, found);
        } else if (part.getFileName() != null) {
            String name = MimeUtility.decodeText(part.getFileName());
            found.add(new Attachment(name, part.getInputStream().readAllBytes()));
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "?" : name.substring(dot + 1).toLowerCase();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
