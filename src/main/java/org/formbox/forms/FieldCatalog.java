package org.formbox.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of the active call, for the readers, checks, templates, export and pages: a thin face
 * over the {@link CallDefinition} read from {@code calls/<name>.yaml}. Nothing here states a fact
 * of the call; every list comes from the definition. Until the service installs the configured
 * definition ({@link #use}), the shipped default is active.
 */
public final class FieldCatalog {

    private static volatile Active active = new Active(CallDefinitions.shipped(CallDefinitions.DEFAULT));

    /** The years of the shipped call's yearly table; code follows {@link #years()}, the active call's. */
    public static final List<String> YEARS = years();

    /** The shipped call's programmes; code follows {@link #programmes()}. */
    public static final List<String> PROGRAMMES = programmes();

    /** Row keys and labels of the shipped call's yearly table; code follows {@link #financialRows()}. */
    public static final Map<String, String> FINANCIAL_ROWS = financialRows();

    private FieldCatalog() {
    }

    /** Makes this definition the active one: from now on every reader, rule and template follows it. */
    public static void use(CallDefinition definition) {
        active = new Active(definition);
    }

    /** The active definition. */
    public static CallDefinition definition() {
        return active.definition;
    }

    /** The single-value fields of the survey table, in form order (the yearly table excluded). */
    public static List<FieldDef> surveyFields() {
        return survey().map(FormDef::fields).orElse(List.of());
    }

    /** The cells of the yearly table, year by year. */
    public static List<FieldDef> financialCells() {
        return survey().map(CallDefinition::tableCells).orElse(List.of());
    }

    /** Every Annex 2 field: the survey fields, then the yearly cells. */
    public static List<FieldDef> annex2Fields() {
        return survey().map(FieldCatalog::answerFields).orElse(List.of());
    }

    /** The fields a form is filled in with: its single-value fields, then its yearly cells. */
    public static List<FieldDef> answerFields(FormDef form) {
        List<FieldDef> all = new ArrayList<>(form.fields());
        all.addAll(CallDefinition.tableCells(form));
        return Collections.unmodifiableList(all);
    }

    /** The sections of the Annex 1 outline. */
    public static List<FieldDef> sections() {
        return proposal().map(FormDef::outline).map(FormDef.Outline::sections).orElse(List.of());
    }

    /** The project facts an Annex 1 states somewhere. */
    public static List<FieldDef> projectFacts() {
        return proposal().map(FormDef::fields).orElse(List.of());
    }

    /** Every field of both annexes, Annex 2 first. */
    public static List<FieldDef> all() {
        return active.all;
    }

    /** The field with this key. */
    public static Optional<FieldDef> byKey(String key) {
        return Optional.ofNullable(active.byKey.get(key));
    }

    /** The key of one cell of the yearly table, e.g. {@code financials.2016.total_assets}. */
    public static String financialKey(String year, String row) {
        return table().map(t -> t.cellKey(year, row)).orElse("financials." + year + "." + row);
    }

    /** The years of the yearly table. */
    public static List<String> years() {
        return table().map(FormDef.Table::years).orElse(List.of());
    }

    /** The last year of the yearly table, the one other figures are compared with. */
    public static String lastYear() {
        return table().map(FormDef.Table::lastYear).orElse("");
    }

    /** Row keys and labels of the yearly table, in order. */
    public static Map<String, String> financialRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        table().ifPresent(t -> t.rows().forEach(r -> rows.put(r.key(), r.label())));
        return Collections.unmodifiableMap(rows);
    }

    /** The districts, counties and zones of the call's city. */
    public static List<String> regions() {
        return definition().regions().names();
    }

    /** The programmes (专项) of the call. */
    public static List<String> programmes() {
        return definition().programmes();
    }

    /** Answers that mean none or zero: answers, not blanks. */
    public static List<String> noneAnswers() {
        return definition().noneAnswers();
    }

    /** The survey form with the yearly table (else the first survey form), if the call has one. */
    public static Optional<FormDef> survey() {
        List<FormDef> surveys = definition().formsOfKind("survey");
        return surveys.stream().filter(f -> f.table() != null).findFirst().or(() -> surveys.stream().findFirst());
    }

    /** The proposal form (Annex 1), if the call has one. */
    public static Optional<FormDef> proposal() {
        return definition().formOfKind("proposal");
    }

    /** The forms of the call as they are numbered (by annex: ANNEX_1, ANNEX_2 …): issued, listed and counted so. */
    public static List<FormDef> forms() {
        return active.forms;
    }

    /** The annexes of the call's forms, in the order of {@link #forms()}. */
    public static List<Annex> annexes() {
        return active.forms.stream().map(FormDef::annex).toList();
    }

    /** The key of the field playing this role in the active call, if it gives the role. */
    public static Optional<String> role(Role role) {
        return definition().role(role);
    }

    /** The fields that name the enterprise on the forms (their name-fields), the surveys' first, each once. */
    public static List<String> nameFields() {
        return active.nameFields;
    }

    /** The form documents of this annex are read as. */
    public static Optional<FormDef> form(Annex annex) {
        return definition().form(annex);
    }

    /** The form stored under this annex name. */
    public static Optional<FormDef> form(String annex) {
        return definition().form(annex);
    }

    private static Optional<FormDef.Table> table() {
        return definition().forms().stream().map(FormDef::table).filter(t -> t != null).findFirst();
    }

    /** The definition with its fields indexed once. */
    private static final class Active {
        final CallDefinition definition;
        final List<FormDef> forms;
        final List<String> nameFields;
        final List<FieldDef> all;
        final Map<String, FieldDef> byKey;

        Active(CallDefinition definition) {
            this.definition = definition;
            Map<String, FieldDef> map = new LinkedHashMap<>();
            List<FormDef> forms = new ArrayList<>(definition.forms());
            this.forms = forms.stream().sorted(java.util.Comparator.comparing(f -> f.annex().name())).toList();
            // surveys first, as the forms are printed and findings are ordered
            forms.sort(java.util.Comparator.comparing(f -> f.kind().equals("survey") ? 0 : 1));
            this.nameFields = forms.stream().map(FormDef::nameField).distinct().toList();
            for (FormDef form : forms) {
                form.fields().stream().filter(f -> form.outline() == null).forEach(f -> map.putIfAbsent(f.key(), f));
                CallDefinition.tableCells(form).forEach(f -> map.putIfAbsent(f.key(), f));
                if (form.outline() != null) {
                    form.outline().sections().forEach(f -> map.putIfAbsent(f.key(), f));
                    form.fields().forEach(f -> map.putIfAbsent(f.key(), f));
                }
            }
            this.byKey = Collections.unmodifiableMap(map);
            this.all = List.copyOf(map.values());
        }
    }
}
