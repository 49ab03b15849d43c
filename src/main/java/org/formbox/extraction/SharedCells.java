package org.formbox.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldType;
import org.formbox.forms.FieldValue;

/**
 * Splits the one answer of a shared cell ({@code 发明5项，实用新型12项}, {@code 5/12}) into the counts of
 * its parts: the fields of the definition that are {@code in-cell} of it, each found by its
 * {@code cell-words}, or all in field order when the answer is numbers only.
 */
final class SharedCells {

    private static final String N = "(\\d+|[零〇一二两三四五六七八九十百千]+)";
    private static final String DIGITS = "0-9零〇一二两三四五六七八九十百千";

    private SharedCells() {
    }

    /** The parts of the cell with this key in the active call; empty when it is no shared cell. */
    static List<FieldDef> parts(String cell) {
        return FieldCatalog.all().stream().filter(f -> f.cell().equals(cell)).toList();
    }

    /** The values of the parts of this cell that the answer states. */
    static List<FieldValue> split(String cell, String raw) {
        List<FieldDef> parts = parts(cell);
        String s = Text.halfWidth(raw).strip();
        BigDecimal zero = ValueNormaliser.number(FieldType.COUNT, s);
        if (zero != null && zero.signum() == 0) {
            return parts.stream().map(p -> FieldValue.number(p.key(), zero, raw)).toList();
        }
        // a kind not mentioned stays absent rather than being guessed as zero
        List<FieldValue> found = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Matcher m = named(parts, i).matcher(s);
            if (m.find()) {
                found.add(count(parts.get(i).key(), m.group(1), raw));
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        Matcher numbers = numbersOnly(parts.size()).matcher(s);
        if (parts.size() > 1 && numbers.matches()) {
            List<FieldValue> all = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                all.add(count(parts.get(i).key(), numbers.group(i + 1), raw));
            }
            return all;
        }
        // one number cannot be split: keep the text so that the checks report it
        return parts.stream().map(p -> new FieldValue(p.key(), raw.strip(), null, raw)).toList();
    }

    /**
     * A part named by one of its words, then up to six other characters, then its number; the
     * characters may not start the word of a later part (发明、实用新型12项: the 12 is not the invention's).
     */
    private static Pattern named(List<FieldDef> parts, int i) {
        StringBuilder later = new StringBuilder();
        for (FieldDef p : parts.subList(i + 1, parts.size())) {
            p.cellWords().forEach(w -> later.append(w.substring(0, 1).replaceAll("[\\\\\\[\\]^\\-&]", "\\\\$0")));
        }
        List<String> words = parts.get(i).cellWords().stream().map(SharedCells::word).toList();
        String gap = "[^" + DIGITS + later + "]{0,6}";
        return Pattern.compile("(?:" + String.join("|", words) + ")" + gap + N);
    }

    /**
     * A part's word as a pattern; a word of four characters or more also with any one of them
     * misread (实州新型 from a fax for 实用新型), never with a digit for it.
     */
    private static String word(String w) {
        if (w.length() < 4) {
            return Pattern.quote(w);
        }
        List<String> variants = new ArrayList<>();
        for (int k = 0; k < w.length(); k++) {
            variants.add(Pattern.quote(w.substring(0, k)) + "[^" + DIGITS + "\\s]" + Pattern.quote(w.substring(k + 1)));
        }
        return String.join("|", variants);
    }

    /** As many numbers as parts, each perhaps with its unit, separated (5/12, 5、12项). */
    private static Pattern numbersOnly(int count) {
        String one = N + "\\s*(?:项|个|件)?";
        StringBuilder p = new StringBuilder(one);
        for (int i = 1; i < count; i++) {
            p.append("\\s*[/,;、，；+]\\s*").append(one);
        }
        return Pattern.compile(p.toString());
    }

    private static FieldValue count(String key, String number, String raw) {
        return new FieldValue(key, raw.strip(), ValueNormaliser.number(FieldType.COUNT, number), raw);
    }
}
