package org.formbox.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.formbox.validation.Finding;
import org.formbox.validation.Severity;
import org.junit.jupiter.api.Test;

class EnterpriseStateTests {

    private static final EnterpriseFile.Annex A1 = annex("ANNEX_1");
    private static final EnterpriseFile.Annex A2 = annex("ANNEX_2");
    private static final List<Finding> ERROR = List.of(new Finding("A1-MATCHING", Severity.error, List.of(), "自筹不足"));
    private static final List<Finding> WARNING = List.of(new Finding("X-NAME-MISMATCH", Severity.warning, List.of(), "名称不一致"));

    @Test
    void theFirstStateThatAppliesInTheOrderOfTheContract() {
        assertThat(EnterpriseFile.stateOf(Map.of(), List.of())).isEqualTo(EnterpriseState.NOT_SUBMITTED);
        assertThat(EnterpriseFile.stateOf(Map.of("ANNEX_2", A2), ERROR)).isEqualTo(EnterpriseState.valueOf("MISSING_ANNEX_1"));
        assertThat(EnterpriseFile.stateOf(Map.of("ANNEX_1", A1), ERROR)).isEqualTo(EnterpriseState.valueOf("MISSING_ANNEX_2"));
        assertThat(EnterpriseFile.stateOf(Map.of("ANNEX_1", A1, "ANNEX_2", A2), ERROR)).isEqualTo(EnterpriseState.NEEDS_CORRECTION);
        assertThat(EnterpriseFile.stateOf(Map.of("ANNEX_1", A1, "ANNEX_2", A2), WARNING)).isEqualTo(EnterpriseState.ACCEPTED);
    }

    @Test
    void theStatesOfTheCallAreNamedAfterItsForms() {
        assertThat(EnterpriseState.values()).extracting(EnterpriseState::name).containsExactly("NOT_SUBMITTED",
                "MISSING_ANNEX_1", "MISSING_ANNEX_2", "NEEDS_CORRECTION", "ACCEPTED");
        assertThat(EnterpriseState.valueOf("MISSING_ANNEX_2").label()).isEqualTo("缺附件2");
        // what needs action first: corrections, then a missing Annex 1, a missing Annex 2, nothing sent, done
        assertThat(EnterpriseState.values().stream().sorted(java.util.Comparator.comparingInt(EnterpriseState::actionOrder)))
                .extracting(EnterpriseState::name).containsExactly("NEEDS_CORRECTION", "MISSING_ANNEX_1", "MISSING_ANNEX_2",
                        "NOT_SUBMITTED", "ACCEPTED");
    }

    @Test
    void aSharedPublicMailDomainDoesNotMakeTwoSendersColleagues() {
        assertThat(Senders.related("Chen@YongXin-IC.com", "chen@yongxin-ic.com")).isTrue();
        assertThat(Senders.related("chen@yongxin-ic.com", "wang@yongxin-ic.com")).isTrue();
        assertThat(Senders.related("123456@qq.com", "654321@qq.com")).isFalse();
        assertThat(Senders.related("a@163.com", "a@163.com")).isTrue();
        assertThat(Senders.related("chen@yongxin-ic.com", "liu@outsider.cn")).isFalse();
    }

    private static EnterpriseFile.Annex annex(String kind) {
        return new EnterpriseFile.Annex(1, 1, kind, "a@b.cn", Instant.EPOCH, "f.docx", Map.of(), null, null);
    }
}
