package org.formbox.export;

import org.formbox.forms.FieldDef;
import org.formbox.forms.FieldType;

/**
 * What a workbook column holds, so that {@link WorkbookLayout} can format any sheet: its header
 * (units included) and its kind.
 *
 * @param header the header as printed, e.g. 总投资（万元）
 * @param kind   how its cells are written and formatted
 */
public record Column(String header, Kind kind) {

    /** How a column's cells are written. */
    public enum Kind {
        /** short text, one line */
        TEXT,
        /** text that may run over several lines, wrapped */
        WRAPPED,
        /** a narrative (a proposal section, a plan): moved to the sheet of long texts */
        LONG_TEXT,
        /** an id or a whole count */
        INTEGER,
        /** 万元, two decimals with thousands separators */
        MONEY,
        /** percent 0–100 as read, shown as a percentage */
        PERCENT,
        /** a quantity such as an area */
        NUMBER,
        /** an instant, shown as a date and time in the configured zone */
        DATE_TIME,
        /** a state or status label, coloured */
        STATE
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column wrapped(String header) {
        return new Column(header, Kind.WRAPPED);
    }

    public static Column integer(String header) {
        return new Column(header, Kind.INTEGER);
    }

    public static Column time(String header) {
        return new Column(header, Kind.DATE_TIME);
    }

    public static Column state(String header) {
        return new Column(header, Kind.STATE);
    }

    /** The column of a form field: its label with the unit, and the kind its type asks for. */
    public static Column of(FieldDef field) {
        Kind kind = switch (field.type()) {
            case MONEY -> Kind.MONEY;
            case PERCENT -> Kind.PERCENT;
            case COUNT -> Kind.INTEGER;
            case AREA -> Kind.NUMBER;
            case TEXT -> field.key().contains(".") || !field.required() && field.longText()
                    ? Kind.LONG_TEXT : Kind.WRAPPED;
        };
        String unit = field.type() == FieldType.COUNT ? field.displayUnit() : field.type().unit();
        String label = field.label();
        boolean hasUnit = label.endsWith("）") || label.endsWith(")");
        return new Column(unit.isEmpty() || hasUnit ? label : label + "（" + unit + "）", kind);
    }
}
