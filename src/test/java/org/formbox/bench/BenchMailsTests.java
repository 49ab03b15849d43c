package org.formbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.formbox.extraction.DocumentReader;
import org.formbox.extraction.ReadDocument;
import org.formbox.forms.FieldValue;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's messages: every one a distinct enterprise in every format, and every renamed document
 * read by the service's own reader as its original is, field for field, with the new name in place of
 * the old.
 */
class BenchMailsTests {

    private static final DocumentReader READER = new DocumentReader();
    private static final Path DOCS = Path.of("sample-submissions/docs");

    @Test
    void everyMessageIsItsOwnEnterpriseAndEveryRenamedDocumentReadsAllTheFieldsOfItsOriginal() throws IOException {
        BenchMails bench = new BenchMails("t");
        int n = 40; // two rounds of the mix: every kind, every .docx set
        List<BenchMails.Mail> mails = BenchMails.make("t", n);
        Set<String> enterprises = new HashSet<>();
        Map<String, ReadDocument> originals = new HashMap<>();
        Set<BenchMails.Kind> kinds = new HashSet<>();
        for (int i = 0; i < n; i++) {
            BenchMails.Mail mail = mails.get(i);
            String set = BenchMails.set(i);
            kinds.add(mail.kind());
            assertThat(enterprises.add(mail.enterprise())).as("message %d: %s", i, mail.enterprise()).isTrue();
            assertThat(mail.enterprise()).isNotEqualTo(bench.originalName(set, false));
            assertThat(mail.documents()).hasSize(2);
            for (var d : mail.documents().entrySet()) {
                String annex = d.getKey().contains("附件1") ? "annex1" : "annex2";
                String ext = d.getKey().substring(d.getKey().lastIndexOf('.') + 1);
                String file = set + "-" + annex + "." + ext;
                String from = bench.originalName(set, annex.equals("annex1"));
                String to = bench.rename(i, from);
                ReadDocument original = originals.computeIfAbsent(file, f -> READER.read(f, bytes(f)));
                ReadDocument renamed = READER.read(d.getKey(), d.getValue());

                assertThat(renamed.annex()).as(file).isEqualTo(original.annex());
                assertThat(renamed.fields().keySet()).as(file).isEqualTo(original.fields().keySet());
                for (FieldValue value : original.fields().values()) {
                    FieldValue now = renamed.fields().get(value.key());
                    assertThat(now.number()).as(file + " " + value.key()).isEqualTo(value.number());
                    assertThat(now.text()).as(file + " " + value.key())
                            .isEqualTo(value.text() == null ? null : value.text().replace(from, to));
                }
                String key = annex.equals("annex2") ? "enterprise_name" : "lead_organization";
                assertThat(original.fields().get(key).text()).as(file).isEqualTo(from);
                assertThat(renamed.fields().get(key).text()).as(file).isEqualTo(to);
                if (annex.equals("annex2")) {
                    assertThat(to).isEqualTo(mail.enterprise());
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(BenchMails.Kind.values());
    }

    @Test
    void aWord97NameIsReplacedByOneOfTheSameLengthAndPoiReadsTheNewName() throws IOException {
        byte[] doc = bytes("e02-annex2.doc");
        String from = "宁波恒锐精密轴承有限公司";
        String to = "宁波甬芯康密轴承有限公司";

        byte[] renamed = Renames.inWord97(doc, from, to);

        assertThat(renamed).hasSameSizeAs(doc);
        try (WordExtractor text = new WordExtractor(new HWPFDocument(new ByteArrayInputStream(renamed)))) {
            assertThat(text.getText()).contains(to).doesNotContain(from);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Renames.inWord97(doc, from, "宁波甬芯有限公司"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPdfNameIsShownWithOtherGlyphsOfItsOwnSubsetAndReadsBackAsTheNewName() throws IOException {
        byte[] pdf = bytes("e04-annex2.pdf");
        String from = "宁波海瑞新材料有限公司";
        String alphabet = Renames.pdfAlphabet(pdf, from);
        String to = "宁波" + alphabet.substring(0, 3) + "材料有限公司";

        byte[] renamed = Renames.inPdf(pdf, from, to);

        assertThat(alphabet.length()).isGreaterThan(100);
        try (PDDocument d = Loader.loadPDF(renamed)) {
            String text = new PDFTextStripper().getText(d);
            assertThat(text).contains(to).doesNotContain(from);
        }
        // a character the subset does not hold cannot be shown
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Renames.inPdf(pdf, from, "宁波鑫鑫鑫材料有限公司"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(DOCS.resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
