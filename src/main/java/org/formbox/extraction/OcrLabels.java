package org.formbox.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises a label cell that OCR misread, for cells read from scans and photos only: the cell's
 * text (spaces, bracketed units and a unit left open removed) within a small edit distance of one
 * label — one wrong, missing or extra character in a label of up to five, two up to eleven, one in six beyond —
 * or an intact label followed by a mangled unit ({@code 固定资产5有的)}, {@code 职工总人数。GO}).
 * Only an unambiguous answer counts: when two fields' labels are equally near, the cell is left
 * alone, and labels of fewer than three characters are never guessed.
 */
final class OcrLabels {

    private static final int MAX_TAIL = 9;

    private final List<LabelMatcher.Entry> entries;

    OcrLabels(LabelMatcher labels) {
        this.entries = labels.entries().stream().filter(e -> e.core().length() >= 3).toList();
    }

    /** The label the text of an OCR'd cell stands for, or null when none is near enough or several are. */
    LabelMatcher.Entry nearest(String text) {
        String raw = Text.halfWidth(OcrText.brackets(text)).replaceAll("\\s+", "").replace('《', '(').replace('》', ')');
        // specks and strokes OCR puts between a label's characters: 占地面各! (M2)
        String bare = bare(raw).replaceAll("[!|'`\"^~_·•]", "");
        if (bare.length() < 2 || raw.length() > 60) {
            return null;
        }
        Map<String, Integer> byKey = new HashMap<>();
        Map<String, LabelMatcher.Entry> entryOf = new HashMap<>();
        for (LabelMatcher.Entry e : entries) {
            String core = e.core();
            int allowed = allowed(core.length());
            int d = bare.length() - core.length() > allowed || core.length() - bare.length() > allowed
                    ? Integer.MAX_VALUE : distance(bare, core, allowed);
            if (d > allowed && raw.startsWith(core) && mangledUnit(raw.substring(core.length()))) {
                d = 1;
            }
            if (d <= allowed && d < byKey.getOrDefault(e.key(), Integer.MAX_VALUE)) {
                byKey.put(e.key(), d);
                entryOf.put(e.key(), e);
            }
        }
        int best = byKey.values().stream().min(Integer::compare).orElse(Integer.MAX_VALUE);
        List<String> at = byKey.entrySet().stream().filter(x -> x.getValue() == best).map(Map.Entry::getKey).toList();
        return at.size() == 1 ? entryOf.get(at.get(0)) : null;
    }

    /** Characters that may be misread in a label of this length: one up to five, two up to eleven, then one in six. */
    static int allowed(int length) {
        return length <= 5 ? 1 : length < 12 ? 2 : length / 6;
    }

    /** The text without bracketed parts, a bracket left open at its end, and a trailing colon or stop. */
    static String bare(String halfWidth) {
        String s = halfWidth.replaceAll("\\([^()]{0,20}\\)", "");
        s = s.replaceAll("\\([^()]{0,20}$", "");
        return s.replaceAll("[:：。.,，;；]+$", "");
    }

    /** What follows an intact label when its unit was misread: short, with a bracket or without any Chinese. */
    private static boolean mangledUnit(String tail) {
        if (tail.isEmpty() || tail.length() > 2 * MAX_TAIL) {
            return false;
        }
        if (tail.charAt(0) == '(') {
            return true; // the label's own aside, (自制、国产、进口), with a misread bracket
        }
        if (tail.length() > MAX_TAIL) {
            return false;
        }
        if (tail.indexOf(')') >= 0) {
            return true;
        }
        return tail.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && tail.chars().noneMatch(Character::isDigit);
    }

    /** Levenshtein distance, or more than {@code limit} as soon as it must be. */
    static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
