package org.formbox.extraction;

import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.formbox.forms.Unreadable;

/**
 * What one attachment was read as.
 *
 * @param annex      the classification
 * @param fields     values found, by field key (blank fields absent)
 * @param unreadable why it could not be read, when {@code annex} is {@code UNREADABLE}
 */
public record ReadDocument(Annex annex, Map<String, FieldValue> fields, Unreadable unreadable) {

    public ReadDocument {
        fields = Map.copyOf(fields);
    }

    /** An attachment that could not be read. */
    public static ReadDocument unreadable(Unreadable why) {
        return new ReadDocument(Annex.UNREADABLE, Map.of(), why);
    }
}
