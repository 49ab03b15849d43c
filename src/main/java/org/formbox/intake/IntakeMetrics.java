package org.formbox.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.formbox.outbox.OutboxSender;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of the intake and the outbox, under {@code /actuator/metrics}:
 * <ul>
 * <li>{@code formbox.messages.processed} (tag {@code status}): messages the intake route finished,
 *     by the status of the submission they made;</li>
 * <li>{@code formbox.messages.failed}: messages saved as {@code FAILED}, plus attempts that failed
 *     outright (the store was down): those messages stay in the inbox for a later poll;</li>
 * <li>{@code formbox.extraction.time}: one document read ({@link #timeExtraction});</li>
 * <li>{@code formbox.reply.backlog}: replies waiting in the outbox.</li>
 * </ul>
 * The route counts are taken from Camel's exchange events, so the intake code needs no hooks.
 */
@Component
public class IntakeMetrics extends EventNotifierSupport {

    static final String INTAKE_ROUTE = "mailbox-intake";

    private final MeterRegistry registry;
    private final Counter failed;

    public IntakeMetrics(MeterRegistry registry, OutboxSender outbox, CamelContext camel) {
        this.registry = registry;
        this.failed = Counter.builder("formbox.messages.failed").description("messages that could not be processed")
                .register(registry);
        Gauge.builder("formbox.reply.backlog", outbox, OutboxSender::backlog).description("replies waiting to be sent")
                .register(registry);
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreStepEvents(true);
        if (!camel.getManagementStrategy().getEventNotifiers().contains(this)) {
            camel.getManagementStrategy().addEventNotifier(this);
        }
    }

    /**
     * Times one document read as {@code formbox.extraction.time}. Static, on Micrometer's global
     * registry (Spring Boot binds its registry there), so that plain-Java intake code can call it.
     */
    public static <T> T timeExtraction(Supplier<T> read) {
        return Timer.builder("formbox.extraction.time").description("time to read one attachment")
                .register(Metrics.globalRegistry).record(read);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeEvent e) || e.getExchange().getFromRouteId() == null
                || !INTAKE_ROUTE.equals(e.getExchange().getFromRouteId())) {
            return;
        }
        if (event instanceof CamelEvent.ExchangeFailedEvent || e.getExchange().isFailed()) {
            failed.increment();
            return;
        }
        Object body = e.getExchange().getIn().getBody();
        if (body instanceof MailIntake.Outcome outcome) {
            count(outcome);
        } else if (body instanceof BatchIntake.Batch batch) {
            batch.outcomes().forEach(this::count);
            failed.increment(batch.failed());
        }
    }

    private void count(MailIntake.Outcome outcome) {
        Counter.builder("formbox.messages.processed").tag("status", outcome.status().name())
                .description("messages the intake finished, by submission status").register(registry).increment();
        if (outcome.failed()) {
            failed.increment();
        }
    }
}
