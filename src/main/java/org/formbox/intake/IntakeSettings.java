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
 */
@ConfigurationProperties("formbox.intake")
public record IntakeSettings(@DefaultValue("3") int maxAttempts,
                             @DefaultValue("PT30S") Duration retryDelay,
                             @DefaultValue("PT30M") Duration maxRetryDelay,
                             @DefaultValue("PT2M") Duration messageTimeout,
                             @DefaultValue("true") boolean reconcile) {
}
