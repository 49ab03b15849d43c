package org.formbox.reply;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many replies may go out ({@code formbox.reply.*}); the outbox's poll period is read by its
 * route, {@code routes/reply.camel.yaml}, where its default is.
 *
 * @param maxPerSender replies to one address (its one normalised spelling) within {@code window}
 * @param window       the period {@code maxPerSender} counts
 * @param maxPerHour   replies in all within any hour
 */
@ConfigurationProperties("formbox.reply")
public record ReplySettings(@DefaultValue("10") int maxPerSender,
                            @DefaultValue("PT1H") Duration window,
                            @DefaultValue("600") int maxPerHour) {
}
