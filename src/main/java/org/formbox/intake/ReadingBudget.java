package org.formbox.intake;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The heap the attachment readers may use at the same time. Each read takes a share sized by its
 * attachment (an office file's object model costs several times its bytes) before it starts and
 * gives it back after, so that two large attachments, in one message or in two, are read one
 * after the other instead of together; an attachment whose share would be more than the whole
 * budget is not read at all. Without it, a few large attachments read side by side ran a 512 MB
 * heap out of memory, and H2 closed the database.
 */
final class ReadingBudget {

    /** How many times its size an attachment's reading is reckoned to cost. */
    static final int COST_FACTOR = 8;

    private final Semaphore kilobytes;
    private final int totalKb;

    /** A budget of this share of the maximum heap. */
    static ReadingBudget ofHeap(double share) {
        return new ReadingBudget((long) (Runtime.getRuntime().maxMemory() * share));
    }

    ReadingBudget(long bytes) {
        this.totalKb = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / 1024));
        this.kilobytes = new Semaphore(totalKb, true);
    }

    /** The share an attachment of this size takes, in kilobytes. */
    int share(long size) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, size * COST_FACTOR / 1024));
    }

    /** Whether an attachment of this size can be read at all within the budget. */
    boolean fits(long size) {
        return share(size) <= totalKb;
    }

    /** Waits up to the deadline (System.nanoTime) for the share; false when it did not come. */
    boolean acquire(long size, long deadline) throws InterruptedException {
        return kilobytes.tryAcquire(share(size), Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    void release(long size) {
        kilobytes.release(share(size));
    }
}
