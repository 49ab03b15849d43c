package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A red company stamp taken off a colour scan, and what was printed under it kept. */
class PageCleaningTests {

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xff;
    }

    /** A page with a border and a block of print, a red stamp over both, laid on as the given kind of ink. */
    private static BufferedImage stamped(boolean translucent) {
        BufferedImage page = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 400);
        g.setColor(Color.BLACK);
        g.fillRect(0, 200, 600, 3); // a border
        g.fillRect(250, 120, 40, 40); // print
        Color red = new Color(215, 25, 35);
        if (translucent) {
            // laid over the print, as a seal put on the scan or a translucent ink: the print shows through darker
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.78f));
            g.setColor(red);
            g.fillOval(150, 50, 300, 300);
        } else {
            // soaked into the paper: where there is print, the print stays black
            g.setColor(red);
            for (int y = 50; y < 350; y++) {
                for (int x = 150; x < 450; x++) {
                    if (Math.hypot(x - 300, y - 200) < 150 && (page.getRGB(x, y) & 0xffffff) == 0xffffff) {
                        page.setRGB(x, y, red.getRGB());
                    }
                }
            }
        }
        g.dispose();
        return page;
    }

    @Test
    void aStampLaidOverThePrintGoesAndThePrintUnderItStays() {
        BufferedImage clean = PageCleaning.withoutStamps(stamped(true));
        assertThat(grey(clean, 200, 100)).isEqualTo(255); // the stamp on paper
        assertThat(grey(clean, 270, 140)).isLessThan(80); // the print under it
        assertThat(grey(clean, 300, 201)).isLessThan(80); // the border under it
        assertThat(grey(clean, 50, 201)).isZero(); // the border beside it
    }

    @Test
    void aStampSoakedIntoThePaperGoesAndThePrintStaysBlack() {
        BufferedImage clean = PageCleaning.withoutStamps(stamped(false));
        assertThat(grey(clean, 200, 100)).isEqualTo(255);
        assertThat(grey(clean, 270, 140)).isZero();
        assertThat(grey(clean, 300, 201)).isZero();
    }
}
