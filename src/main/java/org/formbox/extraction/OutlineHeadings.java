package org.formbox.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FormDef;

/**
 * Recognises the headings of the Annex 1 outline by their words, not their numbers: senders
 * renumber (三) 1, 2, 4, 5 as 1–4, drop the numbers or let Word number them. A line is taken as a
 * heading when its words match and it looks like one: numbered, styled as a heading or bold, short,
 * or followed by a colon.
 */
final class OutlineHeadings {

    /** The group headings (一)…(五) and the title: they end a section without starting one. */
    static final String GROUP = "group";

    private static final Pattern NUMBERING = Pattern.compile(
            "^\\s*(?:(?:第[一二三四五六七八九十]+[部分章节]+|[(（]?[一二三四五六七八九十]{1,3}[)）、.．]|[(（]?\\d{1,2}[)）、.．](?!\\d)|\\d{1,2}(?:\\.\\d{1,2})+)\\s*)+");
    private static final int SHORT = 36;

    /** A heading found on a line. {@code rest}: text after the heading on the same line. */
    record Heading(String key, String rest) {
    }

    private final LabelMatcher sections;
    private final LabelMatcher groups;

    OutlineHeadings() {
        List<LabelMatcher.Entry> entries = new ArrayList<>();
        for (FieldDef f : FieldCatalog.sections()) {
            f.labels().forEach(l -> entries.add(new LabelMatcher.Entry(f.key(), LabelMatcher.core(l), false)));
        }
        sections = new LabelMatcher(entries);
        // the group titles and the definition's other headings (the title, a shortened group title)
        List<String> titles = new ArrayList<>();
        FieldCatalog.proposal().map(FormDef::outline).ifPresent(o -> {
            o.groups().forEach(g -> titles.add(g.title()));
            titles.addAll(o.otherHeadings());
        });
        groups = new LabelMatcher(titles.stream().map(g -> new LabelMatcher.Entry(GROUP, g, false)).toList());
    }

    /** The heading on this line, or null when it is body text. */
    Heading heading(Line line) {
        String text = line.text().strip();
        if (text.isEmpty() || text.length() > 200) {
            return null;
        }
        Matcher n = NUMBERING.matcher(text);
        boolean numbered = n.find();
        String body = numbered ? text.substring(n.end()) : text;
        LabelMatcher.Match m = sections.matchAt(body, 0, true);
        if (m == null) {
            LabelMatcher.Match g = groups.matchAt(body, 0, true);
            boolean shortLine = body.length() <= SHORT;
            return g != null && (numbered || shortLine) ? new Heading(GROUP, "") : null;
        }
        String rest = body.substring(m.valueStart()).strip();
        boolean colon = m.valueStart() > 0 && Text.halfWidth(body.charAt(m.valueStart() - 1)) == ':';
        boolean looksLikeHeading = numbered || line.emphasis() || rest.isEmpty() || colon;
        return looksLikeHeading ? new Heading(m.entry().key(), rest) : null;
    }
}
