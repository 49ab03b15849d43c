package org.formbox.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formbox.forms.FieldValue;

/** Compares what a reader found with what it should have found, field by field. */
final class Accuracy {

    private Accuracy() {
    }

    /** Each field's value as text (a number without trailing zeros), by key, sorted: two readings compared whole. */
    static java.util.SortedMap<String, String> values(Map<String, FieldValue> fields) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        fields.forEach((k, v) -> out.put(k, v.number() != null ? v.number().stripTrailingZeros().toPlainString() : v.text()));
        return out;
    }

    /** The keys whose value is missing or wrong, each with what was found. */
    static List<String> mismatches(Map<String, Object> expected, Map<String, FieldValue> found) {
        List<String> wrong = new ArrayList<>();
        expected.forEach((key, want) -> {
            FieldValue got = found.get(key);
            if (!matches(want, got)) {
                wrong.add(key + ": expected " + want + ", found " + (got == null ? "nothing" : got.text() + " / " + got.number()));
            }
        });
        return wrong;
    }

    static boolean matches(Object want, FieldValue got) {
        if (got == null) {
            return want == null;
        }
        if (want instanceof BigDecimal n) {
            return got.number() != null && got.number().compareTo(n) == 0;
        }
        return normalise(String.valueOf(want)).equals(normalise(got.text()));
    }

    private static String normalise(String s) {
        return Text.halfWidth(s).replaceAll("\\s+", "");
    }
}
