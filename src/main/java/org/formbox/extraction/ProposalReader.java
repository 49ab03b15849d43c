package org.formbox.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.FieldValue;

/**
 * Reads an Annex 1 proposal: the text of each outline section (the lines from its heading to the
 * next recognised heading) and the project facts, from a cover table, {@code 标签：值} lines, the
 * title, or the prose of the budget section.
 */
final class ProposalReader {

    private static final Pattern TITLE = Pattern.compile("^(.{2,60}?)(?:实施方案|可行性研究报告|申报书|建议书)$");
    private static final int TITLE_LINES = 12;

    private final OutlineHeadings headings = new OutlineHeadings();
    private final LabelMatcher factLabels = FieldLabels.projectFacts();

    /** The sections and facts found, and how many distinct sections had a heading. */
    record Proposal(Map<String, FieldValue> fields, int sectionsFound) {
    }

    Proposal read(DocumentContent content) {
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        StringBuilder current = null;
        for (Line line : content.lines()) {
            OutlineHeadings.Heading h = headings.heading(line);
            if (h != null) {
                current = OutlineHeadings.GROUP.equals(h.key()) ? null : sections.computeIfAbsent(h.key(), k -> new StringBuilder());
                if (current != null) {
                    append(current, h.rest());
                }
            } else if (current != null) {
                append(current, line.text());
            }
        }
        FieldCollector out = new FieldCollector();
        sections.forEach((key, text) -> out.put(key, text.toString()));
        facts(content, sections, out);
        return new Proposal(out.values(), sections.size());
    }

    private void facts(DocumentContent content, Map<String, StringBuilder> sections, FieldCollector out) {
        SurveyGridReader cover = new SurveyGridReader(factLabels);
        content.grids().forEach(g -> cover.read(g, out));
        List<Line> factLines = content.lines().stream().filter(l -> factLabels.startsWithLabel(l.text())).toList();
        new SurveyLineReader(factLabels).read(factLines, out);
        // a figure run into prose (总投资 4500万元，其中…) is left for the prose rules to find
        out.values().values().removeIf(v -> v.number() == null && !v.key().equals("duration_years")
                && FieldLabels.def(v.key()) != null && FieldLabels.def(v.key()).type().numeric());
        StringBuilder budget = sections.get("management.budget");
        if (budget != null) {
            ProjectFacts.fromProse(budget.toString(), out);
        }
        String all = String.join("\n", content.lines().stream().map(Line::text).toList());
        ProjectFacts.fromProse(all, out);
        title(content, out);
        programme(content, out);
        if (out.has("duration_years")) {
            out.values().put("duration_years", ProjectFacts.duration(out.values().get("duration_years")));
        }
    }

    /** The title line {@code XXXX项目实施方案} names the project, unless it only names the call's programme group. */
    private static void title(DocumentContent content, FieldCollector out) {
        if (out.has("project_name")) {
            return;
        }
        for (Line line : firstLines(content)) {
            String text = line.text().strip().replaceAll("\\s+", "");
            Matcher m = TITLE.matcher(text);
            if (m.matches() && !text.startsWith("附件")) {
                String name = m.group(1);
                String withoutProgramme = name.replaceAll("(组|专项)?项目$", "");
                if (!isProgrammeOnly(withoutProgramme)) {
                    out.put("project_name", name);
                    return;
                }
            }
        }
    }

    private static boolean isProgrammeOnly(String name) {
        String p = ProjectFacts.programme(List.of(name));
        return p != null && name.replace(p, "").replaceAll("[“”\"《》宁波市科技创新2025重大]", "").isEmpty();
    }

    /** The programme, spelled as the call spells it, from the 所属专项 answer, the title or the first lines. */
    private static void programme(DocumentContent content, FieldCollector out) {
        List<String> texts = new ArrayList<>();
        FieldValue given = out.values().get("programme");
        if (given != null) {
            texts.add(given.text());
        }
        FieldValue name = out.values().get("project_name");
        if (name != null) {
            texts.add(name.text());
        }
        firstLines(content).forEach(l -> texts.add(l.text()));
        String found = ProjectFacts.programme(texts);
        if (found != null) {
            String raw = given != null ? given.raw() : found;
            out.values().put("programme", FieldValue.text("programme", found, raw));
        }
    }

    private static List<Line> firstLines(DocumentContent content) {
        return content.lines().stream().filter(l -> !l.text().isBlank()).limit(TITLE_LINES).toList();
    }

    private static void append(StringBuilder section, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (!section.isEmpty()) {
            section.append('\n');
        }
        section.append(text.strip());
    }
}
