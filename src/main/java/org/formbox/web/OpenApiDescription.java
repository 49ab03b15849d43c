package org.formbox.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the staff API: {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    @Bean
    OpenAPI formboxApi() {
        return new OpenAPI()
                .info(new Info().title("Formbox staff API").version("1")
                        .description("Stored submissions of the call (" + org.formbox.forms.FieldCatalog.definition().shortName() + "), their findings, the export and the digest. "
                                + "HTTP Basic with a staff account; overrides and the digest need the COORDINATOR role. "
                                + "Statuses: ACCEPTED, NEEDS_CORRECTION, NO_FORM, NEEDS_ANSWER (no form, written by a "
                                + "person: acknowledged once, waiting for staff to answer), IGNORED, FAILED. Every time in "
                                + "the JSON is an instant in UTC, ISO-8601 (2026-11-28T02:00:00Z); pages, replies, the "
                                + "workbook and the digest show times in formbox.time-zone (default Asia/Shanghai)."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
