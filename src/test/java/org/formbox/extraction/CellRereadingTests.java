package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unsure table cells of a scan read again one by one, and when the new reading is kept. */
class CellRereadingTests {

    private static Cell cell(String text, double confidence) {
        return new Cell(text, 0, 100, false, Origin.ocr(confidence));
    }

    /** The borders of a one-row table of two cells on a 900 x 200 page: 20–450 and 450–880, rows 50–170. */
    private static final List<Ruling> RULINGS = List.of(new Ruling(true, 50, 0, 900), new Ruling(true, 170, 0, 900),
            new Ruling(false, 20, 50, 170), new Ruling(false, 450, 50, 170), new Ruling(false, 880, 50, 170));

    /** A white 900 x 200 page with these texts (text, x, ...) drawn at y 120 in a sans-serif face of this size. */
    private static BufferedImage page(int size, Object... textsAndXs) {
        BufferedImage page = new BufferedImage(900, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 200);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        for (int i = 0; i < textsAndXs.length; i += 2) {
            g.drawString((String) textsAndXs[i], (Integer) textsAndXs[i + 1], 120);
        }
        g.dispose();
        return page;
    }

    @Test
    void keepsAnotherTextOnlyWhereTesseractIsSureAndClearlySurer() {
        assertThat(CellRereading.better(cell("研发条伯", 0.71), cell("研发条件", 0.91))).isTrue();
        // surer, but not sure enough: a cut-out cell is read with more confidence also where it is wrong
        assertThat(CellRereading.better(cell("严丽妊", 0.35), cell("产丽妊", 0.72))).isFalse();
        // sure, but hardly surer than before
        assertThat(CellRereading.better(cell("宁波金润精密轴承有限公司", 0.76), cell("宁波金润精密轴素有限公司", 0.85))).isFalse();
        // a per-cent sign read as digits when enlarged
        assertThat(CellRereading.better(cell("41.9%", 0.28), cell("41.9956", 0.93))).isFalse();
        assertThat(CellRereading.better(cell("1185", 0.34), cell("1185", 0.73))).isTrue();
        assertThat(CellRereading.better(cell("1185", 0.68), cell("1185", 0.57))).isFalse();
        assertThat(CellRereading.better(cell("1185", 0.68), cell("", 0))).isFalse();
    }

    @Test
    void fillsAnEmptyCellOnlyWithAReadingThatIsNotAGuess() {
        assertThat(CellRereading.better(cell("", 1), cell("邮箱", 0.91))).isTrue();
        assertThat(CellRereading.better(cell("", 1), cell("帮汇", 0.2))).isFalse();
    }

    @Test
    void readsAgainTheUnsureAndTheInkedEmptyCellsOfARuledTable() throws Exception {
        assumeTrue(Tesseract.available(), "tesseract with chi_sim is not installed");
        BufferedImage page = page(40, "58740", 480);
        // the first reading found nothing in the right-hand cell, and nothing is drawn in the left one
        List<Grid> first = List.of(new Grid(List.of(List.of(new Cell("", 20, 450, false, Origin.ocr(1)),
                new Cell("", 450, 880, false, Origin.ocr(1))))));
        List<Grid> again = CellRereading.reread(page, first, RULINGS, ScanContent.Time.from(System.nanoTime()));
        assertThat(again.get(0).rows().get(0).get(0).text()).isEmpty();
        Cell value = again.get(0).rows().get(0).get(1);
        assertThat(value.text()).isEqualTo("58740");
        assertThat(value.origin().ocr()).isTrue();
    }

    @Test
    void leavesTablesAloneThatWereNotRebuiltFromRulings() throws Exception {
        List<Grid> unruled = List.of(new Grid(List.of(List.of(new Cell("甲", 10, 60, false, Origin.ocr(0.3)),
                new Cell("乙", 80, 120, false, Origin.ocr(0.3))))));
        BufferedImage page = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
        assertThat(CellRereading.reread(page, unruled, List.of(), ScanContent.Time.from(System.nanoTime())))
                .isSameAs(unruled);
    }

    @Test
    void takesAddressesTelephonesAndSharesForLatinCellsButNotPlainNumbersOrChinese() {
        assertThat(CellRereading.latin("chaixy@d ongmao-tex.cn")).isTrue();
        assertThat(CellRereading.latin("lmxfloshik")).isTrue();
        assertThat(CellRereading.latin("0574-62719083")).isTrue();
        assertThat(CellRereading.latin("41.39%")).isTrue();
        assertThat(CellRereading.latin("58740")).isFalse();
        assertThat(CellRereading.latin("宁波东茂纺织服饰有限公司")).isFalse();
        assertThat(CellRereading.latin("GMP洁净车间2000平方米")).isFalse();
        assertThat(CellRereading.latin("5%")).isFalse();
    }

    @Test
    void keepsTheEnglishReadingOfALatinCellWhereItIsSureAndLatin() {
        assertThat(CellRereading.betterLatin(cell("diumlG@lv ding-energy.Co Im", 0.46), cell("qiuml@lv qing-energy.co m", 0.81)))
                .isTrue();
        assertThat(CellRereading.betterLatin(cell("69%", 0.38), cell("6%", 0.97))).isTrue();
        // less sure than the first reading and not sure
        assertThat(CellRereading.betterLatin(cell("0574-", 0.88), cell("OAT7A.", 0.39))).isFalse();
        // letters for the digits of a number, a share or a telephone number
        assertThat(CellRereading.betterLatin(cell("100%", 0.90), cell("1UU%", 0.88))).isFalse();
        assertThat(CellRereading.betterLatin(cell("0574-", 0.30), cell("OAT7A.", 0.80))).isFalse();
        assertThat(CellRereading.betterLatin(cell("41.39%0", 0.34), cell("41.3%", 0.95))).isTrue();
        // the English model's reading of Chinese strokes
        assertThat(CellRereading.betterLatin(cell("7u-", 0.59), cell("以Tbe一", 0.90))).isFalse();
        // a per-cent sign dropped or added
        assertThat(CellRereading.betterLatin(cell("41.9%", 0.30), cell("41.9", 0.96))).isFalse();
        assertThat(CellRereading.betterLatin(cell("", 0), cell("abc@d.cn", 0.96))).isTrue();
    }

    @Test
    void readsAnAddressWithTheEnglishModel() throws Exception {
        assumeTrue(Tesseract.hasLanguage(CellRereading.LATIN), "tesseract's English data is not installed");
        BufferedImage page = page(30, "qiuml@lvqing-energy.com", 470, "邮箱", 60);
        // the Chinese model's reading of the address, as a fax gave it
        List<Grid> first = List.of(new Grid(List.of(List.of(new Cell("邮箱", 20, 450, false, Origin.ocr(0.95)),
                new Cell("diumlG@lvding-energy.Co Im", 450, 880, false, Origin.ocr(0.46))))));
        List<Grid> again = CellRereading.reread(page, first, RULINGS, ScanContent.Time.from(System.nanoTime()));
        assertThat(again.get(0).rows().get(0).get(0).text()).isEqualTo("邮箱");
        Cell value = again.get(0).rows().get(0).get(1);
        assertThat(value.text().replace(" ", "")).isEqualTo("qiuml@lvqing-energy.com");
        assertThat(value.origin().ocr()).isTrue();
    }
}
