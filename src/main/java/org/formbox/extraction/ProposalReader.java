package org.formbox.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.CallDefinition;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldType;
import org.formbox.forms.FieldValue;
import org.formbox.forms.Role;

/**
 * Reads a proposal: the text of each outline section (the lines from its heading to the next
 * recognised heading) and the project facts, from a cover table, {@code 标签：值} lines, the title,
 * or the prose of the budget section. Which fact is the project's name, its programme and which
 * section states the budget are the definition's roles (project-name, programme, budget-section).
 */
final class ProposalReader {

    private static final Pattern TITLE = Pattern.compile("^(.{2,60}?)(?:实施方案|可行性研究报告|申报书|建议书)$");
    /** A subtitle naming the document type under the title: （高性能金属材料专项项目实施方案）, ——…实施方案. */
    private static final Pattern SUBTITLE = Pattern.compile(
            "^(?:[(（]|——|--|—)(.{0,30}?)(?:实施方案|可行性研究报告|申报书|建议书)[)）]?$");
    /**
     * How a proposal names a programme that may not be one of the call's, group 1 the name; the
     * subtitle (（宁波市“科技创新2025”XX专项项目实施方案）) is built from the call's words ({@link Wording}).
     */
    private static final List<Pattern> PROGRAMME_STATED = List.of(
            Pattern.compile("所属专项(?:为|是|:|：)\\s*[“\"《]?([^，,。；;\\s“”\"《》]{2,20}?)(?:专项)?[”\"》]?(?:[，,。；;\\s]|$)"),
            Pattern.compile("(?:属于|拟申报|申报)[“\"《]?([^，,。；;\\s“”\"《》]{2,20}?)[”\"》]?专项"));
    /** Text facts end where the sentence ends: 项目名称：X。所属专项：Y。 */
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;\\n].*$", Pattern.DOTALL);
    private static final int TITLE_LINES = 12;
    /** The format of a fact read as a number of years (3年, 2017-2019年): kept as text until then. */
    private static final String DURATION = "duration";

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
        Origin text = content.textOrigin();
        out.from(text);
        sections.forEach((key, body) -> out.put(key, body.toString()));
        facts(content, sections, out);
        out.settle(text);
        return new Proposal(out.values(), sections.size());
    }

    /**
     * How the call names itself in a proposal's subtitle and title: its city prefixes (宁波市) and
     * its short name (科技创新2025), from the active definition.
     */
    private record Wording(CallDefinition definition, Pattern subtitle, Pattern callWords) {

        private static volatile Wording current;

        static Wording of(CallDefinition definition) {
            Wording w = current;
            if (w == null || w.definition() != definition) {
                List<String> words = new ArrayList<>(definition.regions().prefixes());
                words.add(definition.shortName());
                String prefixes = String.join("|", definition.regions().prefixes().stream().map(Pattern::quote).toList());
                Pattern subtitle = Pattern.compile("^[(（]\\s*" + (prefixes.isEmpty() ? "" : "(?:" + prefixes + ")?")
                        + "(?:“?" + Pattern.quote(definition.shortName()) + "”?)?(?:重大)?([^()（）“”]{2,20}?)(?:重大)?专项(?:组)?(?:项目)?实施方案\\s*[)）]$");
                StringBuilder chars = new StringBuilder("“”\"《》重大");
                words.forEach(chars::append);
                Pattern callWords = Pattern.compile("[" + chars.toString().replaceAll("[\\\\\\[\\]^\\-&]", "\\\\$0") + "]");
                w = new Wording(definition, subtitle, callWords);
                current = w;
            }
            return w;
        }
    }

    private void facts(DocumentContent content, Map<String, StringBuilder> sections, FieldCollector out) {
        SurveyGridReader cover = new SurveyGridReader(factLabels);
        content.grids().forEach(g -> cover.read(g, out));
        List<Line> factLines = content.lines().stream().filter(l -> factLabels.startsWithLabel(l.text())).toList();
        new SurveyLineReader(factLabels).read(factLines, out);
        // a figure run into prose (总投资 4500万元，其中…) is left for the prose rules to find
        out.values().values().removeIf(v -> v.number() == null && FieldLabels.def(v.key()) != null
                && FieldLabels.def(v.key()).type().numeric() && !DURATION.equals(FieldLabels.def(v.key()).format()));
        trimTextFacts(out);
        StringBuilder budget = FieldCatalog.role(Role.BUDGET_SECTION).map(sections::get).orElse(null);
        if (budget != null) {
            ProjectFacts.fromProse(budget.toString(), out);
        }
        String all = String.join("\n", content.lines().stream().map(Line::text).toList());
        ProjectFacts.fromProse(all, out);
        String project = FieldCatalog.role(Role.PROJECT_NAME).orElse(null);
        String programme = FieldCatalog.role(Role.PROGRAMME).orElse(null);
        if (project != null) {
            title(content, out, project);
        }
        if (programme != null) {
            programme(content, out, programme, project);
            if (!out.has(programme)) {
                statedProgramme(content, budget, out, programme);
            }
        }
        for (FieldDef f : FieldCatalog.projectFacts()) {
            if (DURATION.equals(f.format()) && out.has(f.key())) {
                out.values().put(f.key(), ProjectFacts.duration(out.values().get(f.key())));
            }
        }
    }

    /** A name or programme typed into running text runs on into the next sentence; keep the first. */
    private static void trimTextFacts(FieldCollector out) {
        for (String key : FieldCatalog.projectFacts().stream()
                .filter(f -> f.type() == FieldType.TEXT && f.format().isEmpty()).map(FieldDef::key).toList()) {
            FieldValue v = out.values().get(key);
            if (v != null && v.text() != null) {
                String text = SENTENCE_END.matcher(v.text()).replaceFirst("").strip().replaceAll("[，,、：:]+$", "");
                if (text.isEmpty()) {
                    out.values().remove(key);
                } else if (!text.equals(v.text())) {
                    out.values().put(key, FieldValue.text(key, text, v.raw()));
                }
            }
        }
    }

    /**
     * The title names the project: a line {@code XXXX项目实施方案}, unless it only names the call's
     * programme group, or the line above a subtitle {@code （XX专项项目实施方案）}.
     */
    private static void title(DocumentContent content, FieldCollector out, String key) {
        if (out.has(key)) {
            return;
        }
        List<Line> first = firstLines(content);
        for (int i = 1; i < first.size(); i++) {
            String text = first.get(i).text().strip().replaceAll("\\s+", "");
            String above = first.get(i - 1).text().strip();
            if (SUBTITLE.matcher(text).matches() && above.length() >= 4 && !above.startsWith("附件")
                    && OutlineHeadingsHolder.HEADINGS.heading(first.get(i - 1)) == null) {
                out.put(key, above);
                return;
            }
        }
        for (Line line : first) {
            String text = line.text().strip().replaceAll("\\s+", "");
            Matcher m = TITLE.matcher(text);
            if (m.matches() && !text.startsWith("附件")) {
                String name = m.group(1);
                String withoutProgramme = name.replaceAll("(组|专项)?项目$", "");
                if (!isProgrammeOnly(withoutProgramme)) {
                    out.put(key, name);
                    return;
                }
            }
        }
    }

    /**
     * A programme the proposal states that is none of the call's 13 (智能制造装备): reported as
     * written, so that the checks can say it is not one of them.
     */
    private static void statedProgramme(DocumentContent content, StringBuilder budget, FieldCollector out, String key) {
        List<String> texts = new ArrayList<>();
        firstLines(content).forEach(l -> texts.add(l.text().strip()));
        if (budget != null) {
            texts.add(budget.toString());
        }
        List<Pattern> patterns = new ArrayList<>(List.of(Wording.of(FieldCatalog.definition()).subtitle()));
        patterns.addAll(PROGRAMME_STATED);
        for (Pattern p : patterns) {
            for (String t : texts) {
                Matcher m = p.matcher(t);
                if (m.find()) {
                    String name = m.group(1).strip();
                    if (name.length() >= 2) {
                        out.values().put(key, FieldValue.text(key, name, m.group()));
                        return;
                    }
                }
            }
        }
    }

    private static final class OutlineHeadingsHolder {
        static final OutlineHeadings HEADINGS = new OutlineHeadings();
    }

    private static boolean isProgrammeOnly(String name) {
        String p = ProjectFacts.programme(List.of(name));
        return p != null && Wording.of(FieldCatalog.definition()).callWords().matcher(name.replace(p, "")).replaceAll("").isEmpty();
    }

    /** The programme, spelled as the call spells it, from the 所属专项 answer, the title or the first lines. */
    private static void programme(DocumentContent content, FieldCollector out, String key, String project) {
        List<String> texts = new ArrayList<>();
        FieldValue given = out.values().get(key);
        if (given != null) {
            texts.add(given.text());
        }
        FieldValue name = project == null ? null : out.values().get(project);
        if (name != null) {
            texts.add(name.text());
        }
        firstLines(content).forEach(l -> texts.add(l.text()));
        String found = ProjectFacts.programme(texts);
        if (found != null) {
            String raw = given != null ? given.raw() : found;
            out.values().put(key, FieldValue.text(key, found, raw));
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
