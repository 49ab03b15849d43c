package org.formbox.extraction;

import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The cores OCR may use at once, shared by every reader of the process: each tesseract run takes
 * one before it starts and gives it back when it ends, so that two mails with scans, or two scans
 * of one mail, run as many tesseracts as there are cores and the rest wait their turn (first come,
 * first served) instead of slowing every run down. A run that would wait past its document's
 * deadline is abandoned.
 */
final class OcrSlots {

    /** One slot per core, or {@code formbox.ocr.parallel}. */
    static final OcrSlots SHARED = new OcrSlots(Math.max(1, Integer.getInteger("formbox.ocr.parallel",
            Runtime.getRuntime().availableProcessors())));

    private final Semaphore slots;
    private final int total;

    OcrSlots(int total) {
        this.total = total;
        this.slots = new Semaphore(total, true);
    }

    int total() {
        return total;
    }

    /** Runs waiting for a slot now. */
    int waiting() {
        return slots.getQueueLength();
    }

    /** Waits for a slot until the deadline (System.nanoTime); past it, InterruptedIOException (a timeout). */
    void acquire(long deadline) throws InterruptedIOException, InterruptedException {
        if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new InterruptedIOException("no core free for OCR before the deadline");
        }
    }

    void release() {
        slots.release();
    }
}
