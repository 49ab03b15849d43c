package org.formbox.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;

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

    /** The unit written after a number of this field, as the definition gives it. */
    static String unit(String key) {
        return FieldCatalog.byKey(key).map(FieldDef::displayUnit).orElse("");
    }
}
