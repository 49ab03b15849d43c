package org.formbox.forms;

import java.util.List;

/**
 * One form of a call: what it is read as, how it is recognised, its fields and how its blank
 * template is laid out.
 *
 * @param kind        which reader reads it: {@code survey} (label/value table + yearly table) or
 *                    {@code proposal} (outline document)
 * @param annex       what a document of this form is stored as (its id, e.g. ANNEX_2, and its label)
 * @param shortName   how the form is named in a few words, e.g. 附件2
 * @param title       what the form is, e.g. 企业基本情况调查表
 * @param nameField   the field that names the enterprise (documents are filed under it; X-NAME-MISMATCH)
 * @param minLabels   a survey: labels needed to call a document this form
 * @param minSections a proposal: outline sections needed to call a document this form
 * @param thinBelow   a proposal: a section with fewer characters is thin (A1-SECTION-THIN)
 * @param template    the blank template
 * @param fields      its single-value fields in form order (for a proposal: the facts it states)
 * @param cells       cells whose one answer fills several fields
 * @param table       the yearly table, or null
 * @param outline     the outline, or null
 */
public record FormDef(String kind, Annex annex, String shortName, String title, String nameField, int minLabels, int minSections, int thinBelow,
                      Template template, List<FieldDef> fields, List<Cell> cells, Table table, Outline outline) {

    public FormDef {
        fields = List.copyOf(fields);
        cells = List.copyOf(cells);
    }

    /** How replies name the form, e.g. 附件2（企业基本情况调查表）. */
    public String name() {
        return shortName + "（" + title + "）";
    }

    /** The label of a form: its short name and title, e.g. 附件2 企业基本情况调查表. */
    static String label(String shortName, String title) {
        return shortName + " " + title;
    }

    /**
     * @param file     the file name the sender gets
     * @param titles   the lines above the table or outline
     * @param rows     the label/value rows, by field or cell key
     * @param freeText the keys of the free-text rows after the yearly table
     * @param contact  the keys written together in the last row
     */
    public record Template(String file, List<String> titles, List<List<String>> rows, List<String> freeText,
                           List<String> contact) {
        public Template {
            titles = List.copyOf(titles);
            rows = rows.stream().map(List::copyOf).toList();
            freeText = List.copyOf(freeText);
            contact = List.copyOf(contact);
        }
    }

    /** A cell such as 授权专利数（发明，实用新型） whose answer fills the fields naming it in {@code cell}. */
    public record Cell(String key, String label, List<String> aliases) {
        public Cell {
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * A table of one column a year; its cells are the fields {@code <key>.<year>.<row>}.
     *
     * @param key      the first part of the cell keys, e.g. financials
     * @param years    the years, in order
     * @param type     the type of every cell
     * @param required whether every cell is required
     * @param rows     the rows: key and label
     */
    public record Table(String key, List<String> years, FieldType type, boolean required, List<Row> rows) {
        public Table {
            years = List.copyOf(years);
            rows = List.copyOf(rows);
        }

        /** The key of one cell, e.g. {@code financials.2016.total_assets}. */
        public String cellKey(String year, String row) {
            return key + "." + year + "." + row;
        }

        /** The last year, the one figures of the survey are compared with. */
        public String lastYear() {
            return years.get(years.size() - 1);
        }
    }

    /** A row of the yearly table. */
    public record Row(String key, String label) {
    }

    /**
     * The outline of a proposal.
     *
     * @param groups        the groups (一)…(五), each with its sections
     * @param otherHeadings further headings that end a section without starting one
     */
    public record Outline(List<Group> groups, List<String> otherHeadings) {
        public Outline {
            groups = List.copyOf(groups);
            otherHeadings = List.copyOf(otherHeadings);
        }

        /** Every section, group by group. */
        public List<FieldDef> sections() {
            return groups.stream().flatMap(g -> g.sections().stream()).toList();
        }
    }

    /** A group of the outline: its key (the first part of its sections' keys), title and sections. */
    public record Group(String key, String title, List<FieldDef> sections) {
        public Group {
            sections = List.copyOf(sections);
        }
    }
}
