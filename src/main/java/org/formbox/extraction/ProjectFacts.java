package org.formbox.extraction;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldType;
import org.formbox.forms.FieldValue;

/**
 * Finds the project facts of a proposal in the prose that states them, e.g.
 * {@code 申请市财政资助1500万元，企业自筹3000万元，共设2个课题，实施期3年}, by the patterns the call
 * definition gives each fact ({@code prose:}), and derives the duration in years from {@code 3年},
 * {@code 三年} or {@code 2017-2019年}.
 */
final class ProjectFacts {

    private static final String NUM = "(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿点]+)";
    /** The compiled prose patterns of one definition's facts, in definition order. */
    private static volatile Rules rules;

    private static final Pattern SPAN = Pattern.compile("(20\\d\\d)\\s*年?[^0-9]{0,8}?(?:\\d{1,2}\\s*月?\\s*)?[-—－~～至到]+\\s*(20\\d\\d)");
    private static final Pattern YEARS = Pattern.compile(NUM + "\\s*(?:个)?年");
    private static final Pattern MONTHS = Pattern.compile(NUM + "\\s*个月");

    private record Rule(String key, Pattern pattern) {
    }

    private record Rules(org.formbox.forms.CallDefinition definition, List<Rule> list) {
    }

    private ProjectFacts() {
    }

    /** Adds to {@code out} the facts this prose states, for keys not already found. */
    static void fromProse(String text, FieldCollector out) {
        for (Rule rule : rules()) {
            if (out.has(rule.key())) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                out.put(rule.key(), m.group(1));
            }
        }
    }

    private static List<Rule> rules() {
        Rules r = rules;
        if (r == null || r.definition() != FieldCatalog.definition()) {
            List<Rule> list = new java.util.ArrayList<>();
            for (org.formbox.forms.FieldDef f : FieldCatalog.projectFacts()) {
                f.prose().forEach(p -> list.add(new Rule(f.key(), Pattern.compile(p))));
            }
            r = new Rules(FieldCatalog.definition(), List.copyOf(list));
            rules = r;
        }
        return r.list();
    }

    /** Re-reads a duration answer (3年, 三年, 2017-2019年, 36个月) as a number of years. */
    static FieldValue duration(FieldValue value) {
        if (value == null || value.number() != null) {
            return value;
        }
        String s = Text.halfWidth(value.text());
        Matcher span = SPAN.matcher(s);
        BigDecimal years = null;
        if (span.find()) {
            years = BigDecimal.valueOf(Integer.parseInt(span.group(2)) - Integer.parseInt(span.group(1)) + 1L);
        } else {
            Matcher y = YEARS.matcher(s);
            Matcher mo = MONTHS.matcher(s);
            if (mo.find()) {
                BigDecimal months = ValueNormaliser.number(FieldType.COUNT, mo.group(1));
                years = months == null ? null : months.divide(BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros();
            } else if (y.find()) {
                years = ValueNormaliser.number(FieldType.COUNT, y.group(1));
            }
        }
        return new FieldValue(value.key(), value.text(), years, value.raw());
    }

    /** The programme one of these texts names, as the call spells it; null when none does. */
    static String programme(List<String> texts) {
        for (String t : texts) {
            String compact = t == null ? "" : t.replaceAll("\\s+", "");
            for (String p : FieldCatalog.programmes()) {
                if (compact.contains(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
