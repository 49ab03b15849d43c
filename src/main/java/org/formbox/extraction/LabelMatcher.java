package org.formbox.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds form labels in cell or line text, tolerant of what senders do to them: full- and
 * half-width brackets and colons, spaces inside labels ({@code 总 资 产}), line breaks, unit
 * suffixes such as {@code （万元）} and a value typed after the label. The longest label wins, so
 * {@code 其中初中及以下} beats {@code 初中及以下} and {@code 联系电话} beats {@code 电话}.
 */
final class LabelMatcher {

    /** A label to look for, under the key it fills. {@code longText}: its answer takes the rest of the cell. */
    record Entry(String key, String core, boolean longText) {
    }

    /**
     * A label found in a text.
     *
     * @param entry      which label
     * @param start      where the label begins
     * @param valueStart where the text after the label (and its unit, colon) begins
     */
    record Match(Entry entry, int start, int valueStart) {
    }

    /** One label with the text that follows it up to the next label in the same text. */
    record Segment(Entry entry, String value) {
    }

    private static final int MAX_BRACKET = 40;

    private final Map<Character, List<Entry>> byFirstChar = new HashMap<>();

    LabelMatcher(List<Entry> entries) {
        for (Entry e : entries) {
            if (!e.core().isEmpty()) {
                byFirstChar.computeIfAbsent(e.core().charAt(0), c -> new ArrayList<>()).add(e);
            }
        }
        byFirstChar.values().forEach(l -> l.sort(Comparator.comparingInt((Entry e) -> e.core().length()).reversed()));
    }

    /** Every label, longest first within each first character. */
    List<Entry> entries() {
        return byFirstChar.values().stream().flatMap(List::stream).toList();
    }

    /** A label as it is compared: half-width, no spaces, no bracketed parts, no trailing colon. */
    static String core(String label) {
        String s = Text.halfWidth(label).replaceAll("\\s+", "");
        s = s.replaceAll("\\([^()]*\\)", "");
        return s.replaceAll("[:]+$", "");
    }

    /** Whether any label starts the text (after leading spaces). */
    boolean startsWithLabel(String text) {
        return matchAt(text, skipSpaces(text, 0), true) != null;
    }

    /**
     * Splits a text that starts with a label into label/value segments: {@code 联系人：张三 电话：0574…}
     * gives three. Empty when the text does not start with a label.
     *
     * @param looseSeparators also split where a label follows a space without a colon, as in lines
     *                        of text extracted from a PDF table row
     */
    List<Segment> segments(String text, boolean looseSeparators) {
        List<Segment> out = new ArrayList<>();
        Match m = matchAt(text, skipSpaces(text, 0), true);
        while (m != null) {
            Match next = m.entry().longText() ? null : nextLabel(text, m.valueStart(), looseSeparators);
            int end = next == null ? text.length() : next.start();
            out.add(new Segment(m.entry(), text.substring(Math.min(m.valueStart(), end), end).strip()));
            m = next;
        }
        return out;
    }

    /** The first label in the text at a word boundary, from {@code from}; null when none. */
    Match find(String text, int from, boolean looseSeparators) {
        return nextLabel(text, from, looseSeparators);
    }

    private Match nextLabel(String text, int from, boolean loose) {
        for (int k = Math.max(from, 0); k < text.length(); k++) {
            if (k > from && !boundary(text.charAt(k - 1))) {
                continue;
            }
            Match m = matchAt(text, k, loose);
            if (m != null && (loose || colonAfter(text, m))) {
                return m;
            }
        }
        return null;
    }

    private static boolean colonAfter(String text, Match m) {
        int p = m.valueStart() - 1;
        return p >= 0 && p < text.length() && Text.halfWidth(text.charAt(p)) == ':' || m.valueStart() >= text.length();
    }

    private static boolean boundary(char c) {
        char h = Text.halfWidth(c);
        return Text.space(h) || ",;、。".indexOf(h) >= 0 || c == '，' || c == '；' || c == '、' || c == '。';
    }

    /** The longest label matching at {@code pos}, requiring a separator after it; null when none. */
    Match matchAt(String text, int pos, boolean allowSpaceSeparator) {
        if (pos >= text.length()) {
            return null;
        }
        List<Entry> candidates = byFirstChar.get(Text.halfWidth(text.charAt(pos)));
        if (candidates == null) {
            return null;
        }
        for (Entry e : candidates) {
            int end = labelEnd(text, pos, e.core());
            if (end < 0) {
                continue;
            }
            int value = valueStart(text, end, allowSpaceSeparator);
            if (value >= 0) {
                return new Match(e, pos, value);
            }
        }
        return null;
    }

    /** Where the label ends in the text, skipping spaces and bracketed asides inside it; -1 if absent. */
    private static int labelEnd(String text, int pos, String core) {
        int p = pos;
        int j = 0;
        while (j < core.length()) {
            if (p >= text.length()) {
                return -1;
            }
            char c = Text.halfWidth(text.charAt(p));
            if (Text.space(c) && j > 0 || c == ':' && afterIntroducer(core, j)) {
                p++;
            } else if (c == core.charAt(j)) {
                p++;
                j++;
            } else if (c == '(' && j > 0) {
                p = skipBracket(text, p);
                if (p < 0) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        return p;
    }

    /** Whether the label so far is a word that introduces a sub-item and may take a colon: 其中：初中及以下. */
    private static boolean afterIntroducer(String core, int j) {
        return j == 2 && core.startsWith("其中") && core.length() > 2;
    }

    /** After the label: its unit in brackets, then a colon, a space or line break, or the end. */
    private static int valueStart(String text, int end, boolean allowSpace) {
        int q = skipSpaces(text, end);
        boolean bracket = false;
        while (q < text.length() && Text.halfWidth(text.charAt(q)) == '(') {
            int after = skipBracket(text, q);
            if (after < 0 && q > end && unclosed(text, q)) {
                return text.length(); // a unit left open at the end of a label cell: 固定资产（万元
            }
            if (after < 0) {
                break;
            }
            q = skipSpaces(text, after);
            bracket = true;
        }
        if (q >= text.length()) {
            return text.length();
        }
        char c = Text.halfWidth(text.charAt(q));
        if (c == ':') {
            return q + 1;
        }
        boolean spaced = q > end && !bracket;
        boolean lineBreak = text.substring(end, q).indexOf('\n') >= 0;
        if (lineBreak || bracket || spaced && allowSpace) {
            return q;
        }
        return -1;
    }

    private static boolean unclosed(String text, int open) {
        String rest = Text.halfWidth(text.substring(open + 1));
        return rest.length() <= 6 && rest.indexOf(')') < 0 && rest.indexOf(':') < 0 && rest.indexOf('\n') < 0;
    }

    private static int skipBracket(String text, int open) {
        int limit = Math.min(text.length(), open + MAX_BRACKET);
        for (int i = open + 1; i < limit; i++) {
            char c = Text.halfWidth(text.charAt(i));
            if (c == ')') {
                return i + 1;
            }
            if (c == '(') {
                return -1;
            }
        }
        return -1;
    }

    static int skipSpaces(String text, int from) {
        int q = from;
        while (q < text.length() && Text.space(text.charAt(q))) {
            q++;
        }
        return q;
    }
}
