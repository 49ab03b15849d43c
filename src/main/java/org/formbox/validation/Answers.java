package org.formbox.validation;

import java.math.BigDecimal;
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

    /** The short label of a field, e.g. {@code 固定资产} for {@code 固定资产（万元）}. */
    static String label(String key) {
        return FieldCatalog.byKey(key).map(FieldDef::shortLabel).orElse(key);
    }
}
