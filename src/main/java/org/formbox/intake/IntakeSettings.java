package org.formbox.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one message may cost the intake ({@code formbox.intake.*}).
 *
 * @param maxAttempts    a message that fails this many times is saved as {@code FAILED} and moved to the failed folder
 * @param retryDelay     the wait after a first failure (or a failed move); doubled after each further one
 * @param maxRetryDelay  the longest wait between two attempts on one message
 * @param messageTimeout reading one message, all its attachments together, stops after this; what is left is unreadable
 * @param reconcile      at start, process every archived message that has no submission
 * @param maxMessageSize a larger message is streamed to the archive, never into memory, and saved as
 *                       {@code FAILED} with a reply asking for smaller mails; with the default heap
 *                       (-Xmx512m) keep it at most about a tenth of the heap
 */
@ConfigurationProperties("formbox.intake")
public record IntakeSettings(@DefaultValue("3") int maxAttempts,
                             @DefaultValue("PT30S") Duration retryDelay,
                             @DefaultValue("PT30M") Duration maxRetryDelay,
                             @DefaultValue("PT2M") Duration messageTimeout,
                             @DefaultValue("true") boolean reconcile,
                             @DefaultValue("30MB") org.springframework.util.unit.DataSize maxMessageSize) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public IntakeSettings {
    }

    /** The settings with the default size limit. */
    public IntakeSettings(int maxAttempts, Duration retryDelay, Duration maxRetryDelay, Duration messageTimeout,
                          boolean reconcile) {
        this(maxAttempts, retryDelay, maxRetryDelay, messageTimeout, reconcile,
                org.springframework.util.unit.DataSize.ofMegabytes(30));
    }
}
