package org.formbox.intake;

import org.formbox.submission.FailureReason;

/** A message over the intake's size limit: kept in the archive, never read into memory. */
final class TooLargeException extends Exception {

    TooLargeException(long size, long limit) {
        super(FailureReason.tooLarge(size, limit), null, false, false);
    }

    /** The reason alone, as the store keeps it (without the class name). */
    @Override
    public String toString() {
        return getMessage();
    }
}
