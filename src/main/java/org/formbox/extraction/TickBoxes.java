package org.formbox.extraction;

import java.util.ArrayList;
import java.util.List;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldType;

/**
 * Reads a row of tick boxes ({@code ☑省级 □市级 □自设}, {@code √进口}, {@code ■自主研发}) as the
 * option(s) ticked. Symbol-font ticks and check-box controls reach here already turned into
 * {@code ☑}/{@code □} by the format readers. Marks usually precede their option; when the text ends
 * with a mark and does not start with one, they follow it ({@code 省级☑ 市级□}). Several ticks in a
 * field that takes one answer, or a mark with no option beside it, are unclear: the text is kept
 * as written with a low confidence, so the checks ask the sender to confirm instead of guessing.
 */
final class TickBoxes {

    /** The confidence of an unclear row of ticks. */
    static final double UNCLEAR = 0.5;

    /** Marks that mean ticked. */
    static final String TICKED = "☑☒√✓✔■▣⊠●◉";
    /** Marks that mean an empty box. */
    static final String EMPTY = "□☐○◯▢❑❒";

    private static final String SEPARATORS = " \t\n\u3000、，,；;。/|";

    /**
     * The reading of a text with tick marks.
     *
     * @param value the ticked option(s), joined by 、; or the text as written when unclear
     * @param clear whether the marks say one thing
     * @param blank whether boxes were offered and none was ticked
     */
    record Reading(String value, boolean clear, boolean blank) {
    }

    private record Option(String text, boolean ticked) {
    }

    private TickBoxes() {
    }

    /**
     * The reading, or null when the text holds no tick mark or the field takes no options (the
     * definition's {@code choice}): elsewhere ● and ■ are bullets, not boxes.
     */
    static Reading read(FieldDef def, String text) {
        if (def == null || def.type() != FieldType.TEXT || !def.offersChoice() || text == null || !hasMark(text)) {
            return null;
        }
        String t = text.strip();
        boolean marksAfter = !isMark(t.charAt(0)) && isMark(t.charAt(t.length() - 1));
        List<Option> options = marksAfter ? after(t) : before(t);
        List<String> ticked = options.stream().filter(Option::ticked).map(Option::text).toList();
        if (options.stream().anyMatch(o -> o.text().isEmpty())) {
            return ticked.isEmpty() && options.stream().noneMatch(Option::ticked) ? new Reading("", true, true)
                    : new Reading(t, false, false);
        }
        if (ticked.isEmpty()) {
            return new Reading("", true, true);
        }
        boolean tooMany = ticked.size() > 1 && def.singleChoice();
        // a template that draws every box as ■ ticks all of them: that says nothing
        boolean allTicked = ticked.size() == options.size() && options.size() >= 3;
        if (tooMany || allTicked) {
            return new Reading(t, false, false);
        }
        return new Reading(String.join("、", ticked), true, false);
    }

    private static List<Option> before(String t) {
        List<Option> options = new ArrayList<>();
        int i = 0;
        while (i < t.length() && !isMark(t.charAt(i))) {
            i++; // a lead-in such as 级别： before the first box
        }
        while (i < t.length()) {
            boolean ticked = TICKED.indexOf(t.charAt(i)) >= 0;
            int j = i + 1;
            while (j < t.length() && !isMark(t.charAt(j))) {
                j++;
            }
            options.add(new Option(trim(t.substring(i + 1, j)), ticked));
            i = j;
        }
        return options;
    }

    private static List<Option> after(String t) {
        List<Option> options = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < t.length(); i++) {
            if (isMark(t.charAt(i))) {
                options.add(new Option(trim(t.substring(from, i)), TICKED.indexOf(t.charAt(i)) >= 0));
                from = i + 1;
            }
        }
        return options;
    }

    private static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && SEPARATORS.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && SEPARATORS.indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        return s.substring(a, b);
    }

    static boolean hasMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isMark(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMark(char c) {
        return TICKED.indexOf(c) >= 0 || EMPTY.indexOf(c) >= 0;
    }
}
