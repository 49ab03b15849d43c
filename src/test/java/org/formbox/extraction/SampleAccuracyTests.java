package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.formbox.forms.Annex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads every document of {@code sample-submissions/docs/} (real files made by LibreOffice) and
 * compares it with {@code sample-submissions/expected/}: the accuracy per format must not fall
 * below what the readers reach today, and the Annex 2 tables in Word and Excel must be read exactly.
 */
class SampleAccuracyTests {

    private static final Path DOCS = Path.of("sample-submissions/docs");
    private static final Path EXPECTED = Path.of("sample-submissions/expected");

    /** Minimum share of fields right per format, at what the readers reach (all samples right). */
    private static final Map<String, Double> MINIMUM = Map.of("docx", 1.0, "doc", 1.0, "xlsx", 1.0, "odt", 1.0, "pdf", 1.0);

    private record Result(String document, String format, Annex wantAnnex, ReadDocument read, ExtractionReport.Score score) {
    }

    private static final List<Result> RESULTS = new ArrayList<>();

    @BeforeAll
    static void readAll() throws IOException {
        DocumentReader reader = new DocumentReader();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path doc : files.sorted().toList()) {
                String name = doc.getFileName().toString();
                Path expected = EXPECTED.resolve(name.substring(0, name.lastIndexOf('.')) + ".json");
                if (!Files.isRegularFile(expected)) {
                    continue; // the zip of sample 08: its entries are e08-annex1/2.docx
                }
                JsonNode want = json.readTree(expected.toFile());
                ReadDocument read = reader.read(name, Files.readAllBytes(doc));
                String format = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
                RESULTS.add(new Result(name, format, Annex.valueOf(want.path("annex").asText()), read,
                        ExtractionReport.score(read, want)));
            }
        }
    }

    @Test
    void readsEverySampleDocumentThatHasAnExpectation() {
        assertThat(RESULTS).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void classifiesEverySampleDocument() {
        assertThat(RESULTS).allSatisfy(r -> assertThat(r.read().annex()).as(r.document()).isEqualTo(r.wantAnnex()));
    }

    @Test
    void reachesTheMinimumAccuracyOfEachFormat() {
        Map<String, int[]> byFormat = new TreeMap<>();
        Map<String, List<String>> wrong = new TreeMap<>();
        for (Result r : RESULTS) {
            int[] n = byFormat.computeIfAbsent(r.format(), f -> new int[2]);
            n[0] += r.score().right();
            n[1] += r.score().total();
            r.score().wrong().forEach(w -> wrong.computeIfAbsent(r.format(), f -> new ArrayList<>()).add(r.document() + " " + w));
        }
        assertThat(byFormat.keySet()).containsAll(MINIMUM.keySet());
        byFormat.forEach((format, n) -> {
            double share = (double) n[0] / n[1];
            assertThat(share).as("%s: %d/%d right; wrong: %s", format, n[0], n[1], wrong.getOrDefault(format, List.of()))
                    .isGreaterThanOrEqualTo(MINIMUM.getOrDefault(format, 1.0));
        });
    }

    @Test
    void readsEveryAnnex2FieldOfWordAndExcelTablesExactly() {
        List<Result> tables = RESULTS.stream()
                .filter(r -> r.wantAnnex() == Annex.valueOf("ANNEX_2") && List.of("docx", "doc", "xlsx").contains(r.format()))
                .toList();
        assertThat(tables).hasSizeGreaterThanOrEqualTo(13);
        assertThat(tables).allSatisfy(r -> {
            assertThat(r.score().total()).as(r.document()).isEqualTo(45);
            assertThat(r.score().wrong()).as(r.document()).isEmpty();
        });
    }

    @Test
    void keepsTheTypedRegionBesideItsCanonicalName() {
        Result e11 = RESULTS.stream().filter(r -> r.document().equals("e11-annex2.docx")).findFirst().orElseThrow();
        assertThat(e11.read().fields().get("region").text()).isEqualTo("奉化区");
        assertThat(e11.read().fields().get("region").raw()).isEqualTo("奉化");
    }
}
