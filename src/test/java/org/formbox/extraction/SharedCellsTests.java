package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.formbox.forms.FieldValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedCellsTests {

    @ParameterizedTest
    @ValueSource(strings = {"发明5项，实用新型12项", "5/12", "发明：5 实用新型：12", "发明专利5件、实用新型专利12件",
            "５／１２", "发明五项，实用新型十二项", "5,12"})
    void splitsTheTwoCounts(String raw) {
        Map<String, FieldValue> v = byKey(raw);
        assertThat(v.get("patents_invention").number()).isEqualByComparingTo("5");
        assertThat(v.get("patents_utility_model").number()).isEqualByComparingTo("12");
    }

    @Test
    void readsNoneAsZeroForBoth() {
        Map<String, FieldValue> v = byKey("无");
        assertThat(v.get("patents_invention").number()).isZero();
        assertThat(v.get("patents_utility_model").number()).isZero();
    }

    @Test
    void findsAKindWhoseWordHasOneCharacterMisread() {
        Map<String, FieldValue> v = byKey("发明4项，实州新型9项");
        assertThat(v.get("patents_invention").number()).isEqualByComparingTo("4");
        assertThat(v.get("patents_utility_model").number()).isEqualByComparingTo("9");
        // a digit is no misread character: the 9 stays the utility models'
        assertThat(byKey("发明4项，实用9型9项")).doesNotContainKey("patents_utility_model");
    }

    @Test
    void leavesAnUnmentionedKindAbsent() {
        Map<String, FieldValue> v = byKey("发明3项");
        assertThat(v.get("patents_invention").number()).isEqualByComparingTo("3");
        assertThat(v).doesNotContainKey("patents_utility_model");
    }

    @Test
    void keepsASingleNumberAsUnreadText() {
        Map<String, FieldValue> v = byKey("17");
        assertThat(v.get("patents_invention").number()).isNull();
        assertThat(v.get("patents_invention").text()).isEqualTo("17");
    }

    private static Map<String, FieldValue> byKey(String raw) {
        return SharedCells.split("patents", raw).stream().collect(Collectors.toMap(FieldValue::key, v -> v));
    }
}
