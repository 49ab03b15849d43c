package org.formbox.forms;

import java.util.List;

/**
 * One field of a form.
 *
 * @param key      the key used in the store, the API and the export (FORMS.md)
 * @param label    the label as the issued template prints it
 * @param type     value type and unit
 * @param required whether a blank is an error
 * @param annex    which annex the field belongs to
 * @param aliases  further label wordings seen in filled forms, matched like the label
 */
public record FieldDef(String key, String label, FieldType type, boolean required, Annex annex,
                       List<String> aliases) {

    public FieldDef {
        aliases = List.copyOf(aliases);
    }

    /** The label and every alias, the label first. */
    public List<String> labels() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(label), aliases.stream()).toList();
    }

    /** The unit written after a number of this field: 万元, %, 平方米, or for counts 人, 项, 个, 年. */
    public String displayUnit() {
        if (type != FieldType.COUNT) {
            return type.unit();
        }
        return switch (key) {
            case "subproject_count" -> "个";
            case "duration_years" -> "年";
            case "patents_invention", "patents_utility_model" -> "项";
            default -> label.contains("人") ? "人" : "";
        };
    }

    /** The label with its unit in brackets removed, for sentences such as 固定资产（21000万元）. */
    public String shortLabel() {
        return label.replaceAll("[（(][^）)]*[）)]$", "").replace(" ", "").trim();
    }
}
