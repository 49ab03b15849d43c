package org.formbox.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call as its definition file ({@code calls/<name>.yaml}) states it: its forms with their
 * fields, tables and outline, the regions and programmes, the answers that mean none, the values a
 * reply echoes and the audit rules. Immutable; read by {@link CallDefinitions}.
 *
 * @param name        the definition's name (its file name without .yaml)
 * @param file        where it was read from, for messages
 * @param title       the call, e.g. 宁波市“科技创新2025”重大专项
 * @param office      the office running it
 * @param shortName   the call in a few words, for subjects (科技创新2025)
 * @param mailName    the display name of the collection address in every mail sent
 * @param noneAnswers answers that mean none or zero
 * @param regions     the regions and how their names are written
 * @param programmes  the programmes (专项)
 * @param forms       the forms
 * @param echo        the keys a reply echoes, in order
 * @param roles       the field playing each role the definition gives (region → region …)
 * @param rules       the audit rules, in order
 */
public record CallDefinition(String name, String file, String title, String office, String shortName,
                             String mailName, List<String> noneAnswers,
                             RegionNames regions, List<String> programmes, List<FormDef> forms, List<String> echo,
                             Map<Role, String> roles, List<RuleDef> rules) {

    public CallDefinition {
        noneAnswers = List.copyOf(noneAnswers);
        programmes = List.copyOf(programmes);
        forms = List.copyOf(forms);
        echo = List.copyOf(echo);
        roles = Map.copyOf(roles);
        rules = List.copyOf(rules);
    }

    /**
     * @param names    the official names
     * @param city     the city part of names, left out when names are compared (宁波)
     * @param prefixes what senders write before a name (宁波市, 浙江省宁波市)
     * @param suffixes what may follow the distinctive part of a name, longest first (保税港区, 区)
     */
    public record RegionNames(List<String> names, List<String> city, List<String> prefixes, List<String> suffixes) {
        public RegionNames {
            names = List.copyOf(names);
            city = List.copyOf(city);
            prefixes = List.copyOf(prefixes);
            suffixes = List.copyOf(suffixes);
        }
    }

    /** The first form read by this kind of reader ({@code survey} or {@code proposal}). */
    public Optional<FormDef> formOfKind(String kind) {
        return forms.stream().filter(f -> f.kind().equals(kind)).findFirst();
    }

    /** The forms read by this kind of reader, in definition order. */
    public List<FormDef> formsOfKind(String kind) {
        return forms.stream().filter(f -> f.kind().equals(kind)).toList();
    }

    /** The form stored under this annex name (ANNEX_2 …). */
    public Optional<FormDef> form(String annex) {
        return forms.stream().filter(f -> f.annex().name().equals(annex)).findFirst();
    }

    /** The form documents of this annex are read as. */
    public Optional<FormDef> form(Annex annex) {
        return annex == null ? Optional.empty() : form(annex.name());
    }

    /** The key of the field playing this role, if the definition gives the role. */
    public Optional<String> role(Role role) {
        return Optional.ofNullable(roles.get(role));
    }

    /** Every field of every form, in form order: single fields, then table cells, then sections. */
    public List<FieldDef> fields() {
        Map<String, FieldDef> all = new LinkedHashMap<>();
        for (FormDef form : forms) {
            form.fields().forEach(f -> all.putIfAbsent(f.key(), f));
            tableCells(form).forEach(f -> all.putIfAbsent(f.key(), f));
            if (form.outline() != null) {
                form.outline().sections().forEach(f -> all.putIfAbsent(f.key(), f));
            }
        }
        return List.copyOf(all.values());
    }

    /** The cells of a form's yearly table as fields, year by year. */
    public static List<FieldDef> tableCells(FormDef form) {
        FormDef.Table table = form.table();
        if (table == null) {
            return List.of();
        }
        List<FieldDef> cells = new ArrayList<>();
        for (String year : table.years()) {
            for (FormDef.Row row : table.rows()) {
                String unit = table.type().unit();
                cells.add(new FieldDef(table.cellKey(year, row.key()),
                        year + "年" + row.label() + (unit.isEmpty() ? "" : "（" + unit + "）"), table.type(),
                        table.required(), form.annex(), List.of()));
            }
        }
        return Collections.unmodifiableList(cells);
    }
}
