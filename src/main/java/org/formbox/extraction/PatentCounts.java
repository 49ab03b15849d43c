package org.formbox.extraction;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.FieldType;
import org.formbox.forms.FieldValue;

/** Splits the one answer of the patent cell ({@code 发明5项，实用新型12项}, {@code 5/12}) into its two counts. */
final class PatentCounts {

    static final String INVENTION = "patents_invention";
    static final String UTILITY = "patents_utility_model";

    private static final String N = "(\\d+|[零〇一二两三四五六七八九十百千]+)";
    private static final Pattern INVENTION_COUNT = Pattern.compile("发明(?:专利)?[^0-9零〇一二两三四五六七八九十百千实]{0,6}" + N);
    private static final Pattern UTILITY_COUNT = Pattern.compile("实用新型(?:专利)?[^0-9零〇一二两三四五六七八九十百千]{0,6}" + N);
    private static final Pattern PAIR = Pattern.compile(N + "\\s*(?:项|个|件)?\\s*[/,;、，；+]\\s*" + N + "\\s*(?:项|个|件)?");

    private PatentCounts() {
    }

    static List<FieldValue> split(String raw) {
        String s = Text.halfWidth(raw).strip();
        BigDecimal zero = ValueNormaliser.number(FieldType.COUNT, s);
        if (zero != null && zero.signum() == 0) {
            return List.of(FieldValue.number(INVENTION, zero, raw), FieldValue.number(UTILITY, zero, raw));
        }
        Matcher invention = INVENTION_COUNT.matcher(s);
        Matcher utility = UTILITY_COUNT.matcher(s);
        boolean hasInvention = invention.find();
        boolean hasUtility = utility.find();
        if (hasInvention || hasUtility) {
            // a kind not mentioned stays absent rather than being guessed as zero
            List<FieldValue> found = new java.util.ArrayList<>();
            if (hasInvention) {
                found.add(count(INVENTION, invention.group(1), raw));
            }
            if (hasUtility) {
                found.add(count(UTILITY, utility.group(1), raw));
            }
            return found;
        }
        Matcher pair = PAIR.matcher(s);
        if (pair.matches()) {
            return List.of(count(INVENTION, pair.group(1), raw), count(UTILITY, pair.group(2), raw));
        }
        // one number cannot be split: keep the text so that the checks report it
        return List.of(new FieldValue(INVENTION, raw.strip(), null, raw), new FieldValue(UTILITY, raw.strip(), null, raw));
    }

    private static FieldValue count(String key, String number, String raw) {
        return new FieldValue(key, raw.strip(), ValueNormaliser.number(FieldType.COUNT, number), raw);
    }
}
