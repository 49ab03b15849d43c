package org.formbox.extraction;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldType;
import org.formbox.forms.FieldValue;

/**
 * Finds the project facts of an Annex 1 in the prose that states them, e.g.
 * {@code 申请市财政资助1500万元，企业自筹3000万元，共设2个课题，实施期3年}, and derives the
 * duration in years from {@code 3年}, {@code 三年} or {@code 2017-2019年}.
 */
final class ProjectFacts {

    private static final String NUM = "(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿点]+)";
    /** A figure with its unit, which applies to digits and Chinese numerals alike (0.1亿元, 5000万元, 5000). */
    private static final String AMOUNT = "((?:" + NUM.substring(1, NUM.length() - 1) + ")\\s*(?:亿元|亿|万元|万|元)?)";
    /** What an organisation's name ends in, so that 由我公司牵头 names none. */
    private static final String ORGANISATION = "[^，,。；;：:\\s由]{2,38}?(?:公司|集团|研究院|研究所|研究中心|大学|学院|医院|中心|实验室|厂)";
    private static final String JOIN = "[为是:：约共计达合\\s]{0,4}";

    private static final List<Rule> RULES = List.of(
            new Rule("requested_funding", Pattern.compile("(?:申请|争取)?(?:市级?)?财政(?:资助|经费|补助|支持|资金|拨款)(?:经费|资金)?" + JOIN + AMOUNT)),
            new Rule("self_raised_funding", Pattern.compile("自筹(?:经费|资金)?" + JOIN + AMOUNT)),
            new Rule("total_budget", Pattern.compile("(?:项目)?总(?:投资|经费|预算)(?:额)?" + JOIN + AMOUNT)),
            new Rule("subproject_count", Pattern.compile("设(?:置|立)?" + NUM + "\\s*个(?:子)?课题")),
            new Rule("subproject_count", Pattern.compile("课题(?:数|数量)" + JOIN + NUM)),
            new Rule("subproject_count", Pattern.compile(NUM + "\\s*个(?:子)?课题")),
            new Rule("lead_organization", Pattern.compile("(?:牵头单位|申报单位)[为是:：]\\s*([^，,。；;\\n]{2,40})")),
            new Rule("lead_organization", Pattern.compile("由(" + ORGANISATION + ")(?:作为)?牵头")),
            new Rule("duration_years", Pattern.compile("实施(?:期|周期|年限)" + JOIN + "([^，,。；;\\n]{1,30})")));

    private static final Pattern SPAN = Pattern.compile("(20\\d\\d)\\s*年?[^0-9]{0,8}?(?:\\d{1,2}\\s*月?\\s*)?[-—－~～至到]+\\s*(20\\d\\d)");
    private static final Pattern YEARS = Pattern.compile(NUM + "\\s*(?:个)?年");
    private static final Pattern MONTHS = Pattern.compile(NUM + "\\s*个月");

    private record Rule(String key, Pattern pattern) {
    }

    private ProjectFacts() {
    }

    /** Adds to {@code out} the facts this prose states, for keys not already found. */
    static void fromProse(String text, FieldCollector out) {
        for (Rule rule : RULES) {
            if (out.has(rule.key())) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                out.put(rule.key(), m.group(1));
            }
        }
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
