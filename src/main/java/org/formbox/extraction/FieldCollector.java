package org.formbox.extraction;

import java.util.LinkedHashMap;
import java.util.Map;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldType;
import org.formbox.forms.FieldValue;

/** Gathers values by key; the first non-blank answer for a key wins, later repeats are ignored. */
final class FieldCollector {

    private final Map<String, FieldValue> values = new LinkedHashMap<>();
    private final java.util.Set<String> labelsSeen = new java.util.HashSet<>();

    /** Notes that a label was present, answered or not: the classifier counts these. */
    void sawLabel(String key) {
        labelsSeen.add(key);
    }

    /** Records the raw answer of a field, typed and normalised; blanks are dropped. */
    void put(String key, String raw) {
        sawLabel(key);
        if (raw == null || raw.isBlank() || values.containsKey(key)) {
            return;
        }
        if (FieldLabels.PATENTS.equals(key)) {
            PatentCounts.split(raw).forEach(v -> values.putIfAbsent(v.key(), v));
            return;
        }
        FieldDef def = FieldLabels.def(key);
        FieldType type = def == null ? FieldType.TEXT : def.type();
        FieldValue v = ValueNormaliser.normalise(key, type, Text.clean(raw).replaceAll("\n{2,}", "\n"));
        if (v != null) {
            values.put(key, v);
        }
    }

    /** Adds the rest of a text answer that wrapped onto another line; CJK text joins without a space. */
    void append(String key, String more) {
        FieldValue v = values.get(key);
        if (v == null || more == null || more.isBlank()) {
            return;
        }
        String text = v.text() + more.strip();
        String raw = (v.raw() == null ? v.text() : v.raw()) + "\n" + more.strip();
        values.put(key, new FieldValue(key, text, v.number(), raw));
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    int labelsSeen() {
        return labelsSeen.size();
    }

    java.util.Set<String> labelKeys() {
        return labelsSeen;
    }

    Map<String, FieldValue> values() {
        return values;
    }
}
