package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.formbox.forms.Annex;
import org.formbox.forms.ValueSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The stamped form scanned or photographed and pasted into a Word document, which is then sent as
 * the .docx or .doc. The fixtures of {@code extraction/pictures} were made by LibreOffice 7 from HTML
 * pages holding the habit fixtures' scan and photo (converted to .docx, and the photo's .docx to .doc);
 * the letter holds a photo of a building.
 */
class PicturesInDocumentsTests {

    private static final DocumentReader READER = new DocumentReader();
    private static final Path PICTURES = Path.of("src/test/resources/extraction/pictures");
    private static final Path HABITS = Path.of("src/test/resources/habits/docs");

    @Test
    void aScanPastedIntoWordIsReadAsTheScanItself() throws IOException {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        ReadDocument pasted = READER.read("附件2（盖章扫描件）.docx", Files.readAllBytes(PICTURES.resolve("scan-pasted-into-word-hx.docx")));
        ReadDocument scan = READER.read("scan.jpg", Files.readAllBytes(HABITS.resolve("scan-template-hx.jpg")));

        assertThat(pasted.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(pasted.fields()).hasSizeGreaterThan(40);
        assertThat(Accuracy.values(pasted.fields())).isEqualTo(Accuracy.values(scan.fields()));
        assertThat(pasted.fields().values()).allSatisfy(v -> assertThat(v.source()).isEqualTo(ValueSource.OCR));
    }

    @Test
    void aPhonePhotoPastedIntoAWord97DocumentIsReadAsThePhotoItself() throws IOException {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        ReadDocument pasted = READER.read("附件2.doc", Files.readAllBytes(PICTURES.resolve("photo-pasted-into-word-yt.doc")));
        ReadDocument photo = READER.read("photo.jpg", Files.readAllBytes(HABITS.resolve("photo-own-layout-yt.jpg")));

        assertThat(pasted.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(Accuracy.values(pasted.fields())).isEqualTo(Accuracy.values(photo.fields())).hasSizeGreaterThan(25);
    }

    @Test
    void aLetterWithAPhotoInItStaysALetter() throws IOException {
        ReadDocument letter = READER.read("说明.docx", Files.readAllBytes(PICTURES.resolve("letter-with-photo.docx")));

        assertThat(letter.unreadable()).isNull();
        assertThat(letter.annex()).isEqualTo(Annex.OTHER);
    }

    @Test
    void onlyPicturesOfPageSizeAreTakenOut() throws IOException {
        assertThat(EmbeddedPictures.of(Format.DOCX, Files.readAllBytes(PICTURES.resolve("scan-pasted-into-word-hx.docx"))))
                .singleElement().satisfies(p -> assertThat(p).isEqualTo(Files.readAllBytes(HABITS.resolve("scan-template-hx.jpg"))));
        assertThat(EmbeddedPictures.of(Format.DOC, Files.readAllBytes(PICTURES.resolve("photo-pasted-into-word-yt.doc")))).hasSize(1);
        // the letter's photo is 1200 × 900: a page of a form could be that small, so it is looked at too
        assertThat(EmbeddedPictures.of(Format.DOCX, Files.readAllBytes(PICTURES.resolve("letter-with-photo.docx")))).hasSize(1);
        // a document with only a logo-sized picture has none
        assertThat(EmbeddedPictures.of(Format.DOCX, Files.readAllBytes(Path.of("src/test/resources/extraction/annex2-seed.docx"))))
                .isEmpty();
    }

}
