package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.formbox.forms.Unreadable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OFD documents (GB/T 33190), the fixed-layout format of Chinese office and government software.
 * The fixtures in {@code extraction/ofd} were written by ofdrw 2.3.6 (an independent OFD writer) from
 * the PDFs beside them, their text redrawn run by run or character by character through its canvas
 * and their borders as path objects ({@code make-ofd.sh}); {@code outlines-only.ofd} is ofdrw's own
 * PDF converter's output, which draws every character as an outline; {@code scan-template-hx.ofd} is its
 * image converter's, a habit fixture's scan on a page.
 */
class OfdReadingTests {

    private static final DocumentReader READER = new DocumentReader();
    private static final Path OFD = Path.of("src/test/resources/extraction/ofd");

    @ParameterizedTest
    @CsvSource({
        "annex2-seed.ofd, extraction/annex2-seed.pdf",
        "annex1-proposal.ofd, extraction/annex1-proposal.pdf",
        "pdf-own-layout-hx.ofd, habits/docs/pdf-own-layout-hx.pdf",
        "pdf-template-yt-glyphs.ofd, habits/docs/pdf-template-yt.pdf"})
    void readsAnOfdAsWellAsThePdfItWasMadeFrom(String ofd, String pdf) throws IOException {
        ReadDocument fromOfd = READER.read(ofd, Files.readAllBytes(OFD.resolve(ofd)));
        ReadDocument fromPdf = READER.read(pdf, Files.readAllBytes(Path.of("src/test/resources").resolve(pdf)));

        assertThat(fromPdf.annex()).isIn(Annex.valueOf("ANNEX_1"), Annex.valueOf("ANNEX_2"));
        assertThat(fromOfd.unreadable()).isNull();
        assertThat(fromOfd.annex()).isEqualTo(fromPdf.annex());
        assertThat(values(fromOfd.fields())).isEqualTo(values(fromPdf.fields()));
    }

    @Test
    void readsTheCallsSurveyTableFromAnOfd() throws IOException {
        ReadDocument read = READER.read("附件2.ofd", Files.readAllBytes(OFD.resolve("annex2-seed.ofd")));

        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(Accuracy.mismatches(SampleAnswers.expected(), read.fields())).isEmpty();
        assertThat(read.fields().get("enterprise_name").text()).isEqualTo("宁波甬信精密机械有限公司");
    }

    @Test
    void anOfdWhoseCharactersAreOutlinesIsAPictureOfTheForm() throws IOException {
        ReadDocument read = READER.read("附件2.ofd", Files.readAllBytes(OFD.resolve("outlines-only.ofd")));

        assertThat(read.unreadable()).isEqualTo(Unreadable.SCANNED);
    }

    @Test
    void aScannersOfdIsReadByOcrAsThePictureItHolds() throws IOException {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        ReadDocument ofd = READER.read("附件2.ofd", Files.readAllBytes(OFD.resolve("scan-template-hx.ofd")));
        ReadDocument jpg = READER.read("scan.jpg", Files.readAllBytes(Path.of("src/test/resources/habits/docs/scan-template-hx.jpg")));

        assertThat(ofd.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(ofd.fields()).hasSizeGreaterThan(40);
        assertThat(values(ofd.fields())).isEqualTo(values(jpg.fields()));
    }

    @Test
    void placesCharactersByTheirAdvancesTransformAndTemplate() throws Exception {
        // written by hand the way other producers do: the borders on a template page, each object
        // with its own Boundary and CTM (scaled 2×), advances in the g n d shorthand, a page block
        String document = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData>
                <ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>
                <ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>
                <ofd:Pages><ofd:Page ID="1" BaseLoc="./Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>""";
        String template = """
                <ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">
                <ofd:PathObject ID="3" Boundary="20 20 170 30"><ofd:AbbreviatedData>M 0 0 L 170 0 L 170 30 L 0 30 C M 0 15 L 170 15 M 60 0 L 60 30</ofd:AbbreviatedData></ofd:PathObject>
                </ofd:Layer></ofd:Content></ofd:Page>""";
        String page = """
                <ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Template TemplateID="9"/><ofd:Content><ofd:Layer ID="4"><ofd:PageBlock ID="5">
                <ofd:TextObject ID="6" Boundary="22 22 40 10" Size="2"  CTM="2 0 0 2 0 0"><ofd:TextCode X="0" Y="4" DeltaX="g 3 2">企业名称</ofd:TextCode></ofd:TextObject>
                <ofd:TextObject ID="7" Boundary="82 22 100 10" Size="4"><ofd:TextCode X="0" Y="8" DeltaX="4 4 4 4 4 4 4 4 4 4">宁波东方精工有限公司</ofd:TextCode></ofd:TextObject>
                <ofd:TextObject ID="8" Boundary="22 37 40 10" Size="4"><ofd:TextCode X="0" Y="8" DeltaX="4 4 4">法人代表</ofd:TextCode></ofd:TextObject>
                <ofd:TextObject ID="10" Boundary="82 37 100 10" Size="4" Visible="false"><ofd:TextCode X="0" Y="8">草稿</ofd:TextCode></ofd:TextObject>
                <ofd:TextObject ID="11" Boundary="82 37 100 10" Size="4"><ofd:TextCode X="0" Y="8" DeltaX="4 4">李</ofd:TextCode><ofd:TextCode>明华</ofd:TextCode></ofd:TextObject>
                </ofd:PageBlock></ofd:Layer></ofd:Content></ofd:Page>""";
        byte[] ofd = zip(Map.of(
                "OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody>"
                        + "<ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
                "Doc_0/Document.xml", document,
                "Doc_0/Tpls/Tpl_0/Content.xml", template,
                "Doc_0/Pages/Page_0/Content.xml", page));

        DocumentContent content = new ContentReader().read(Format.OFD, ofd);

        assertThat(content.grids()).isNotEmpty();
        assertThat(content.grids().get(0).rows()).hasSize(2);
        assertThat(content.grids().get(0).rows().get(0)).extracting(Cell::text).containsExactly("企业名称", "宁波东方精工有限公司");
        assertThat(content.grids().get(0).rows().get(1)).extracting(Cell::text).containsExactly("法人代表", "李明华");
        assertThat(content.lines()).extracting(Line::text).contains("企业名称 宁波东方精工有限公司").noneMatch(l -> l.contains("草稿"));
    }

    @Test
    void aBrokenOfdIsCorrupt() throws IOException {
        byte[] noDocument = zip(Map.of("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"));
        byte[] missingPage = zip(Map.of(
                "OFD.xml", "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>",
                "Doc_0/Document.xml", "<Document><Pages><Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></Pages></Document>"));
        byte[] badXml = zip(Map.of(
                "OFD.xml", "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>",
                "Doc_0/Document.xml", "<Document><Pages><Page"));
        byte[] entity = zip(Map.of("OFD.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<OFD><DocBody><DocRoot>&e;</DocRoot></DocBody></OFD>"));

        for (byte[] ofd : new byte[][] {noDocument, missingPage, badXml, entity}) {
            assertThat(READER.read("附件2.ofd", ofd).unreadable()).isIn(Unreadable.CORRUPT, Unreadable.SCANNED);
        }
    }

    /**
     * Each field's value; text without its spaces, as PDF text extraction puts one where the layout
     * leaves a gap between Chinese and Latin text (投资 4500万元), and the OFD keeps only the gap.
     */
    private static Map<String, String> values(Map<String, FieldValue> fields) {
        Map<String, String> out = new TreeMap<>(Accuracy.values(fields));
        out.replaceAll((k, v) -> v == null ? null : v.replaceAll("\\s+", ""));
        return out;
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
