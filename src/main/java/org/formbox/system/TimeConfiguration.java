package org.formbox.system;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every component asks for "now", in the configured zone ({@code formbox.time-zone}).
 * Tests replace it with a fixed or movable clock to exercise deadlines and reminders.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(CallSettings settings) {
        return Clock.system(settings.timeZone());
    }
}
