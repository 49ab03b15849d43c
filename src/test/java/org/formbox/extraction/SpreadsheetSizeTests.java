package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.formbox.forms.Annex;
import org.formbox.forms.Unreadable;
import org.junit.jupiter.api.Test;

class SpreadsheetSizeTests {

    /** A sparse sheet of a million rows, one number each, as an OA export might write it: about 7.5 MB. */
    static byte[] millionRows() throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet("导出");
            for (int r = 0; r < 1_000_000; r++) {
                sheet.createRow(r).createCell(r % 7).setCellValue(r);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    @Test
    void millionRowSheetIsTooLargeWithinSecondsAndWithoutLoadingIt() throws Exception {
        byte[] xlsx = millionRows();
        assertThat(xlsx.length).isBetween(5_000_000, 10_000_000);
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        ReadDocument read = new DocumentReader().read("附件2.xlsx", xlsx);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("million-row .xlsx (%.1f MB): %s in %d ms, heap %+d MB%n", xlsx.length / 1e6,
                read.unreadable(), took.toMillis(), (after - before) / 1_000_000);
        assertThat(read.annex()).isEqualTo(Annex.UNREADABLE);
        assertThat(read.unreadable()).isEqualTo(Unreadable.TOO_LARGE);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void filledSurveyWorkbookPassesTheGate() throws Exception {
        byte[] xlsx = Files.readAllBytes(Path.of("sample-submissions/docs/e03-annex2.xlsx"));
        assertThat(SpreadsheetSize.fits(xlsx)).isTrue();
        assertThat(new DocumentReader().read("附件2.xlsx", xlsx).annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
    }

    @Test
    void sheetJustOverTheRowLimitIsRefusedAndOneUnderItIsNot() throws Exception {
        assertThat(SpreadsheetSize.fits(rows(SpreadsheetSize.MAX_ROWS))).isTrue();
        assertThat(SpreadsheetSize.fits(rows(SpreadsheetSize.MAX_ROWS + 1))).isFalse();
    }

    private static byte[] rows(int n) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet();
            for (int r = 0; r < n; r++) {
                sheet.createRow(r).createCell(0).setCellValue("行" + r);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }
}
