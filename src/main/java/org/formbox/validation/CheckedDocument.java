package org.formbox.validation;

import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.formbox.forms.Unreadable;

/**
 * One attachment of a submission as the checks see it.
 *
 * @param filename   the attachment's decoded name, for messages
 * @param annex      what it was read as
 * @param fields     values by key
 * @param unreadable why it could not be read, or null
 */
public record CheckedDocument(String filename, Annex annex, Map<String, FieldValue> fields, Unreadable unreadable) {

    public CheckedDocument {
        fields = Map.copyOf(fields);
    }
}
