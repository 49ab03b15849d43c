package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.formbox.forms.ValueSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PDFs from a "PDF printer" (the document printed to PostScript and distilled by Ghostscript,
 * {@code src/test/resources/extraction/pdf-printer/make-printed.sh}): the pages show the text, but the
 * fonts carry no map from glyphs to characters, so the text layer gives only garbage. Such a PDF is
 * read like a scan, from its pages as drawn.
 */
class PrintedPdfTests {

    private static final Path PRINTED = Path.of("src/test/resources/extraction/pdf-printer");
    private static final Path DOCS = Path.of("sample-submissions/docs");

    private final DocumentReader reader = new DocumentReader();

    @Test
    void thePrintersTextLayerHoldsNoneOfTheFormsWordsAndIsToldFromAGoodOne() throws Exception {
        for (String name : new String[] {"annex1-printed.pdf", "annex2-printed.pdf"}) {
            try (PDDocument pdf = Loader.loadPDF(PRINTED.resolve(name).toFile())) {
                assertThat(new PDFTextStripper().getText(pdf)).as(name).doesNotContain("宁波海瑞", "项目", "企业");
                assertThat(PdfPages.read(pdf).unmapped()).as(name).isTrue();
            }
        }
        for (File good : DOCS.toFile().listFiles((dir, n) -> n.endsWith(".pdf"))) {
            try (PDDocument pdf = Loader.loadPDF(good)) {
                assertThat(PdfPages.read(pdf).unmapped()).as(good.getName()).isFalse();
            }
        }
    }

    @Test
    void aPrintedSurveyReadsToTheFieldsOfTheOriginal() throws Exception {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        ReadDocument original = reader.read("e04-annex2.pdf", Files.readAllBytes(DOCS.resolve("e04-annex2.pdf")));
        ReadDocument printed = reader.read("附件2.pdf", Files.readAllBytes(PRINTED.resolve("annex2-printed.pdf")));

        assertThat(printed.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        // 35 of 45 when this was written: OCR's usual misreadings (44% as 440, 6/15 as 6115), never an empty form
        assertThat(sameValues(original.fields(), printed.fields())).as("fields read as in the original, of %d", original.fields().size())
                .isGreaterThanOrEqualTo(33);
        assertThat(printed.fields().values()).allSatisfy(v -> assertThat(v.source()).isEqualTo(ValueSource.OCR));
    }

    @Test
    void aPrintedProposalGivesItsSectionsAndItsFigures() throws Exception {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        ReadDocument original = reader.read("e04-annex1.docx", Files.readAllBytes(DOCS.resolve("e04-annex1.docx")));
        ReadDocument printed = reader.read("附件1.pdf", Files.readAllBytes(PRINTED.resolve("annex1-printed.pdf")));

        assertThat(printed.annex()).isEqualTo(Annex.valueOf("ANNEX_1"));
        java.util.List<String> sections = original.fields().keySet().stream().filter(k -> k.contains(".")).toList();
        assertThat(sections).hasSize(15);
        // 13 of the 15 outline sections when this was written (the last two headings misread)
        assertThat(sections.stream().filter(printed.fields()::containsKey).count()).isGreaterThanOrEqualTo(13);
        for (String figure : new String[] {"total_budget", "requested_funding", "self_raised_funding"}) {
            assertThat(printed.fields().get(figure)).as(figure).isNotNull();
            assertThat(printed.fields().get(figure).number()).as(figure).isEqualByComparingTo(original.fields().get(figure).number());
        }
    }

    private static int sameValues(Map<String, FieldValue> expected, Map<String, FieldValue> found) {
        SortedMap<String, String> want = Accuracy.values(expected);
        SortedMap<String, String> got = Accuracy.values(found);
        int same = 0;
        for (var e : want.entrySet()) {
            String g = got.get(e.getKey());
            if (g != null && Text.halfWidth(g).replaceAll("\\s+", "").equals(Text.halfWidth(e.getValue()).replaceAll("\\s+", ""))) {
                same++;
            }
        }
        return same;
    }
}
