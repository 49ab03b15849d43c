package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.formbox.forms.Annex;
import org.formbox.forms.Unreadable;
import org.junit.jupiter.api.Test;

class ScanReadingTests {

    private static byte[] picture(String format) throws Exception {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 180, 120));
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void answersAPhotoThatIsNoFormAsAScanNeverAsAnUnknownFormat() throws Exception {
        for (String format : new String[] {"jpg", "png"}) {
            ReadDocument read = new DocumentReader().read("IMG_0001." + format, picture(format));

            assertThat(read.annex()).isEqualTo(Annex.UNREADABLE);
            assertThat(read.unreadable()).isEqualTo(Unreadable.SCANNED);
        }
    }

    @Test
    void saysAScanWasNotReadWhenOcrCannotRunHere() {
        assertThat(ReadFailures.reason(new ScanContent.OcrUnavailable())).isEqualTo(Unreadable.SCANNED);
    }

    @Test
    void straightensATiltedPage() {
        BufferedImage page = new BufferedImage(800, 1000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 1000);
        g.setColor(Color.BLACK);
        for (int y = 100; y < 900; y += 40) {
            g.fillRect(80, y, 640, 3);
        }
        g.dispose();
        BufferedImage tilted = PageImage.rotate(page, 2.0);

        assertThat(Math.abs(PageImage.skew(tilted) - 2.0)).isLessThan(0.3);
    }
}
