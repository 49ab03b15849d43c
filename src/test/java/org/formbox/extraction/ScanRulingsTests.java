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

    @Test
    void theProjectiveTransformationTakesEachCornerToItsPlace() {
        double[][] from = {{100, 100}, {1500, 120}, {90, 2000}, {1520, 1985}};
        double[][] to = {{100, 110}, {1510, 110}, {100, 1990}, {1510, 1990}};
        double[] hm = PageImage.homography(from, to);
        for (int i = 0; i < 4; i++) {
            double z = hm[6] * from[i][0] + hm[7] * from[i][1] + hm[8];
            assertThat((hm[0] * from[i][0] + hm[1] * from[i][1] + hm[2]) / z).isCloseTo(to[i][0], org.assertj.core.data.Offset.offset(0.01));
            assertThat((hm[3] * from[i][0] + hm[4] * from[i][1] + hm[5]) / z).isCloseTo(to[i][1], org.assertj.core.data.Offset.offset(0.01));
        }
    }

    /** A form of ten rows photographed at an angle: its frame a quadrilateral, each border off level. */
    private static BufferedImage photographed() {
        BufferedImage page = new BufferedImage(2000, 2800, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        for (int r = 0; r <= 10; r++) {
            g.fillRect(200, 300 + 180 * r, 1600, 3);
        }
        for (int x : new int[] {200, 700, 1800}) {
            g.fillRect(x, 300, 3, 1803);
        }
        g.dispose();
        // the camera's view: the top of the sheet further away and narrower, one side nearer
        double[][] flat = {{200, 300}, {1800, 300}, {200, 2100}, {1800, 2100}};
        double[][] seen = {{260, 330}, {1760, 290}, {200, 2100}, {1820, 2140}};
        return PageImage.warp(page, PageImage.homography(seen, flat));
    }

    @Test
    void aPhotographedFrameIsMadeARectangleAgainAndItsRowsComeOutWhole() {
        BufferedImage photo = photographed();
        // as photographed, borders off level by 20 pixels are found in pieces that make rows of no height
        List<List<List<double[]>>> before = BoxTables.ruledCells(PageImage.rulings(photo), true);
        assertThat(before.stream().mapToInt(List::size).sum()).isNotEqualTo(10);
        double[][] corners = PageImage.frame(PageImage.pieces(photo), photo.getWidth(), photo.getHeight());
        assertThat(corners).isNotNull();
        assertThat(corners[0][0]).isCloseTo(260, org.assertj.core.data.Offset.offset(4.0));
        assertThat(corners[3][1]).isCloseTo(2140, org.assertj.core.data.Offset.offset(4.0));
        BufferedImage squared = PageImage.squared(photo);
        List<List<List<double[]>>> after = BoxTables.ruledCells(PageImage.rulings(squared), true);
        assertThat(after).hasSize(1);
        assertThat(after.get(0)).hasSize(10).allSatisfy(row -> assertThat(row).hasSize(2));
        assertThat(after.get(0)).allSatisfy(row -> assertThat(row.get(0)[3] - row.get(0)[1]).isBetween(160.0, 200.0));
    }

    @Test
    void aPageWhoseFrameIsARectangleIsLeftAsItIs() {
        BufferedImage page = table(false);
        assertThat(PageImage.squared(page)).isSameAs(page);
    }
}
