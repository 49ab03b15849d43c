package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrossAnnexRulesTests {

    @Test
    void flagsALeadOrganisationThatIsNotTheSurveyedEnterprise() {
        List<Finding> findings = SampleSubmission.complete().proposal("lead_organization", "宁波海天塑机集团有限公司")
                .findings("X-NAME-MISMATCH");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("lead_organization", "enterprise_name");
            assertThat(f.message()).contains("宁波海天塑机集团有限公司", "宁波甬新精密机械有限公司");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"宁波甬新精密机械有限公司", "宁波 甬新精密机械 有限公司", "宁波甬新精密机械股份有限公司",
            "宁波甬新精密机械", "甬新精密", "宁波甬新精密机械有限公司（牵头）、浙江大学"})
    void acceptsTheSameNameWrittenDifferently(String lead) {
        assertThat(SampleSubmission.complete().proposal("lead_organization", lead).findings("X-NAME-MISMATCH"))
                .isEmpty();
    }

    @Test
    void treatsBracketWidthsAlike() {
        assertThat(OrganizationNames.same("宁波甬新（集团）有限公司", "宁波甬新(集团)有限公司")).isTrue();
        assertThat(OrganizationNames.same("宁波", "宁波甬新精密机械有限公司")).isFalse();
        // two full legal names that differ are two companies, even when one contains the other
        assertThat(OrganizationNames.same("宁波碳谷新材料科技股份有限公司", "宁波碳谷新材料有限公司")).isFalse();
        assertThat(OrganizationNames.same("宁波和丰纺织有限公司", "宁波市和丰纺织有限公司")).isTrue();
    }

    @Test
    void comparesOnlyWhenBothNamesAreKnown() {
        assertThat(SampleSubmission.complete().withoutProposal("lead_organization").check()).isEmpty();
    }
}
