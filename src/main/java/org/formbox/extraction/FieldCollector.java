package org.formbox.extraction;

import java.util.LinkedHashMap;
import java.util.Map;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldType;
import org.formbox.forms.FieldValue;
import org.formbox.forms.ValueSource;

/** Gathers values by key; the first non-blank answer for a key wins, later repeats are ignored. */
final class FieldCollector {

    private final Map<String, FieldValue> values = new LinkedHashMap<>();
    private final java.util.Set<String> labelsSeen = new java.util.HashSet<>();
    private Origin origin = Origin.CELL;
    private final java.util.Set<String> sealed = new java.util.HashSet<>();

    private final java.util.Set<String> leftBlank = new java.util.HashSet<>();

    /**
     * Notes that a label's answer cell was found empty where the layout puts it (a sheet): the
     * text beside it is a note, and no later reader may take it for the answer.
     */
    void leftBlank(String key) {
        sawLabel(key);
        if (!values.containsKey(key)) {
            leftBlank.add(key);
        }
    }

    /** Notes that a label was present, answered or not: the classifier counts these. */
    void sawLabel(String key) {
        labelsSeen.add(key);
    }

    /** Sets where the text handed to {@link #put(String, String)} comes from. */
    void from(Origin origin) {
        this.origin = origin;
    }

    /** Records the raw answer of a field, from the current origin. */
    void put(String key, String raw) {
        put(key, raw, origin);
    }

    /**
     * Records the raw answer of a field, typed and normalised; blanks and untouched content-control
     * placeholders are dropped; a row of tick boxes becomes the option(s) ticked.
     */
    void put(String key, String raw, Origin from) {
        sawLabel(key);
        if (raw == null || raw.isBlank() || values.containsKey(key) || leftBlank.contains(key) || Placeholders.only(raw)) {
            return;
        }
        String answer = Placeholders.strip(raw);
        if (!SharedCells.parts(key).isEmpty()) {
            SharedCells.split(key, answer).forEach(v -> values.putIfAbsent(v.key(), v.from(from.source(), from.confidence())));
            return;
        }
        FieldDef def = FieldLabels.def(key);
        FieldType type = def == null ? FieldType.TEXT : def.type();
        Origin o = from;
        if (from.ocr()) {
            answer = OcrText.email(type.numeric() ? OcrText.digits(answer) : answer);
            answer = type == FieldType.PERCENT ? OcrText.percent(answer) : answer;
            answer = type.numeric() ? answer : OcrText.trailingMarks(answer);
        }
        if (answer.startsWith(SpreadsheetContent.UNREADABLE_FORMULA)) {
            String formula = answer.substring(SpreadsheetContent.UNREADABLE_FORMULA.length());
            values.put(key, new FieldValue(key, formula, null, formula, ValueSource.FORMULA, 0.0));
            return;
        }
        TickBoxes.Reading ticks = TickBoxes.read(def, answer);
        if (ticks != null) {
            if (ticks.blank()) {
                return;
            }
            answer = ticks.value();
            o = from.ocr() ? from : new Origin(ValueSource.TICK, ticks.clear() ? null : TickBoxes.UNCLEAR);
        } else if (from.ocr() && def != null && !type.numeric()) {
            answer = OcrText.usual(answer, def.usualAnswers());
        }
        FieldValue v = ValueNormaliser.normalise(key, type, Text.clean(answer).replaceAll("\n{2,}", "\n"));
        if (v != null) {
            values.put(key, new FieldValue(key, v.text(), v.number(), ticks == null ? v.raw() : Text.clean(raw),
                    o.source(), o.confidence()));
        }
    }

    /** Values found so far are final: a later reader may not extend them ({@link #append}). */
    void seal() {
        sealed.addAll(values.keySet());
    }

    /** Adds the rest of a text answer that wrapped onto another line; CJK text joins without a space. */
    void append(String key, String more) {
        FieldValue v = values.get(key);
        if (v == null || sealed.contains(key) || more == null || more.isBlank()) {
            return;
        }
        String text = v.text() + more.strip();
        String raw = (v.raw() == null ? v.text() : v.raw()) + "\n" + more.strip();
        values.put(key, new FieldValue(key, text, v.number(), raw, v.source(), v.confidence()));
    }

    /** Gives every value whose origin was lost on the way (a rewritten fact) the origin given. */
    void settle(Origin fallback) {
        values.replaceAll((k, v) -> v.source() != null ? v : v.from(fallback.source(), fallback.confidence()));
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
