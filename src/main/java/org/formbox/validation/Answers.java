package org.formbox.validation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldValue;

/** The values of one document, looked up by key, with the wording rules need for messages. */
final class Answers {

    private final Map<String, FieldValue> values;

    Answers(Map<String, FieldValue> values) {
        this.values = values;
    }

    /** The normalised number of a field, or null when it is missing, blank or not a number. */
    BigDecimal number(String key) {
        FieldValue value = values.get(key);
        return value == null ? null : value.number();
    }

    /** The text of a field stripped, or null when it is missing or blank. */
    String text(String key) {
        FieldValue value = values.get(key);
        if (value == null || value.blank()) {
            return null;
        }
        if (value.text() == null || value.text().isBlank()) {
            return Quantities.plain(value.number());
        }
        return value.text().strip();
    }

    /** Whether the document left this field empty or did not have it at all. */
    boolean blank(String key) {
        FieldValue value = values.get(key);
        return value == null || value.blank();
    }

    /** Whether every one of these fields holds a number. */
    boolean allNumbers(String... keys) {
        for (String key : keys) {
            if (number(key) == null) {
                return false;
            }
        }
        return true;
    }

    /** A field's label and number for a sentence, e.g. {@code 固定资产（21000万元）}. */
    String quote(String key) {
        return label(key) + "（" + Quantities.withUnit(key, number(key)) + "）";
    }

    /** Whether the field holds what its type asks: a number for a numeric field, text otherwise. */
    boolean answered(String key) {
        boolean numeric = FieldCatalog.byKey(key).map(f -> f.type().numeric()).orElse(false);
        return numeric ? number(key) != null : text(key) != null;
    }

    /**
     * The values as the audit formulas see them: numbers as doubles, every text field of the call
     * as its text or "" when blank, the yearly table as a map of years to rows.
     */
    Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        String table = FieldCatalog.survey().map(f -> f.table() == null ? null : f.table().key()).orElse(null);
        Map<String, Map<String, Double>> cells = new HashMap<>();
        for (FieldDef f : FieldCatalog.all()) {
            String key = f.key();
            if (table != null && key.startsWith(table + ".")) {
                BigDecimal n = number(key);
                if (n != null) {
                    String[] parts = key.split("\\.");
                    cells.computeIfAbsent(parts[1], y -> new HashMap<>()).put(parts[2], n.doubleValue());
                }
            } else if (f.type().numeric()) {
                BigDecimal n = number(key);
                if (n != null) {
                    variables.put(key, n.doubleValue());
                }
            } else {
                String t = text(key);
                variables.put(key, t == null ? "" : t);
            }
        }
        if (table != null) {
            variables.put(table, cells);
        }
        return variables;
    }

    /** The row label of a cell of the yearly table, e.g. 工业销售收入 for financials.2016.industrial_sales_revenue. */
    static String rowLabel(String key) {
        String row = key.substring(key.lastIndexOf('.') + 1);
        return FieldCatalog.financialRows().getOrDefault(row, label(key));
    }

    /** The short label of a field, e.g. {@code 固定资产} for {@code 固定资产（万元）}. */
    static String label(String key) {
        return FieldCatalog.byKey(key).map(FieldDef::shortLabel).orElse(key);
    }
}
