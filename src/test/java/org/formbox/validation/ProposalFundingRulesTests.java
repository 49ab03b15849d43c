package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalFundingRulesTests {

    @Test
    void flagsSelfRaisedFundingBelowTwiceTheGrant() {
        List<Finding> findings = SampleSubmission.complete().proposal("self_raised_funding", "1500")
                .findings("A1-MATCHING");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("self_raised_funding", "requested_funding");
            assertThat(f.message()).contains("自筹经费（1500万元）", "申请市财政资助（800万元）", "1:2");
        });
    }

    @Test
    void acceptsSelfRaisedFundingOfExactlyTwiceTheGrant() {
        assertThat(SampleSubmission.complete().proposal("self_raised_funding", "1600").findings("A1-MATCHING"))
                .isEmpty();
    }

    @Test
    void flagsAGrantPerSubprojectOutsideTheRange() {
        List<Finding> findings = SampleSubmission.complete()
                .proposal("requested_funding", "4000").proposal("self_raised_funding", "8000")
                .proposal("subproject_count", "3")
                .findings("A1-GRANT-RANGE");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("requested_funding", "subproject_count");
            assertThat(f.message()).contains("申请市财政资助（4000万元）", "3个课题", "1333.3万元", "500至1000万元");
        });
    }

    @Test
    void acceptsAGrantPerSubprojectWithinTheRange() {
        assertThat(SampleSubmission.complete()
                .proposal("requested_funding", "3000").proposal("self_raised_funding", "6000")
                .proposal("subproject_count", "3")
                .findings("A1-GRANT-RANGE")).isEmpty();
    }

    @Test
    void doesNotAssumeOneSubprojectWhenTheCountIsNotStated() {
        assertThat(SampleSubmission.complete()
                .proposal("requested_funding", "3000").proposal("self_raised_funding", "6000")
                .withoutProposal("subproject_count")
                .findings("A1-GRANT-RANGE")).isEmpty();
    }

    @Test
    void flagsADurationOverFiveYears() {
        List<Finding> findings = SampleSubmission.complete().proposal("duration_years", "6")
                .findings("A1-DURATION");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("duration_years");
            assertThat(f.message()).isEqualTo("实施期（6年）超过5年，请调整。");
        });
    }

    @Test
    void acceptsADurationOfFiveYears() {
        assertThat(SampleSubmission.complete().proposal("duration_years", "5").findings("A1-DURATION")).isEmpty();
    }

    @Test
    void flagsFundingFiguresThatWereNotFound() {
        List<Finding> findings = SampleSubmission.complete()
                .withoutProposal("requested_funding").proposal("self_raised_funding", "若干")
                .findings("A1-FIGURES-UNREAD");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("requested_funding", "self_raised_funding");
            assertThat(f.message()).contains("申请市财政资助", "自筹经费");
        });
    }

    @Test
    void skipsTheMatchingRuleWhenAFigureIsMissing() {
        List<Finding> findings = SampleSubmission.complete().withoutProposal("self_raised_funding").check();

        assertThat(findings).extracting(Finding::rule).containsExactly("A1-FIGURES-UNREAD");
        assertThat(findings.get(0).fields()).containsExactly("self_raised_funding");
    }
}
