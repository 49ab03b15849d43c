package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.formbox.forms.Unreadable;
import org.formbox.support.Pictures;
import org.junit.jupiter.api.Test;

/**
 * Pictures that declare more pixels than their bytes suggest: a PNG of zeros of 100 KB can inflate to
 * gigabytes, which decoded whole would take the heap the other messages are read with.
 */
class HugePicturesTests {

    @Test
    void aPictureOfMoreThanAnyCameraMakesIsTooLargeAndIsNotDecoded() throws IOException {
        byte[] png = Pictures.blankPng(30_000, 30_000); // 900 megapixels in ~110 KB

        assertThat(png.length).isLessThan(1 << 20);
        assertThat(new DocumentReader().read("附件2.png", png).unreadable()).isEqualTo(Unreadable.TOO_LARGE);
    }

    @Test
    void aPictureLargerThanTheOcrNeedsIsDecodedAtEveryNthPixel() throws IOException {
        BufferedImage decoded = ScanContent.decode(Pictures.blankPng(12_000, 9_000)); // 108 MP

        assertThat((long) decoded.getWidth() * decoded.getHeight()).isLessThanOrEqualTo(ScanContent.DECODE_PIXELS);
        assertThat(decoded.getWidth()).isEqualTo(12_000 / 3);
        BufferedImage small = ScanContent.decode(Pictures.blankPng(2_000, 2_800));
        assertThat(small.getWidth()).isEqualTo(2_000);
    }
}
