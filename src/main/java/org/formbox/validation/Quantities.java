package org.formbox.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldType;

/** How numbers and their units are written in messages to senders. */
final class Quantities {

    private Quantities() {
    }

    /** A number as a sender would write it: no trailing zeros, never scientific notation. */
    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** A computed number (a ratio, an average) rounded to one decimal for reading. */
    static String rounded(BigDecimal number) {
        return plain(number.setScale(1, RoundingMode.HALF_UP));
    }

    /** A number followed by the unit of the field, e.g. {@code 21000万元} or {@code 35%}. */
    static String withUnit(String key, BigDecimal number) {
        return plain(number) + unit(key);
    }

    /** The unit written after a number of this field. */
    static String unit(String key) {
        FieldDef field = FieldCatalog.byKey(key).orElse(null);
        if (field == null) {
            return "";
        }
        if (field.type() != FieldType.COUNT) {
            return field.type().unit();
        }
        // FieldType.COUNT has no unit of its own; the label or the key tells what is counted.
        if (field.label().contains("（人）")) {
            return "人";
        }
        if (key.startsWith("patents_")) {
            return "项";
        }
        if (key.equals("duration_years")) {
            return "年";
        }
        if (key.equals("subproject_count")) {
            return "个";
        }
        return "";
    }
}
