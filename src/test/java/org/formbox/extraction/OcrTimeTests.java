package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.formbox.forms.Unreadable;
import org.junit.jupiter.api.Test;

/** OCR within the time a mail may take: bounded runs at once, a second reading only where it pays and fits. */
class OcrTimeTests {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private static List<Box> words(double confidence, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new Box("企业名称", 10 * i, 0, 10 * i + 8, 10, confidence)).toList();
    }

    @Test
    void letsNoMoreRunsStartThanThereAreSlotsAndGivesUpAtTheDeadline() throws Exception {
        OcrSlots slots = new OcrSlots(2);
        slots.acquire(System.nanoTime() + SECOND);
        slots.acquire(System.nanoTime() + SECOND);
        long started = System.nanoTime();

        assertThatThrownBy(() -> slots.acquire(System.nanoTime() + SECOND / 5)).isInstanceOf(InterruptedIOException.class);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(SECOND / 5);

        slots.release();
        slots.acquire(System.nanoTime() + SECOND / 5); // a slot given back is taken by the next run at once
    }

    @Test
    void answersAReadingThatFoundNoFreeCoreInTimeAsATimeoutNotAsACorruptFile() throws Exception {
        int total = OcrSlots.SHARED.total();
        assertThat(total).isEqualTo(Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < total; i++) {
            OcrSlots.SHARED.acquire(System.nanoTime() + SECOND);
        }
        try (Tesseract.Page page = new Tesseract.Page(new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY))) {
            assertThatThrownBy(() -> page.read(Tesseract.Binarisation.GLOBAL, System.nanoTime() + SECOND / 10))
                    .isInstanceOf(InterruptedIOException.class)
                    .satisfies(e -> assertThat(ReadFailures.reason(e)).isEqualTo(Unreadable.TIMEOUT));
        } finally {
            for (int i = 0; i < total; i++) {
                OcrSlots.SHARED.release();
            }
        }
    }

    @Test
    void readsAPageASecondTimeOnlyWhenTheFirstReadingWasUnsureAndTheBudgetAllows() {
        long now = System.nanoTime();
        ScanContent.Time plenty = new ScanContent.Time(now + 25 * SECOND, now + 80 * SECOND);
        ScanContent.Time nearlySpent = new ScanContent.Time(now + 3 * SECOND, now + 60 * SECOND);

        assertThat(ScanContent.secondReading(false, words(0.93, 40), 4 * SECOND, plenty)).as("a sure reading").isFalse();
        assertThat(ScanContent.secondReading(false, words(0.55, 40), 4 * SECOND, plenty)).as("an unsure one").isTrue();
        // a black-and-white page thresholds the same either way: a second reading gained 2 fields in 270
        assertThat(ScanContent.secondReading(true, words(0.55, 40), 4 * SECOND, plenty)).as("an unsure fax").isFalse();
        assertThat(ScanContent.secondReading(false, words(0.55, 40), 4 * SECOND, nearlySpent))
                .as("no second reading that would end after the budget").isFalse();
    }
}
