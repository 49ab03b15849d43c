package org.formbox.forms;

/** The value type of a field and the unit its number is stored in. */
public enum FieldType {
    TEXT(""),
    /** 万元. */
    MONEY("万元"),
    /** 0–100. */
    PERCENT("%"),
    /** persons or items. */
    COUNT(""),
    /** m². */
    AREA("平方米");

    private final String unit;

    FieldType(String unit) {
        this.unit = unit;
    }

    /** The unit written after a number of this type in messages to senders. */
    public String unit() {
        return unit;
    }

    /** Whether values of this type are stored as numbers. */
    public boolean numeric() {
        return this != TEXT;
    }
}
