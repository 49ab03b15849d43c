package org.formbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.formbox.support.MailboxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The routes of {@code routes/} as the service loads them. */
@MailboxTest
class RoutesTests {

    @Autowired
    CamelContext camel;

    @Test
    void everyRouteSharesTheOneErrorPolicyThatLogsAFailureInOneLineAndDoesNotRedeliver() {
        ModelCamelContext model = (ModelCamelContext) camel;
        assertThat(model.getRouteDefinitions()).extracting(r -> r.getRouteId())
                .contains("mailbox-intake", "reply-outbox", "coordinator-digest", "enterprise-reminders");
        assertThat(model.getRouteDefinitions()).allSatisfy(r ->
                assertThat(r.getRouteConfigurationId()).as(r.getRouteId()).isEqualTo("formbox"));
        RouteConfigurationDefinition shared = model.getRouteConfigurationDefinitions().stream()
                .filter(c -> "formbox".equals(c.getId())).findFirst().orElseThrow();
        var handler = (DefaultErrorHandlerDefinition) shared.getErrorHandler().getErrorHandlerType();
        var policy = handler.getRedeliveryPolicy();
        assertThat(policy.getMaximumRedeliveries()).isEqualTo("0");
        assertThat(policy.getLogStackTrace()).isEqualTo("false");
        assertThat(policy.getLogExhaustedMessageHistory()).isEqualTo("false");
    }
}
