package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.formbox.forms.Annex;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Phones store a portrait photo as the sensor's landscape pixels and write EXIF Orientation 6; ImageIO
 * decodes the pixels as stored. The fixtures are made by {@code extraction/pictures/make-rotated.sh}
 * with jpegtran and exiftool from the habit fixture's phone photo.
 */
class PhotoOrientationTests {

    private static final Path PICTURES = Path.of("src/test/resources/extraction/pictures");

    @Test
    void aPortraitPhotoStoredLandscapeIsReadAsThePhoneShowsIt() throws IOException {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        byte[] stored = Files.readAllBytes(PICTURES.resolve("photo-exif-orientation-6.jpg"));
        assertThat(ScanContent.orientation(stored)).isEqualTo(6);

        ReadDocument read = new DocumentReader().read("IMG_20261203_091501.jpg", stored);
        ReadDocument upright = new DocumentReader().read("upright.jpg", Files.readAllBytes(PICTURES.resolve("photo-upright.jpg")));

        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(upright.fields()).hasSizeGreaterThan(25);
        assertThat(Accuracy.values(read.fields())).isEqualTo(Accuracy.values(upright.fields()));
    }

    @Test
    void aPhotoLyingOnItsSideWithoutExifIsTurnedAsTheOcrsOrientationDetectionSays() throws IOException {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        Assumptions.assumeTrue(Tesseract.hasLanguage("osd"), "tesseract has no orientation data (osd)");
        ReadDocument sideways = new DocumentReader().read("IMG_0042.jpg", Files.readAllBytes(PICTURES.resolve("photo-sideways.jpg")));
        ReadDocument upright = new DocumentReader().read("upright.jpg", Files.readAllBytes(PICTURES.resolve("photo-upright.jpg")));

        assertThat(sideways.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(Accuracy.values(sideways.fields())).isEqualTo(Accuracy.values(upright.fields()));
    }

    @Test
    void aScanFedUpsideDownIsTurnedWhenItsFirstReadingFindsLittle() throws IOException {
        Assumptions.assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        Assumptions.assumeTrue(Tesseract.hasLanguage("osd"), "tesseract has no orientation data (osd)");
        ReadDocument upsideDown = new DocumentReader().read("scan.jpg", Files.readAllBytes(PICTURES.resolve("scan-upside-down.jpg")));
        ReadDocument upright = new DocumentReader().read("scan.jpg",
                Files.readAllBytes(Path.of("src/test/resources/habits/docs/scan-template-hx.jpg")));

        assertThat(upsideDown.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(upright.fields()).hasSizeGreaterThan(40);
        // the turn is not exact at the page's last row of blocks (2,391 rows are no whole number of
        // 16-row blocks), so the OCR may read a value or two differently
        Map<String, String> turned = Accuracy.values(upsideDown.fields());
        long same = Accuracy.values(upright.fields()).entrySet().stream().filter(e -> e.getValue().equals(turned.get(e.getKey()))).count();
        assertThat(same).isGreaterThanOrEqualTo(upright.fields().size() - 2);
    }

    @Test
    void readsTheTurnFromTesseractsOrientationReport() {
        assertThat(Tesseract.turn("Page number: 0\nOrientation in degrees: 90\nRotate: 270\nOrientation confidence: 5.32\n"
                + "Script: Han\nScript confidence: 3.1\n")).isEqualTo(270);
        assertThat(Tesseract.turn("Rotate: 90\nOrientation confidence: 0.4\n")).isZero();
        assertThat(Tesseract.turn("Rotate: 0\nOrientation confidence: 9\n")).isZero();
        assertThat(Tesseract.turn("Too few characters. Skipping this page\n")).isZero();
    }

    @Test
    void theDecodedPictureIsTurned() throws IOException {
        BufferedImage decoded = ScanContent.decode(Files.readAllBytes(PICTURES.resolve("photo-exif-orientation-6.jpg")));
        BufferedImage upright = ScanContent.decode(Files.readAllBytes(PICTURES.resolve("photo-upright.jpg")));

        assertThat(decoded.getWidth()).isEqualTo(upright.getWidth()).isLessThan(decoded.getHeight());
        assertThat(ScanContent.orientation(Files.readAllBytes(PICTURES.resolve("photo-upright.jpg")))).isEqualTo(1);
    }

    /** Each orientation on a 3 × 2 picture: where the stored top-left pixel (red) ends up, and the size shown. */
    @ParameterizedTest
    @CsvSource({"1, 0, 0, 3, 2", "2, 2, 0, 3, 2", "3, 2, 1, 3, 2", "4, 0, 1, 3, 2",
        "5, 0, 0, 2, 3", "6, 1, 0, 2, 3", "7, 1, 2, 2, 3", "8, 0, 2, 2, 3"})
    void turnsAndMirrorsAsExifDefinesEachOrientation(int orientation, int x, int y, int width, int height) {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, 0xFF0000);
        stored.setRGB(1, 0, 0x00FF00); // the next pixel of the top row: shows where the row runs

        BufferedImage shown = ScanContent.upright(stored, orientation);

        assertThat(shown.getWidth()).isEqualTo(width);
        assertThat(shown.getHeight()).isEqualTo(height);
        assertThat(shown.getRGB(x, y) & 0xFFFFFF).isEqualTo(0xFF0000);
        long greens = 0;
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < height; j++) {
                greens += (shown.getRGB(i, j) & 0xFFFFFF) == 0x00FF00 ? 1 : 0;
            }
        }
        assertThat(greens).isEqualTo(1);
    }

}
