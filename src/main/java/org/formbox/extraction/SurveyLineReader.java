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
    private static final Pattern LEADING_UNIT = Pattern.compile("^\\s*[(（][^)）]{0,12}[)）]\\s*");
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
        String financialRow = null;
        int financialFilled = 0;
        for (Line line : lines) {
            String text = line.text();
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
                continue;
            }
            yearLine = false;
            String financial = YearlyTable.financialKey(text, labels);
            if (financial != null) {
                financialRow = financial;
                financialFilled = readYearly(afterLabel(text), financial, years, 0, out);
                continue;
            }
            if (financialRow != null && financialFilled < years.size() && !labels.startsWithLabel(text)) {
                financialFilled = readYearly(text, financialRow, years, financialFilled, out);
                continue;
            }
            financialRow = null;
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
                    out.put(s.entry().key(), withoutLeadingUnit(s.value()));
                }
            }
        }
        flush(pending, longText, out);
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

    /** Puts the figures of {@code text} into the row's next year cells; returns how many cells are now filled. */
    private static int readYearly(String text, String row, List<String> years, int filled, FieldCollector out) {
        int next = filled;
        for (String token : text.strip().split("\\s+")) {
            if (token.isEmpty() || UNIT_TOKEN.matcher(token).matches()) {
                continue;
            }
            if (next < years.size() && FieldCatalog.YEARS.contains(years.get(next))) {
                out.put(FieldCatalog.financialKey(years.get(next), row), token);
            }
            next++;
        }
        return next;
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
