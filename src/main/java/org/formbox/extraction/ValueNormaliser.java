package org.formbox.extraction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldType;
import org.formbox.forms.FieldValue;
import org.formbox.forms.Regions;

/**
 * Turns the text of a cell into a {@link FieldValue} in the field's unit (docs/FORMS.md "Values and
 * units"). Unreadable numeric text keeps its text with a null number, so that the checks can say so.
 */
final class ValueNormaliser {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal MU = new BigDecimal("666.67");
    private static final String NUM = "(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿点]+)";
    private static final String HEDGE = "(?:约|大约|人民币|合计|共|计)?";
    private static final String TAIL = "(?:左右|以上|多)?";
    private static final Pattern MONEY = Pattern.compile(HEDGE + NUM + "(亿元|亿|万元|万|千元|元)?(?:人民币)?" + TAIL);
    private static final Pattern PERCENT = Pattern.compile(HEDGE + NUM + "(%)?" + TAIL);
    private static final Pattern PERCENT_WORDS = Pattern.compile("百分之" + NUM);
    private static final Pattern COUNT = Pattern.compile(HEDGE + NUM + "(?:人|项|个|名|件|位)?" + TAIL);
    private static final Pattern AREA = Pattern.compile(
            HEDGE + NUM + "(万)?(平方米|平米|平方|m2|m²|mm2|亩|公顷)?" + TAIL, Pattern.CASE_INSENSITIVE);

    private ValueNormaliser() {
    }

    /**
     * The value of a field from its raw text, or null when the text is blank.
     *
     * @param key  the field key
     * @param type the field type
     * @param raw  the text as the document had it
     */
    static FieldValue normalise(String key, FieldType type, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        String format = FieldCatalog.byKey(key).map(FieldDef::format).orElse("");
        if ("region".equals(format)) {
            return FieldValue.text(key, Regions.canonical(text).orElse(text), raw);
        }
        if ("email".equals(format)) {
            // an address holds no spaces: OCR and narrow cells put them in
            return FieldValue.text(key, text.replaceAll("\\s+", ""), raw);
        }
        if (type == FieldType.TEXT) {
            return FieldValue.text(key, text, raw);
        }
        return new FieldValue(key, text, number(type, text), raw);
    }

    /** The number in the unit of {@code type}, or null when the text does not read as one. */
    static BigDecimal number(FieldType type, String text) {
        String s = compact(text);
        if (s.isEmpty()) {
            return null;
        }
        // answers that mean none or zero (the call's none-answers) are answers, not blanks
        if (FieldCatalog.noneAnswers().contains(s)) {
            return BigDecimal.ZERO;
        }
        BigDecimal n = switch (type) {
            case MONEY -> money(s);
            case PERCENT -> percent(s);
            case COUNT -> count(s);
            case AREA -> area(s);
            case TEXT -> null;
        };
        return n == null ? null : tidy(n);
    }

    private static BigDecimal money(String s) {
        Matcher m = MONEY.matcher(s);
        if (!m.matches()) {
            return null;
        }
        BigDecimal n = parse(m.group(1));
        if (n == null) {
            return null;
        }
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "亿", "亿元" -> n.multiply(WAN);
            case "千元" -> n.divide(BigDecimal.TEN, 6, RoundingMode.HALF_UP);
            case "元" -> n.divide(WAN, 6, RoundingMode.HALF_UP);
            default -> n;
        };
    }

    private static BigDecimal percent(String s) {
        Matcher words = PERCENT_WORDS.matcher(s);
        if (words.matches()) {
            return parse(words.group(1));
        }
        Matcher m = PERCENT.matcher(s);
        if (!m.matches()) {
            return null;
        }
        BigDecimal n = parse(m.group(1));
        if (n == null) {
            return null;
        }
        // docs/FORMS.md: a bare number no greater than 1 is a fraction
        boolean fraction = m.group(2) == null && n.compareTo(BigDecimal.ONE) <= 0;
        return fraction ? n.multiply(BigDecimal.valueOf(100)) : n;
    }

    private static BigDecimal count(String s) {
        Matcher m = COUNT.matcher(s);
        return m.matches() ? parse(m.group(1)) : null;
    }

    private static BigDecimal area(String s) {
        Matcher m = AREA.matcher(s);
        if (!m.matches()) {
            return null;
        }
        BigDecimal n = parse(m.group(1));
        if (n == null) {
            return null;
        }
        if (m.group(2) != null) {
            n = n.multiply(WAN);
        }
        String unit = m.group(3) == null ? "" : m.group(3).toLowerCase();
        return switch (unit) {
            case "亩" -> n.multiply(MU);
            case "公顷" -> n.multiply(WAN);
            default -> n;
        };
    }

    /** A decimal or Chinese numeral; Chinese numerals may carry their own 万/亿. */
    private static BigDecimal parse(String number) {
        if (number.isEmpty()) {
            return null;
        }
        if (Character.isDigit(number.charAt(0))) {
            return new BigDecimal(number);
        }
        return ChineseNumerals.parse(number);
    }

    /** Half-width, no spaces, no thousands separators, ㎡ spelled out. */
    static String compact(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String s = Text.halfWidth(text.strip());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Text.space(c)) {
                continue;
            }
            boolean thousands = c == ',' && i > 0 && Character.isDigit(s.charAt(i - 1))
                    && i + 3 < s.length() + 1 && s.substring(i + 1).matches("\\d{3}(?:\\D.*|$)");
            if (thousands) {
                continue;
            }
            out.append(c == '㎡' ? "m2" : String.valueOf(c));
        }
        return out.toString();
    }

    private static BigDecimal tidy(BigDecimal n) {
        BigDecimal t = n.stripTrailingZeros();
        return t.scale() < 0 ? t.setScale(0) : t;
    }
}
