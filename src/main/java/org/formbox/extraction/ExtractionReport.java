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
 * <pre>
 * mvn -q -o compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:$(cat cp.txt) org.formbox.extraction.ExtractionReport sample-submissions
 * </pre>
 */
public final class ExtractionReport {

    private final DocumentReader reader = new DocumentReader();
    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final Map<String, int[]> byFormat = new TreeMap<>();

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
                    for (Attachment a : attachments(Files.readAllBytes(file))) {
                        report(name + " » " + a.name(), a.name(), a.content(), expectation(expected, name, a.name()));
                    }
                } else {
                    report(name, name, Files.readAllBytes(file), expectation(expected, name, null));
                }
            }
        }
        byFormat.forEach((format, n) -> out.printf("accuracy %-6s %d/%d fields right (%.1f%%)%n", format, n[0], n[1],
                n[1] == 0 ? 0.0 : 100.0 * n[0] / n[1]));
    }

    private void report(String title, String name, byte[] content, JsonNode expected) {
        ReadDocument read = reader.read(name, content);
        int wanted = switch (read.annex()) {
            case ANNEX_2 -> FieldCatalog.annex2Fields().size();
            case ANNEX_1 -> FieldCatalog.sections().size() + FieldCatalog.projectFacts().size();
            default -> 0;
        };
        out.printf("%s: %s%s, %d/%d fields%n", title, read.annex(),
                read.unreadable() == null ? "" : " (" + read.unreadable() + ")", read.fields().size(), wanted);
        new TreeMap<>(read.fields()).forEach((k, v) -> out.printf("  %s = %s%n", k, shown(v)));
        if (expected != null) {
            score(extension(name), read, expected);
        }
    }

    private void score(String format, ReadDocument read, JsonNode expected) {
        int[] n = byFormat.computeIfAbsent(format, f -> new int[2]);
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            boolean right = e.getKey().equals("annex") ? e.getValue().asText().equals(read.annex().name())
                    : matches(e.getKey(), e.getValue(), read.fields().get(e.getKey()));
            n[1]++;
            if (right) {
                n[0]++;
            } else {
                out.printf("  MISMATCH %s: expected %s, found %s%n", e.getKey(), e.getValue(), shown(read.fields().get(e.getKey())));
            }
        }
    }

    private static boolean matches(String key, JsonNode want, FieldValue got) {
        if (want == null || want.isNull() || want.asText().isBlank()) {
            return got == null || got.blank();
        }
        if (got == null) {
            return false;
        }
        boolean numeric = FieldCatalog.byKey(key).map(FieldDef::type).map(t -> t.numeric()).orElse(false);
        if (want.isNumber() || numeric && got.number() != null) {
            try {
                return got.number() != null && got.number().compareTo(new BigDecimal(want.asText())) == 0;
            } catch (NumberFormatException e) {
                return want.asText().strip().equals(got.text());
            }
        }
        return Text.halfWidth(want.asText()).replaceAll("\\s+", "").equals(Text.halfWidth(got.text()).replaceAll("\\s+", ""));
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

    private static List<Attachment> attachments(byte[] eml) throws IOException {
        List<Attachment> found = new ArrayList<>();
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
            walk(message, found);
        } catch (MessagingException e) {
            throw new IOException(e);
        }
        return found;
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
