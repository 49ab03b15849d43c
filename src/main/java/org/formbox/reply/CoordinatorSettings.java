package org.formbox.reply;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coordinator ({@code formbox.coordinator.*}); the digest's schedule, {@code formbox.digest.cron},
 * is read by its route.
 *
 * @param address who receives the digest
 */
@ConfigurationProperties("formbox.coordinator")
public record CoordinatorSettings(@DefaultValue("coordinator@formbox.test") String address) {
}
