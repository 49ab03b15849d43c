package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A fax page: told from a grey one, its specks taken off, its marks kept, enlarged smoothly. */
class BilevelPageTests {

    private static BufferedImage page(int type) {
        BufferedImage page = new BufferedImage(300, 200, type);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 200);
        g.setColor(Color.BLACK);
        g.fillRect(20, 20, 200, 2); // a ruling
        g.fillRect(40, 60, 2, 30); // a stroke
        g.fillRect(100, 100, 2, 2); // a decimal point at 150 dpi
        g.dispose();
        return page;
    }

    @Test
    void tellsABlackAndWhitePageFromAGreyOne() {
        assertThat(BilevelPage.bilevel(page(BufferedImage.TYPE_BYTE_BINARY))).isTrue();
        assertThat(BilevelPage.bilevel(page(BufferedImage.TYPE_INT_RGB))).as("a fax drawn in colour").isTrue();
        BufferedImage photo = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int v = 120 + x * 120 / 300;
                photo.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        assertThat(BilevelPage.bilevel(photo)).isFalse();
    }

    @Test
    void takesOffSingleSpecksAndKeepsStrokesRulingsAndPoints() {
        BufferedImage fax = page(BufferedImage.TYPE_BYTE_BINARY);
        fax.setRGB(150, 150, 0); // specks
        fax.setRGB(250, 40, 0);
        fax.setRGB(251, 40, 0);

        BufferedImage clean = BilevelPage.prepare(fax, 150, 1);

        assertThat(clean.getRaster().getSample(150, 150, 0)).isEqualTo(255);
        assertThat(clean.getRaster().getSample(250, 40, 0)).isEqualTo(255);
        assertThat(clean.getRaster().getSample(100, 20, 0)).isLessThan(160);
        assertThat(clean.getRaster().getSample(41, 75, 0)).isLessThan(160);
        assertThat(clean.getRaster().getSample(101, 101, 0)).as("the point").isLessThan(200);
    }

    @Test
    void enlargesAStrokeWithSmoothEdgesNotAsBlocks() {
        BufferedImage big = BilevelPage.prepare(page(BufferedImage.TYPE_BYTE_BINARY), 150, 2);

        assertThat(big.getWidth()).isEqualTo(600);
        assertThat(big.getRaster().getSample(81, 150, 0)).as("the stroke's middle").isLessThan(100);
        int edge = big.getRaster().getSample(79, 150, 0);
        assertThat(edge).as("grey at its edge").isBetween(30, 230);
    }
}
