package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.formbox.FormboxApplication;
import org.formbox.forms.CallDefinition;
import org.formbox.forms.CallDefinitions;
import org.formbox.forms.DefinitionException;
import org.formbox.forms.FieldCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/**
 * A definition an operator got wrong never reaches a sender: it is refused at start with the
 * file, the line and what to change.
 */
class DefinitionCheckTests {

    private static final Path SHIPPED = Path.of("calls/kjcx-2025.yaml");
    private static final Path THREE_FORMS = Path.of("src/test/resources/calls/zjtx-2026.yaml");

    @Test
    void theShippedDefinitionIsAccepted() throws IOException {
        CallDefinition definition = read(text());

        assertThat(definition.rules()).extracting(r -> r.id()).contains("A2-FIXED-LE-TOTAL", "A1-MATCHING");
        assertThat(AuditFormulas.compile(definition).forms()).containsExactlyInAnyOrder("ANNEX_2", "ANNEX_1");
    }

    @Test
    void refusesAFormulaNamingAnUnknownField() throws IOException {
        String broken = text().replace("check: fixed_assets <= total_assets", "check: fixed_asset <= total_assets");

        assertThatThrownBy(() -> AuditFormulas.compile(read(broken)))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("kjcx-2025.yaml")
                .hasMessageContaining("line " + ruleLine(broken, "A2-FIXED-LE-TOTAL"))
                .hasMessageContaining("A2-FIXED-LE-TOTAL")
                .hasMessageContaining("names an unknown field")
                .hasMessageContaining("fixed_asset")
                .hasMessageContaining("Fix: correct the field key");
    }

    @Test
    void refusesAFormulaThatIsNotCel() throws IOException {
        String broken = text().replace("check: duration_years <= 5.0", "check: duration_years <= ");

        assertThatThrownBy(() -> AuditFormulas.compile(read(broken)))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("line " + ruleLine(broken, "A1-DURATION"))
                .hasMessageContaining("is not valid CEL")
                .hasMessageContaining("Fix: correct the formula");
    }

    @Test
    void refusesAFormulaThatIsNoCondition() throws IOException {
        String broken = text().replace("check: floor_area <= land_area * 10.0", "check: land_area * 10.0");

        assertThatThrownBy(() -> AuditFormulas.compile(read(broken)))
                .hasMessageContaining("line " + ruleLine(broken, "A2-FLOOR-AREA"))
                .hasMessageContaining("gives a double, not a bool");
    }

    @Test
    void refusesAMessageNamingAnUnknownField() throws IOException {
        String broken = text().replace("{quote:land_area}的10倍", "{quote:land}的10倍");

        assertThatThrownBy(() -> AuditFormulas.compile(read(broken)))
                .hasMessageContaining("line " + ruleLine(broken, "A2-FLOOR-AREA"))
                .hasMessageContaining("“land”, which is not defined");
    }

    @Test
    void refusesATableYearThatIsNotInTheTable() throws IOException {
        String broken = text().replace("financials[\"$last_year\"].industrial_sales_revenue",
                "financials[\"2013\"].industrial_sales_revenue");

        assertThatThrownBy(() -> AuditFormulas.compile(read(broken)))
                .hasMessageContaining("line " + ruleLine(broken, "A2-RD-LE-SALES"))
                .hasMessageContaining("financials[\"2013\"].industrial_sales_revenue");
    }

    @Test
    void refusesAKeyDefinedTwice() throws IOException {
        String broken = text().replace("{key: fixed_assets, label: 固定资产（万元）", "{key: total_assets, label: 固定资产（万元）");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("line " + lineOf(broken, "{key: total_assets, label: 固定资产（万元）"))
                .hasMessageContaining("“total_assets” is defined twice (first on line " + lineOf(broken, "{key: total_assets, label: 总资产") + ")")
                .hasMessageContaining("Fix: give each field its own key");
    }

    @Test
    void refusesALabelTwoFieldsAnswerTo() throws IOException {
        // 总资产 would be read into both fields
        String broken = text().replace("label: 固定资产（万元）, type: money, required: true}",
                "label: 固定资产（万元）, type: money, required: true, aliases: [总 资 产]}");

        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("line " + lineOf(broken, "aliases: [总 资 产]"))
                .hasMessageContaining("the label “总资产” is also used on line " + lineOf(broken, "{key: total_assets"))
                .hasMessageContaining("Fix: give each field labels of its own");
    }

    @Test
    void refusesARuleNamingAFieldThatDoesNotExist() throws IOException {
        String broken = text().replace("fields: [floor_area, land_area]", "fields: [floor_area, land_size]");

        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("line " + ruleLine(broken, "A2-FLOOR-AREA"))
                .hasMessageContaining("names the field “land_size”, which is not defined");
    }

    @Test
    void refusesAnUnknownSeverity() throws IOException {
        String broken = text().replaceFirst("severity: warning", "severity: hint");

        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("line " + lineOf(broken, "severity: hint"))
                .hasMessageContaining("Fix: write error (the sender must correct it) or warning (please confirm)");
    }

    @Test
    void aThirdFormIsAFormLikeTheOthers() throws IOException {
        CallDefinition three = read(Files.readString(THREE_FORMS, StandardCharsets.UTF_8));

        assertThat(three.forms()).extracting(f -> f.annex().name()).containsExactly("ANNEX_2", "ANNEX_1", "ANNEX_3");
        assertThat(three.form("ANNEX_3").orElseThrow().annex().label()).isEqualTo("附件3 知识产权情况表");
        assertThat(three.form("ANNEX_3").orElseThrow().name()).isEqualTo("附件3（知识产权情况表）");
        assertThat(AuditFormulas.compile(three).forms()).containsExactlyInAnyOrder("ANNEX_1", "ANNEX_2", "ANNEX_3");
    }

    @Test
    void refusesARuleNamingAKindTwoFormsHave() throws IOException {
        String broken = Files.readString(THREE_FORMS, StandardCharsets.UTF_8).replace("    form: ANNEX_3", "    form: survey");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("line " + lineOf(broken, "    form: survey"))
                .hasMessageContaining("rule A3-GRANTED-LE-FILED checks “survey”, and the call has 2 forms of that kind")
                .hasMessageContaining("Fix: name the form by its annex: ANNEX_2, ANNEX_3");
    }

    @Test
    void refusesARuleOfAFormThatIsNotDefined() throws IOException {
        String broken = text().replace("id: A2-FIXED-LE-TOTAL\n    form: survey", "id: A2-FIXED-LE-TOTAL\n    form: ANNEX_9");

        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("line " + lineOf(broken, "form: ANNEX_9"))
                .hasMessageContaining("checks the form “ANNEX_9”, which is not defined")
                .hasMessageContaining("Fix: write the annex of one of the forms (ANNEX_2, ANNEX_1) or its kind");
    }

    @Test
    void refusesTwoFormsOfOneAnnexAndAnAnnexThatCannotBeStored() throws IOException {
        String twice = text().replace("annex: ANNEX_1", "annex: ANNEX_2");
        assertThatThrownBy(() -> read(twice))
                .hasMessageContaining("line " + (lineOf(twice, "    short-name: 附件1") - 1))
                .hasMessageContaining("a second form “ANNEX_2”")
                .hasMessageContaining("Fix: give each form an annex of its own");

        String reserved = text().replace("annex: ANNEX_1", "annex: OTHER");
        assertThatThrownBy(() -> read(reserved))
                .hasMessageContaining("line " + lineOf(reserved, "annex: OTHER"))
                .hasMessageContaining("“OTHER” cannot name a form");
    }

    @Test
    void refusesARoleNamingAFieldThatDoesNotExist() throws IOException {
        String broken = text().replace("  contact-email: contact_email", "  contact-email: contact_mail");

        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("line " + lineOf(broken, "contact-email: contact_mail"))
                .hasMessageContaining("the role contact-email names “contact_mail”, which is no field of this call")
                .hasMessageContaining("Fix: write the key of a field defined under fields:, or remove the role");
    }

    @Test
    void refusesARoleTheServiceDoesNotHave() throws IOException {
        String broken = text().replace("  contact-email: contact_email", "  contact-fax: contact_email");

        assertThatThrownBy(() -> read(broken))
                .hasMessageContaining("line " + lineOf(broken, "contact-fax: contact_email"))
                .hasMessageContaining("unknown entry “contact-fax” in roles")
                .hasMessageContaining("contact-email");
    }

    @Test
    void refusesAProsePatternThatIsNoPatternOrHasNoAnswer() throws IOException {
        String unclosed = text().replace("prose: ['自筹(?:经费|资金)?{join}{amount}']", "prose: ['自筹(?:经费|资金{join}{amount}']");
        assertThatThrownBy(() -> read(unclosed))
                .hasMessageContaining("line " + lineOf(unclosed, "prose: ['自筹(?:经费|资金{join}"))
                .hasMessageContaining("the prose pattern of self_raised_funding is not a regular expression")
                .hasMessageContaining("Fix: correct the pattern");

        String noGroup = text().replace("prose: ['自筹(?:经费|资金)?{join}{amount}']", "prose: ['自筹(?:经费|资金)?']");
        assertThatThrownBy(() -> read(noGroup))
                .hasMessageContaining("line " + lineOf(noGroup, "prose: ['自筹(?:经费|资金)?']"))
                .hasMessageContaining("the prose pattern of self_raised_funding has no group for the answer");
    }

    @Test
    void theShippedRolesNameItsFields() throws IOException {
        CallDefinition definition = read(text());

        assertThat(definition.role(org.formbox.forms.Role.REGION)).contains("region");
        assertThat(definition.role(org.formbox.forms.Role.CONTACT_EMAIL)).contains("contact_email");
        assertThat(definition.role(org.formbox.forms.Role.BUDGET_SECTION)).contains("management.budget");
        // without roles the file simply has no district: the definition is still accepted
        assertThat(read(text().replaceAll("(?m)^  (region|programme|contact-[a-z]+|project-name|budget-section): .*\n", "")
                .replace("roles:\n", "")).role(org.formbox.forms.Role.REGION)).isEmpty();
    }

    @Test
    void theServiceDoesNotStartWithABrokenDefinition(@TempDir Path operatorCalls) throws IOException {
        String broken = text().replace("check: fixed_assets <= total_assets", "check: fixed_asset <= total_assets");
        Files.writeString(operatorCalls.resolve("kjcx-2025.yaml"), broken);
        CallDefinition before = FieldCatalog.definition();

        SpringApplication service = new SpringApplication(FormboxApplication.class);
        assertThatThrownBy(() -> service.run("--formbox.call.definitions-dir=" + operatorCalls, "--server.port=0",
                "--formbox.mail.embedded=false"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining(operatorCalls.resolve("kjcx-2025.yaml").toString())
                .hasMessageContaining("line " + ruleLine(broken, "A2-FIXED-LE-TOTAL"));
        assertThat(FieldCatalog.definition()).isSameAs(before);
    }

    private static String text() throws IOException {
        return Files.readString(SHIPPED, StandardCharsets.UTF_8);
    }

    private static CallDefinition read(String yaml) {
        return CallDefinitions.read("kjcx-2025", "kjcx-2025.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static int ruleLine(String yaml, String id) {
        return lineOf(yaml, "- id: " + id);
    }

    private static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the definition");
    }
}
