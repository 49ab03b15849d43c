package org.formbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.formbox.forms.FieldCatalog;

/**
 * Reads Annex 2 answers from running text, as PDF, RTF or plain text give it: {@code 标签 值} or
 * {@code 标签：值} on a line (several pairs per line when a table row was flattened), or the value
 * on the next line. Yearly figures are read after a line naming the years, in column order.
 */
final class SurveyLineReader {

    private static final Pattern UNIT_ONLY = Pattern.compile("\\s*(?:[(（][^)）]{0,20}[)）]\\s*)*");
    private static final Pattern UNIT_TOKEN = Pattern.compile("万元|元|单位|[(（]万元[)）]");

    private final LabelMatcher labels;

    SurveyLineReader(LabelMatcher labels) {
        this.labels = labels;
    }

    void read(List<Line> lines, FieldCollector out) {
        String pending = null;
        StringBuilder longText = null;
        List<String> years = null;
        for (Line line : lines) {
            String text = line.text();
            if (text.isBlank()) {
                continue;
            }
            List<String> yearTokens = yearTokens(text);
            if (yearTokens.size() >= 2) {
                years = yearTokens;
                pending = flush(pending, longText, out);
                longText = null;
                continue;
            }
            String financial = YearlyTable.financialKey(text, labels);
            if (financial != null) {
                if (years != null) {
                    readYearly(text, financial, years, out);
                }
                continue;
            }
            LabelMatcher.Match first = labels.find(text, 0, true);
            String prefix = first == null ? text : text.substring(0, first.start());
            if (pending != null && !UNIT_ONLY.matcher(prefix).matches()) {
                if (longText != null) {
                    longText.append(longText.isEmpty() ? "" : "\n").append(prefix.strip());
                    if (first == null) {
                        continue;
                    }
                } else {
                    out.put(pending, prefix);
                    pending = null;
                }
            }
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
                    out.put(s.entry().key(), s.value());
                }
            }
        }
        flush(pending, longText, out);
    }

    private static String flush(String pending, StringBuilder longText, FieldCollector out) {
        if (pending != null && longText != null) {
            out.put(pending, longText.toString());
        }
        return null;
    }

    private void readYearly(String text, String row, List<String> years, FieldCollector out) {
        LabelMatcher.Match m = labels.matchAt(text, LabelMatcher.skipSpaces(text, 0), true);
        List<String> values = new ArrayList<>();
        for (String token : text.substring(m.valueStart()).strip().split("\\s+")) {
            if (!token.isEmpty() && !UNIT_TOKEN.matcher(token).matches()) {
                values.add(token);
            }
        }
        for (int i = 0; i < years.size() && i < values.size(); i++) {
            if (FieldCatalog.YEARS.contains(years.get(i))) {
                out.put(FieldCatalog.financialKey(years.get(i), row), values.get(i));
            }
        }
    }

    private static List<String> yearTokens(String text) {
        List<String> years = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            String y = YearlyTable.year(token);
            if (y != null) {
                years.add(y);
            } else if (!UNIT_TOKEN.matcher(token).matches() && !token.isEmpty()) {
                return List.of();
            }
        }
        return years;
    }
}
