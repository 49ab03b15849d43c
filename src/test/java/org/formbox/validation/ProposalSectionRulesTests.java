package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProposalSectionRulesTests {

    @Test
    void flagsAMissingSection() {
        List<Finding> findings = SampleSubmission.complete().withoutProposal("plan.roadmap")
                .findings("A1-SECTION-MISSING");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("plan.roadmap");
            assertThat(f.message()).contains("附件1", "技术路线图");
        });
    }

    @Test
    void flagsAnEmptySection() {
        assertThat(SampleSubmission.complete().proposal("outcomes.frontier_technology", " \n ")
                .findings("A1-SECTION-MISSING")).extracting(Finding::fields)
                .containsExactly(List.of("outcomes.frontier_technology"));
    }

    @Test
    void findsAllFifteenSectionsInACompleteProposal() {
        assertThat(SampleSubmission.complete().findings("A1-SECTION-MISSING")).isEmpty();
    }

    @Test
    void flagsAThinSectionCountingCharactersWithoutWhitespace() {
        // 29 characters once the spaces and line breaks are gone
        String thin = "本项目采用 材料—工艺—检测\n 三段式技术路线，分三个阶段实施。";
        List<Finding> findings = SampleSubmission.complete().proposal("plan.roadmap", thin)
                .findings("A1-SECTION-THIN");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("plan.roadmap");
            assertThat(f.message()).contains("技术路线图", "29个字");
        });
    }

    @Test
    void acceptsASectionOfThirtyCharacters() {
        String enough = "本项目采用材料—工艺—检测三段式技术路线，分为三个阶段实施。";
        assertThat(SampleSubmission.complete().proposal("plan.roadmap", enough).findings("A1-SECTION-THIN"))
                .isEmpty();
    }

    @Test
    void flagsAProgrammeThatIsNotOneOfTheThirteen() {
        List<Finding> findings = SampleSubmission.complete().proposal("programme", "生物医药专项")
                .findings("A1-PROGRAMME");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.warning);
            assertThat(f.fields()).containsExactly("programme");
            assertThat(f.message()).contains("生物医药专项", "13个专项");
        });
    }

    @Test
    void flagsAMissingProgramme() {
        assertThat(SampleSubmission.complete().withoutProposal("programme").findings("A1-PROGRAMME"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("未写明所属专项"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"关键基础零部件", "关键基础零部件专项", "“科技创新2025”重大专项——新能源汽车",
            "高档数控机床和机器人", "智能芯片与基础软件专项"})
    void acceptsProgrammesWithSurroundingWords(String programme) {
        assertThat(SampleSubmission.complete().proposal("programme", programme).findings("A1-PROGRAMME")).isEmpty();
    }
}
