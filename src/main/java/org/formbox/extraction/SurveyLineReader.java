package org.formbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldType;

/**
 * Reads Annex 2 answers from running text, as PDF, RTF or plain text give it: {@code 标签 值} or
 * {@code 标签：值} on a line (several pairs per line when a table row was flattened), or the value
 * on the next line. Yearly figures are read after a line naming the years, in column order.
 */
final class SurveyLineReader {

    private static final Pattern UNIT_ONLY = Pattern.compile("\\s*(?:[(（][^)）]{0,20}[)）]\\s*)*");
    private static final Pattern LEADING_UNIT = Pattern.compile("^\\s*[(（][^)）]{0,12}[)）]\\s*");
    private static final int MAX_FRAGMENT = 40;
    private static final int MAX_JOINED = 3;
    private static final Pattern UNIT_TOKEN = Pattern.compile("万元|元|单位|年度|[(（]万元[)）]");

    private final LabelMatcher labels;

    SurveyLineReader(LabelMatcher labels) {
        this.labels = labels;
    }

    void read(List<Line> lines, FieldCollector out) {
        String pending = null;
        StringBuilder longText = null;
        List<String> years = new ArrayList<>();
        boolean yearLine = false;
        Yearly financial = null;
        String wrapping = null;
        for (String text : joinWrapped(lines)) {
            if (text.isBlank()) {
                continue;
            }
            List<String> yearTokens = yearTokens(text);
            if (!yearTokens.isEmpty() || yearLine && UNIT_TOKEN.matcher(text.strip()).matches()) {
                // the header row, on one line or (RTF, one cell a line) on consecutive lines
                if (!yearLine) {
                    years = new ArrayList<>();
                }
                years.addAll(yearTokens);
                yearLine = true;
                pending = flush(pending, longText, out);
                longText = null;
                financial = Yearly.flush(financial, out);
                wrapping = null;
                continue;
            }
            yearLine = false;
            String row = YearlyTable.financialKey(text, labels);
            if (row != null) {
                Yearly.flush(financial, out);
                financial = new Yearly(row, years);
                financial.add(afterLabel(text));
                wrapping = null;
                continue;
            }
            if (financial != null && financial.wantsMore() && !labels.startsWithLabel(text) && financial.onlyFigures(text)) {
                financial.add(text);
                continue;
            }
            financial = Yearly.flush(financial, out);
            LabelMatcher.Match first = labels.find(text, 0, true);
            String prefix = first == null ? text : text.substring(0, first.start());
            if (pending != null && !UNIT_ONLY.matcher(prefix).matches()) {
                if (longText != null) {
                    longText.append(longText.isEmpty() ? "" : "\n").append(prefix.strip());
                    if (first == null) {
                        continue;
                    }
                } else {
                    out.put(pending, withoutLeadingUnit(prefix));
                    wrapping = first == null ? pending : null;
                    pending = null;
                    if (first == null) {
                        continue;
                    }
                }
            } else if (pending == null && wrapping != null && continuation(prefix)) {
                // the rest of a value that wrapped in its narrow cell
                out.append(wrapping, prefix.strip());
                if (first == null) {
                    continue;
                }
            }
            wrapping = null;
            if (first == null) {
                continue;
            }
            pending = flush(pending, longText, out);
            longText = null;
            List<LabelMatcher.Segment> segments = labels.segments(text.substring(first.start()), true);
            for (int i = 0; i < segments.size(); i++) {
                LabelMatcher.Segment s = segments.get(i);
                boolean last = i == segments.size() - 1;
                if (s.entry().key().startsWith(FieldLabels.FINANCIAL)) {
                    continue;
                }
                if (last && s.entry().longText()) {
                    pending = s.entry().key();
                    longText = new StringBuilder(s.value());
                } else if (last && UNIT_ONLY.matcher(s.value()).matches()) {
                    pending = s.entry().key();
                    out.sawLabel(pending);
                } else {
                    out.put(s.entry().key(), withoutLeadingUnit(s.value()));
                    wrapping = last && wraps(s.entry().key()) ? s.entry().key() : null;
                }
            }
        }
        flush(pending, longText, out);
        Yearly.flush(financial, out);
    }

    /** Whether a field's text answer may wrap onto the next line of a flattened table row. */
    private static boolean wraps(String key) {
        FieldDef def = FieldLabels.def(key);
        return def != null && def.type() == FieldType.TEXT && !key.startsWith("contact_");
    }

    /** A fragment that continues the value above: short, no colon, not a unit, not a sentence of its own. */
    private static boolean continuation(String prefix) {
        String p = prefix.strip();
        return !p.isEmpty() && p.length() <= MAX_FRAGMENT && p.indexOf(':') < 0 && p.indexOf('：') < 0
                && !UNIT_ONLY.matcher(p).matches() && !UNIT_TOKEN.matcher(p).matches();
    }

    /**
     * Joins the lines of a cell that a PDF wrapped: a bracket left open at the end of a line
     * ({@code 核心装备（自} / {@code 制、国产、进口）}) and a label cut in two
     * ({@code 其中大专及以} / {@code 上（人） 142}).
     */
    List<String> joinWrapped(List<Line> lines) {
        List<String> out = new ArrayList<>(lines.size());
        StringBuilder current = null;
        int joined = 0;
        for (Line line : lines) {
            String text = line.text();
            if (current != null && joined < MAX_JOINED && !text.isBlank()
                    && (openBracket(current) || labelAcross(current, text))) {
                current.append(openBracket(current) ? "" : "\n").append(text.strip());
                joined++;
                continue;
            }
            if (current != null) {
                out.add(current.toString());
            }
            current = new StringBuilder(text);
            joined = 0;
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    private static boolean openBracket(CharSequence text) {
        int depth = 0;
        for (int i = Math.max(0, text.length() - 40); i < text.length(); i++) {
            char c = Text.halfWidth(text.charAt(i));
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    /** Whether the last word of {@code above} and the start of {@code below} together make a longer label. */
    private boolean labelAcross(CharSequence above, String below) {
        String a = above.toString().stripTrailing();
        int cut = a.length();
        while (cut > 0 && !Text.space(a.charAt(cut - 1))) {
            cut--;
        }
        String tail = a.substring(cut);
        if (tail.isEmpty() || tail.length() > 20) {
            return false;
        }
        LabelMatcher.Match alone = labels.matchAt(tail, 0, true);
        LabelMatcher.Match across = labels.matchAt(tail + below.strip(), 0, true);
        return across != null && across.valueStart() > tail.length()
                && (alone == null || across.entry().core().length() > alone.entry().core().length());
    }

    /**
     * One row of the yearly table read as a line of figures. The figures go to the years in column
     * order only when there are exactly as many as years: a blank cell leaves no trace in the text,
     * and a cell left absent is better than a figure put in the wrong year.
     */
    private static final class Yearly {
        private static final Pattern FIGURE = Pattern.compile(
                "(-?\\d[\\d,]*(?:\\.\\d+)?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿点]*|无|/|—|-|——)\\s*(亿元|亿|万元|万|千元|元)?");

        private final String row;
        private final List<String> years;
        private final List<String> figures = new ArrayList<>();

        Yearly(String row, List<String> years) {
            this.row = row;
            this.years = List.copyOf(years);
        }

        void add(String text) {
            Matcher m = FIGURE.matcher(withoutUnitColumn(text));
            while (m.find()) {
                figures.add(m.group().strip());
            }
        }

        boolean wantsMore() {
            return figures.size() < years.size();
        }

        boolean onlyFigures(String text) {
            return FIGURE.matcher(withoutUnitColumn(text)).replaceAll("").isBlank();
        }

        /** The figures without the unit column before them (万元, 单位：万元). */
        private static String withoutUnitColumn(String text) {
            return Text.halfWidth(text).strip().replaceFirst("^(?:单位[:：]?\\s*)?(?:[(]?万元[)]?)(?:\\s+|$)", "");
        }

        static Yearly flush(Yearly y, FieldCollector out) {
            if (y != null) {
                boolean aligned = y.figures.size() == y.years.size();
                for (int i = 0; i < y.years.size(); i++) {
                    if (FieldCatalog.years().contains(y.years.get(i))) {
                        String key = FieldCatalog.financialKey(y.years.get(i), y.row);
                        if (aligned) {
                            out.put(key, y.figures.get(i));
                        } else {
                            out.sawLabel(key);
                        }
                    }
                }
            }
            return null;
        }
    }

    /** A label wrapped in a narrow cell leaves its unit, （万元）, in front of the value. */
    private static String withoutLeadingUnit(String value) {
        return LEADING_UNIT.matcher(value).replaceFirst("");
    }

    private static String flush(String pending, StringBuilder longText, FieldCollector out) {
        if (pending != null && longText != null) {
            out.put(pending, longText.toString());
        }
        return null;
    }

    private String afterLabel(String text) {
        LabelMatcher.Match m = labels.matchAt(text, LabelMatcher.skipSpaces(text, 0), true);
        return text.substring(m.valueStart());
    }

    /** The years a header line names ({@code 单位 2014 年 2015年}); empty when it has anything else. */
    private static List<String> yearTokens(String text) {
        List<String> years = new ArrayList<>();
        String joined = Text.halfWidth(text).replaceAll("(\\d{4})\\s+年", "$1年");
        for (String token : joined.strip().split("\\s+")) {
            String y = YearlyTable.year(token);
            if (y != null) {
                years.add(y);
            } else if (!token.isEmpty() && !UNIT_TOKEN.matcher(token).matches() && !token.equals("年")) {
                return List.of();
            }
        }
        return years;
    }
}
