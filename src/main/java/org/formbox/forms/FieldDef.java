package org.formbox.forms;

import java.util.List;
import java.util.stream.Stream;

/**
 * One field of a form, as the call definition ({@code calls/*.yaml}) describes it.
 *
 * @param key      the key used in the store, the API and the export (docs/FORMS.md)
 * @param label    the label as the issued template prints it
 * @param type     value type and unit
 * @param required whether a blank is an error
 * @param annex    which annex the field belongs to
 * @param aliases  further label wordings seen in filled forms, matched like the label
 * @param unit     the unit written after a number (人, 项, 个, 年 for counts); empty: the type's own
 * @param format   what a text answer is beyond text: {@code region}, {@code phone}, {@code email}; empty: plain
 * @param choice   {@code single} or {@code multiple} when the form offers options to tick; empty: none
 * @param options  the options the form offers, e.g. 国家级, 省级, 市级, 自设, 无
 * @param longText whether its answer takes the rest of the cell (a free-text row)
 * @param cell     the key of the cell shared with other fields (the patent counts); empty: its own
 * @param expected whether a proposal is expected to state it (A1-FIGURES-UNREAD when it does not)
 * @param cellWords a part of a shared cell: the words that name it inside the cell's answer (发明专利, 发明)
 * @param prose    a proposal fact: the patterns of the sentences that state it, placeholders resolved;
 *                 group 1 is the answer
 * @param vocabulary the usual answers (the national industry classification's names, the usual sources
 *                 of technology) that an answer read from a scan is put right to when OCR misread a
 *                 character or two of one; the options are such answers too
 */
public record FieldDef(String key, String label, FieldType type, boolean required, Annex annex,
                       List<String> aliases, String unit, String format, String choice, List<String> options,
                       boolean longText, String cell, boolean expected, List<String> cellWords, List<String> prose,
                       List<String> vocabulary) {

    public FieldDef {
        aliases = List.copyOf(aliases);
        options = List.copyOf(options);
        cellWords = List.copyOf(cellWords);
        prose = List.copyOf(prose);
        vocabulary = List.copyOf(vocabulary);
        unit = unit == null ? "" : unit;
        format = format == null ? "" : format;
        choice = choice == null ? "" : choice;
        cell = cell == null ? "" : cell;
    }

    /** A field without units, options or cell of its own beyond its type. */
    public FieldDef(String key, String label, FieldType type, boolean required, Annex annex, List<String> aliases) {
        this(key, label, type, required, annex, aliases, "", "", "", List.of(), false, "", false, List.of(), List.of(), List.of());
    }

    /** The label and every alias, the label first. */
    public List<String> labels() {
        return Stream.concat(Stream.of(label), aliases.stream()).toList();
    }

    /** The unit written after a number of this field: 万元, %, 平方米, or for counts 人, 项, 个, 年. */
    public String displayUnit() {
        return unit.isEmpty() ? type.unit() : unit;
    }

    /** The answers a misread one is put right to: the options, then the vocabulary. */
    public List<String> usualAnswers() {
        return Stream.concat(options.stream(), vocabulary.stream()).distinct().toList();
    }

    /** Whether the form offers options to tick for this field. */
    public boolean offersChoice() {
        return !choice.isEmpty();
    }

    /** Whether only one of its options may be ticked. */
    public boolean singleChoice() {
        return "single".equals(choice);
    }

    /** The label with its unit in brackets removed, for sentences such as 固定资产（21000万元）. */
    public String shortLabel() {
        return label.replaceAll("[（(][^）)]*[）)]$", "").replace(" ", "").trim();
    }
}
