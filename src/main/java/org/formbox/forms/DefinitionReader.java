package org.formbox.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the tree of a definition file into a {@link CallDefinition}, checking as it goes: every
 * entry known, every type and severity one of those the service has, no key and no label twice,
 * every key a template, reply or rule names defined. Each problem is a {@link DefinitionException}
 * naming the line.
 */
final class DefinitionReader {

    private static final Set<String> TOP = Set.of("call", "none-answers", "regions", "programmes", "forms", "reply", "roles", "rules");
    private static final Set<String> FORM = Set.of("kind", "annex", "short-name", "title", "name-field", "min-labels", "min-sections", "thin-below",
            "template", "fields", "cells", "table", "outline");
    private static final Set<String> FIELD = Set.of("key", "label", "type", "required", "aliases", "unit", "choice",
            "options", "long-text", "in-cell", "expected", "cell-words", "prose", "vocabulary");
    private static final Set<String> RULE = Set.of("id", "form", "severity", "fields", "when", "check", "message",
            "each-year", "also-when-blank", "list-programmes");
    private static final Map<String, FieldType> TYPES = Map.of("text", FieldType.TEXT, "money", FieldType.MONEY,
            "percent", FieldType.PERCENT, "count", FieldType.COUNT, "area", FieldType.AREA, "region", FieldType.TEXT,
            "phone", FieldType.TEXT, "email", FieldType.TEXT, "duration", FieldType.COUNT);
    /** Types that are another type with a way of reading of their own (the format of the field). */
    private static final Set<String> FORMATS = Set.of("region", "phone", "email", "duration");
    private static final Set<String> KINDS = Set.of("survey", "proposal");

    private final String name;
    private final String file;
    private final Map<JsonNode, Integer> lines;
    /** Every key defined so far, with the line that defined it. */
    private final Map<String, Integer> keys = new HashMap<>();

    DefinitionReader(String name, String file, Map<JsonNode, Integer> lines) {
        this.name = name;
        this.file = file;
        this.lines = lines;
    }

    CallDefinition definition(JsonNode root) {
        known(root, TOP, "the top level");
        JsonNode call = required(root, "call");
        CallDefinition.RegionNames regions = regions(required(root, "regions"));
        List<FormDef> forms = new ArrayList<>();
        for (JsonNode f : list(required(root, "forms"))) {
            forms.add(form(f));
        }
        Set<String> annexes = new LinkedHashSet<>();
        int proposals = 0;
        int tables = 0;
        for (int i = 0; i < forms.size(); i++) {
            FormDef form = forms.get(i);
            JsonNode at = list(root.get("forms")).get(i);
            if (!annexes.add(form.annex().name())) {
                fail(at.get("annex"), "a second form “" + form.annex().name() + "”", "give each form an annex of its own (ANNEX_1, ANNEX_2, ANNEX_3 …)");
            }
            // one outline reader and one yearly table per call: the readers know the one of each
            if (form.kind().equals("proposal") && ++proposals > 1) {
                fail(at.get("kind"), "a second form of kind proposal", "give the call one proposal form; further forms can be surveys");
            }
            if (form.table() != null && ++tables > 1) {
                fail(at.get("table"), "a second yearly table", "give the call one yearly table, in one of its survey forms");
            }
        }
        known(call, Set.of("name", "office", "short-name", "mail-name"), "call");
        CallDefinition definition = new CallDefinition(name, file, text(call, "name"), text(call, "office"),
                text(call, "short-name"), text(call, "mail-name"),
                strings(root.get("none-answers")), regions, strings(required(root, "programmes")), forms,
                echo(root.get("reply")), roles(root.get("roles")), rules(root.get("rules"), forms));
        templates(root, definition);
        return definition;
    }

    private CallDefinition.RegionNames regions(JsonNode node) {
        known(node, Set.of("names", "city", "prefixes", "suffixes"), "regions");
        return new CallDefinition.RegionNames(strings(required(node, "names")), strings(node.get("city")),
                strings(node.get("prefixes")), strings(node.get("suffixes")));
    }

    private FormDef form(JsonNode node) {
        known(node, FORM, "a form");
        String kind = text(node, "kind");
        if (!KINDS.contains(kind)) {
            fail(node.get("kind"), "unknown kind of form “" + kind + "”", "write survey (a label/value table) or proposal (an outline)");
        }
        Annex annex = annex(node);
        Map<String, Integer> labels = new HashMap<>();
        List<FieldDef> fields = new ArrayList<>();
        for (JsonNode f : list(node.get("fields"))) {
            fields.add(field(f, annex, labels));
        }
        List<FormDef.Cell> cells = new ArrayList<>();
        for (JsonNode c : list(node.get("cells"))) {
            known(c, Set.of("key", "label", "aliases"), "a cell");
            FormDef.Cell cell = new FormDef.Cell(text(c, "key"), text(c, "label"), strings(c.get("aliases")));
            define(cell.key(), c.get("key"));
            labelled(cell.label(), cell.aliases(), labels, c);
            cells.add(cell);
        }
        FormDef.Table table = node.has("table") ? table(node.get("table"), labels) : null;
        FormDef.Outline outline = node.has("outline") ? outline(node.get("outline"), annex) : null;
        for (FieldDef f : fields) {
            if (!f.cell().isEmpty() && cells.stream().noneMatch(c -> c.key().equals(f.cell()))) {
                fail(lineOfKey(node, f.key()), "field " + f.key() + " is in-cell “" + f.cell() + "”, which is not among the cells",
                        "add the cell under cells:, or remove in-cell");
            }
        }
        String nameField = text(node, "name-field");
        if (fields.stream().noneMatch(f -> f.key().equals(nameField))) {
            fail(node.get("name-field"), "name-field “" + nameField + "” is no field of this form", "name one of the form's fields");
        }
        return new FormDef(kind, annex, text(node, "short-name"), text(node, "title"), nameField, integer(node, "min-labels", 8),
                integer(node, "min-sections", 5), integer(node, "thin-below", 30), template(node.get("template")),
                fields, cells, table, outline);
    }

    private Annex annex(JsonNode node) {
        String annex = text(node, "annex");
        if (!annex.matches("[A-Z][A-Z0-9_]{0,19}") || annex.equals(Annex.OTHER.name()) || annex.equals(Annex.UNREADABLE.name())) {
            fail(node.get("annex"), "“" + annex + "” cannot name a form",
                    "write capitals, digits and _, at most 20, other than OTHER and UNREADABLE (e.g. ANNEX_3)");
        }
        return new Annex(annex, FormDef.label(text(node, "short-name"), text(node, "title")));
    }

    private FieldDef field(JsonNode node, Annex annex, Map<String, Integer> labels) {
        known(node, FIELD, "a field");
        String key = text(node, "key");
        define(key, node.get("key"));
        String type = text(node, "type");
        if (!TYPES.containsKey(type)) {
            fail(node.get("type"), "unknown type “" + type + "”",
                    "write one of text, money, percent, count, area, region, phone, email, duration");
        }
        String choice = optional(node, "choice");
        if (!choice.isEmpty() && !choice.equals("single") && !choice.equals("multiple")) {
            fail(node.get("choice"), "unknown choice “" + choice + "”", "write single or multiple");
        }
        FieldDef field = new FieldDef(key, text(node, "label"), TYPES.get(type), bool(node, "required"), annex,
                strings(node.get("aliases")), optional(node, "unit"),
                FORMATS.contains(type) ? type : "", choice, strings(node.get("options")),
                bool(node, "long-text"), optional(node, "in-cell"), bool(node, "expected"), strings(node.get("cell-words")),
                prose(node.get("prose"), key), strings(node.get("vocabulary")));
        // a counted part of a shared cell is found by its aliases only, its label being the cell's
        if (field.cell().isEmpty()) {
            labelled(field.label(), field.aliases(), labels, node);
        } else {
            labelled(null, field.aliases(), labels, node);
        }
        return field;
    }

    /** Placeholders of prose patterns: the usual shapes of a figure, a count, an organisation, a joining word. */
    private static final Map<String, String> PROSE = Map.of(
            "{number}", "(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿点]+)",
            // a figure with its unit, which applies to digits and Chinese numerals alike (0.1亿元, 5000万元, 5000)
            "{amount}", "((?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿点]+)\\s*(?:亿元|亿|万元|万|元)?)",
            // what an organisation's name ends in, so that 由我公司牵头 names none
            "{organisation}", "([^，,。；;：:\\s由]{2,38}?(?:公司|集团|研究院|研究所|研究中心|大学|学院|医院|中心|实验室|厂))",
            "{join}", "[为是:：约共计达合\\s]{0,4}");

    /** The prose patterns of a fact, placeholders resolved; each must be a regular expression with a group. */
    private List<String> prose(JsonNode node, String key) {
        List<String> patterns = new ArrayList<>();
        List<JsonNode> items = list(node);
        for (int i = 0; i < items.size(); i++) {
            String pattern = items.get(i).asText();
            for (Map.Entry<String, String> p : PROSE.entrySet()) {
                pattern = pattern.replace(p.getKey(), p.getValue());
            }
            try {
                if (java.util.regex.Pattern.compile(pattern).matcher("").groupCount() < 1) {
                    fail(items.get(i), "the prose pattern of " + key + " has no group for the answer",
                            "put the answer in parentheses, or use {amount}, {number} or {organisation}");
                }
            } catch (java.util.regex.PatternSyntaxException e) {
                fail(items.get(i), "the prose pattern of " + key + " is not a regular expression: " + e.getDescription(),
                        "correct the pattern (in single quotes, so that a backslash stays as written)");
            }
            patterns.add(pattern);
        }
        return patterns;
    }

    private FormDef.Table table(JsonNode node, Map<String, Integer> labels) {
        known(node, Set.of("key", "years", "type", "required", "rows"), "the table");
        String type = text(node, "type");
        if (!TYPES.containsKey(type) || !TYPES.get(type).numeric()) {
            fail(node.get("type"), "a table of type “" + type + "”", "write money, percent, count or area");
        }
        List<String> years = strings(required(node, "years"));
        List<FormDef.Row> rows = new ArrayList<>();
        for (JsonNode r : list(required(node, "rows"))) {
            known(r, Set.of("key", "label"), "a table row");
            rows.add(new FormDef.Row(text(r, "key"), text(r, "label")));
            labelled(text(r, "label"), List.of(), labels, r);
        }
        FormDef.Table table = new FormDef.Table(text(node, "key"), years, TYPES.get(type), bool(node, "required"), rows);
        for (String year : years) {
            if (!year.matches("\\d{4}")) {
                fail(node.get("years"), "“" + year + "” is not a year", "write the years as four digits in quotes, e.g. \"2016\"");
            }
            for (int i = 0; i < rows.size(); i++) {
                define(table.cellKey(year, rows.get(i).key()), list(node.get("rows")).get(i));
            }
        }
        return table;
    }

    private FormDef.Outline outline(JsonNode node, Annex annex) {
        known(node, Set.of("groups", "other-headings"), "the outline");
        Map<String, Integer> labels = new HashMap<>();
        List<FormDef.Group> groups = new ArrayList<>();
        for (JsonNode g : list(required(node, "groups"))) {
            known(g, Set.of("key", "title", "sections"), "an outline group");
            String group = text(g, "key");
            List<FieldDef> sections = new ArrayList<>();
            for (JsonNode s : list(required(g, "sections"))) {
                known(s, Set.of("key", "label", "aliases"), "a section");
                String key = group + "." + text(s, "key");
                define(key, s.get("key"));
                FieldDef section = new FieldDef(key, text(s, "label"), FieldType.TEXT, true, annex, strings(s.get("aliases")));
                labelled(section.label(), section.aliases(), labels, s);
                sections.add(section);
            }
            groups.add(new FormDef.Group(group, text(g, "title"), sections));
        }
        return new FormDef.Outline(groups, strings(node.get("other-headings")));
    }

    private FormDef.Template template(JsonNode node) {
        if (node == null) {
            fail(null, "a form without template", "add template: with file: and titles:");
        }
        known(node, Set.of("file", "titles", "rows", "free-text", "contact"), "a template");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : list(node.get("rows"))) {
            rows.add(strings(r));
        }
        return new FormDef.Template(text(node, "file"), strings(node.get("titles")), rows, strings(node.get("free-text")),
                strings(node.get("contact")));
    }

    private List<String> echo(JsonNode reply) {
        if (reply == null) {
            return List.of();
        }
        known(reply, Set.of("echo"), "reply");
        return strings(reply.get("echo"));
    }

    /** The roles: each a role the service has, naming a field (checked with the other keys). */
    private Map<Role, String> roles(JsonNode node) {
        Map<Role, String> roles = new java.util.EnumMap<>(Role.class);
        if (node == null || node.isNull()) {
            return roles;
        }
        known(node, java.util.Arrays.stream(Role.values()).map(Role::entry).collect(java.util.stream.Collectors.toSet()), "roles");
        node.fieldNames().forEachRemaining(n -> roles.put(Role.of(n).orElseThrow(), text(node, n)));
        return roles;
    }

    private List<RuleDef> rules(JsonNode node, List<FormDef> forms) {
        List<RuleDef> rules = new ArrayList<>();
        for (JsonNode r : list(node)) {
            known(r, RULE, "a rule");
            String id = text(r, "id");
            String severity = text(r, "severity");
            if (!severity.equals("error") && !severity.equals("warning")) {
                fail(r.get("severity"), "rule " + id + " has severity “" + severity + "”",
                        "write error (the sender must correct it) or warning (please confirm)");
            }
            String form = ruleForm(r, id, forms);
            rules.add(new RuleDef(id, form, severity, strings(required(r, "fields")), optional(r, "when"),
                    text(r, "check"), text(r, "message"), bool(r, "each-year"), bool(r, "also-when-blank"), bool(r, "list-programmes"), line(r)));
        }
        return rules;
    }

    /**
     * The annex of the form a rule checks: written as the form's annex (ANNEX_3), or as its kind
     * (survey) when the call has one form of that kind.
     */
    private String ruleForm(JsonNode rule, String id, List<FormDef> forms) {
        String form = text(rule, "form");
        List<FormDef> ofKind = forms.stream().filter(f -> f.kind().equals(form)).toList();
        if (ofKind.size() == 1) {
            return ofKind.get(0).annex().name();
        }
        if (ofKind.size() > 1) {
            fail(rule.get("form"), "rule " + id + " checks “" + form + "”, and the call has " + ofKind.size() + " forms of that kind",
                    "name the form by its annex: " + String.join(", ", ofKind.stream().map(f -> f.annex().name()).toList()));
        }
        if (forms.stream().noneMatch(f -> f.annex().name().equals(form))) {
            fail(rule.get("form"), "rule " + id + " checks the form “" + form + "”, which is not defined",
                    "write the annex of one of the forms (" + String.join(", ", forms.stream().map(f -> f.annex().name()).toList())
                            + ") or its kind");
        }
        return form;
    }

    /** Template rows, reply echoes and rule fields may only name keys that are defined. */
    private void templates(JsonNode root, CallDefinition definition) {
        Set<String> known = new LinkedHashSet<>(keys.keySet());
        List<JsonNode> forms = list(root.get("forms"));
        for (int i = 0; i < forms.size(); i++) {
            FormDef form = definition.forms().get(i);
            JsonNode template = forms.get(i).get("template");
            List<String> named = new ArrayList<>();
            form.template().rows().forEach(named::addAll);
            named.addAll(form.template().freeText());
            named.addAll(form.template().contact());
            for (String key : named) {
                if (!known.contains(key)) {
                    fail(template, "the template names “" + key + "”, which is no field or cell of this call",
                            "write a key defined under fields: or cells:, or define it");
                }
            }
        }
        String lastYear = definition.forms().stream().map(FormDef::table).filter(t -> t != null)
                .map(FormDef.Table::lastYear).findFirst().orElse(null);
        for (String key : definition.echo()) {
            String resolved = lastYear == null ? key : key.replace("$last_year", lastYear);
            if (!known.contains(resolved)) {
                fail(root.get("reply"), "reply echo names “" + key + "”, which is no field of this call",
                        "write a key defined under fields:, or remove it");
            }
        }
        for (Role role : Role.values()) {
            String key = definition.role(role).orElse(null);
            if (key != null && definition.fields().stream().noneMatch(f -> f.key().equals(key))) {
                fail(root.get("roles").get(role.entry()), "the role " + role.entry() + " names “" + key
                        + "”, which is no field of this call", "write the key of a field defined under fields:, or remove the role");
            }
        }
        List<String> years = definition.forms().stream().map(FormDef::table).filter(t -> t != null)
                .findFirst().map(FormDef.Table::years).orElse(List.of());
        for (RuleDef rule : definition.rules()) {
            for (String key : rule.fields()) {
                List<String> resolved = new ArrayList<>();
                String k = lastYear == null ? key : key.replace("$last_year", lastYear);
                if (k.contains("$year")) {
                    years.forEach(y -> resolved.add(k.replace("$year", y)));
                } else {
                    resolved.add(k);
                }
                for (String r : resolved) {
                    if (!known.contains(r)) {
                        throw new DefinitionException(file, rule.line(), "rule " + rule.id() + " names the field “" + key
                                + "”, which is not defined", "correct the key (fields are listed under forms:) or define the field");
                    }
                }
            }
        }
    }

    // ---- checks shared by the parts

    private void define(String key, JsonNode at) {
        if (key.isEmpty() || !key.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*")) {
            fail(at, "the key “" + key + "” is not a key", "write lower-case letters, digits and _ (e.g. total_assets)");
        }
        Integer before = keys.putIfAbsent(key, line(at));
        if (before != null) {
            fail(at, "the key “" + key + "” is defined twice (first on line " + before + ")",
                    "give each field its own key, or remove one of the two");
        }
    }

    /** No two fields of a form may answer to the same label: a reader could not tell which is meant. */
    private void labelled(String label, List<String> aliases, Map<String, Integer> labels, JsonNode at) {
        Set<String> own = new LinkedHashSet<>();
        if (label != null) {
            own.add(comparable(label));
        }
        aliases.forEach(a -> own.add(comparable(a)));
        for (String l : own) {
            Integer before = labels.putIfAbsent(l, line(at));
            if (before != null) {
                fail(at, "the label “" + l + "” is also used on line " + before,
                        "give each field labels of its own: remove the label or alias from one of the two");
            }
        }
    }

    /** A label as readers compare it: half-width, without spaces, bracketed units or a trailing colon. */
    static String comparable(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return s.replaceAll("\\([^()]*\\)", "").replaceAll("[:]+$", "");
    }

    private void known(JsonNode node, Set<String> allowed, String what) {
        if (node == null || !node.isObject()) {
            fail(node, what + " is not a mapping", "write it as entries (name: value)");
        }
        node.fieldNames().forEachRemaining(n -> {
            if (!allowed.contains(n)) {
                fail(node.get(n), "unknown entry “" + n + "” in " + what, "write one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        });
    }

    private JsonNode required(JsonNode node, String entry) {
        JsonNode value = node.get(entry);
        if (value == null || value.isNull()) {
            fail(node, "“" + entry + ":” is missing", "add " + entry + ":");
        }
        return value;
    }

    private String text(JsonNode node, String entry) {
        JsonNode value = required(node, entry);
        if (!value.isValueNode() || value.asText().isBlank()) {
            fail(value, "“" + entry + ":” must be a text", "write a value after " + entry + ":");
        }
        return value.asText();
    }

    private String optional(JsonNode node, String entry) {
        JsonNode value = node.get(entry);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private boolean bool(JsonNode node, String entry) {
        JsonNode value = node.get(entry);
        if (value != null && !value.isBoolean()) {
            fail(value, "“" + entry + ":” must be true or false", "write true or false");
        }
        return value != null && value.booleanValue();
    }

    private int integer(JsonNode node, String entry, int otherwise) {
        JsonNode value = node.get(entry);
        if (value != null && !value.canConvertToInt()) {
            fail(value, "“" + entry + ":” must be a whole number", "write a number");
        }
        return value == null ? otherwise : value.asInt();
    }

    private List<JsonNode> list(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            fail(node, "a list was expected here", "write the items as a list (- item, or [a, b])");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(node)) {
            if (!n.isValueNode()) {
                fail(n, "a list of words was expected here", "write each item as a word");
            }
            out.add(n.asText());
        }
        return out;
    }

    private JsonNode lineOfKey(JsonNode form, String key) {
        for (JsonNode f : list(form.get("fields"))) {
            if (key.equals(f.path("key").asText())) {
                return f;
            }
        }
        return form;
    }

    private int line(JsonNode node) {
        return node == null ? 0 : lines.getOrDefault(node, 0);
    }

    private void fail(JsonNode at, String problem, String fix) {
        throw new DefinitionException(file, line(at), problem, fix);
    }
}
