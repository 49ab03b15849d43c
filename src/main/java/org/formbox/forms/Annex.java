package org.formbox.forms;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * What an attachment was read as: one of the forms of the call ({@code annex:} in the definition,
 * e.g. ANNEX_2), {@link #OTHER} or {@link #UNREADABLE}. The name is what is stored and what the API
 * shows; the label is the definition's (附件2 企业基本情况调查表). Two annexes are equal when their
 * names are.
 */
public final class Annex {

    /** Readable, but none of the call's forms. */
    public static final Annex OTHER = new Annex("OTHER", "其他文件");
    /** Could not be read at all. */
    public static final Annex UNREADABLE = new Annex("UNREADABLE", "无法读取");

    private final String name;
    private final String label;

    Annex(String name, String label) {
        this.name = Objects.requireNonNull(name);
        this.label = label;
    }

    /**
     * The annex stored under this name: a form of the active call, {@link #OTHER} or
     * {@link #UNREADABLE}. A name no form of the active call has (a form of a former definition)
     * stays itself, labelled by its name.
     */
    public static Annex valueOf(String name) {
        if (OTHER.name.equals(name)) {
            return OTHER;
        }
        if (UNREADABLE.name.equals(name)) {
            return UNREADABLE;
        }
        return FieldCatalog.definition().form(name).map(FormDef::annex).orElseGet(() -> new Annex(name, name));
    }

    /** The forms of the active call in annex order, then {@link #OTHER} and {@link #UNREADABLE}. */
    public static java.util.List<Annex> values() {
        java.util.List<Annex> all = new java.util.ArrayList<>(FieldCatalog.annexes());
        all.add(OTHER);
        all.add(UNREADABLE);
        return java.util.List.copyOf(all);
    }

    /** The stored name, e.g. ANNEX_2. */
    @JsonValue
    public String name() {
        return name;
    }

    /** The Chinese name shown to senders and staff. */
    public String label() {
        return label;
    }

    /** Whether this is a form of the call (not {@link #OTHER}, not {@link #UNREADABLE}). */
    public boolean isForm() {
        return !equals(OTHER) && !equals(UNREADABLE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Annex a && a.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
