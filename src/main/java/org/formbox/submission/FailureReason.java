package org.formbox.submission;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failure reasons that mean something to the sender beyond "could not be read", written into
 * {@code submission.failure_reason} by the intake and recognised by the reply.
 */
public final class FailureReason {

    private static final String TOO_LARGE = "message too large: ";
    private static final Pattern TOO_LARGE_SIZES = Pattern.compile("^message too large: (\\d+) bytes, limit (\\d+) bytes");

    private FailureReason() {
    }

    /** The reason of a message over the intake's size limit. */
    public static String tooLarge(long size, long limit) {
        return TOO_LARGE + size + " bytes, limit " + limit + " bytes";
    }

    /** The message's size and the limit, when the reason says the message was too large. */
    public static Optional<long[]> tooLargeSizes(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        Matcher m = TOO_LARGE_SIZES.matcher(reason);
        return m.find() ? Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))}) : Optional.empty();
    }
}
