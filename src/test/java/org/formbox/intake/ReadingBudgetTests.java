package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadingBudgetTests {

    @Test
    void largeAttachmentsAreReadOneAfterTheOtherAndOneLargerThanTheBudgetNotAtAll() throws Exception {
        ReadingBudget budget = new ReadingBudget(1024 * 1024);
        long size = 100 * 1024; // reckoned at 800 KB
        assertThat(budget.fits(size)).isTrue();
        assertThat(budget.fits(200 * 1024)).isFalse();
        assertThat(budget.acquire(size, System.nanoTime())).isTrue();
        assertThat(budget.acquire(size, System.nanoTime() + 50_000_000)).as("the second waits for the first").isFalse();
        budget.release(size);
        assertThat(budget.acquire(size, System.nanoTime())).isTrue();
    }
}
