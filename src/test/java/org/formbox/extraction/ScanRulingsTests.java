package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ruling lines of a scanned table: borders kept, baselines of letters dropped, broken borders joined. */
class ScanRulingsTests {

    /** A two-row, three-column table; the bottom-right cell holds an address in a serif face. */
    private static BufferedImage table(boolean brokenBorder) {
        BufferedImage page = new BufferedImage(2400, 3300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        for (int y : new int[] {100, 300, 600}) {
            g.fillRect(100, y, 1500, 3);
        }
        for (int x : new int[] {100, 600, 1300, 1600}) {
            g.fillRect(x, 100, 3, 503);
        }
        if (brokenBorder) {
            g.setColor(Color.WHITE);
            g.fillRect(1299, 420, 6, 30); // the toner left a gap in the border between the two cells
            g.setColor(Color.BLACK);
        }
        // a baseline of ink as long as a narrow cell's border, short of the cell's sides
        g.fillRect(1330, 380, 240, 3);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 40));
        g.drawString("luxf@shik", 1330, 379);
        g.dispose();
        return page;
    }

    @Test
    void aBaselineOfLettersInsideACellIsNotABorder() {
        List<Ruling> rulings = PageImage.rulings(table(false));
        assertThat(rulings).filteredOn(Ruling::horizontal).isNotEmpty()
                .allMatch(r -> r.at() < 350 || r.at() > 400);
        List<List<List<double[]>>> cells = BoxTables.ruledCells(rulings, true);
        assertThat(cells).hasSize(1);
        assertThat(cells.get(0)).hasSize(2); // two rows, not three
        assertThat(cells.get(0).get(1)).hasSize(3);
    }

    @Test
    void keepsALongRuleThatMeetsNoBorderAndEveryRuleOfAPageWithoutVerticals() {
        List<Ruling> rulings = List.of(new Ruling(true, 100, 0, 1000), new Ruling(true, 300, 400, 600),
                new Ruling(false, 0, 100, 300), new Ruling(false, 1000, 100, 300));
        // the short one meets no vertical border: dropped; the long one stays
        assertThat(PageImage.withoutLoose(rulings, 1200)).containsExactly(rulings.get(0), rulings.get(2), rulings.get(3));
        List<Ruling> rules = List.of(new Ruling(true, 100, 0, 1000), new Ruling(true, 300, 400, 600));
        assertThat(PageImage.withoutLoose(rules, 1200)).isEqualTo(rules);
    }

    @Test
    void aBorderWithAGapStillSeparatesItsCells() {
        List<List<List<double[]>>> cells = BoxTables.ruledCells(PageImage.rulings(table(true)), true);
        assertThat(cells).hasSize(1);
        List<double[]> bottom = cells.get(0).get(1);
        assertThat(bottom).hasSize(3);
        assertThat(bottom.get(1)[2]).isBetween(1295.0, 1310.0);
    }
}
