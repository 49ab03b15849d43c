package org.formbox.validation;

import java.util.List;

/**
 * Something missing or inconsistent in a submission.
 *
 * @param rule     the rule id of docs/FORMS.md, e.g. {@code A2-FIXED-LE-TOTAL}
 * @param severity error or warning
 * @param fields   the field keys it concerns
 * @param message  one polite sentence in Chinese for the sender, naming labels and values
 */
public record Finding(String rule, Severity severity, List<String> fields, String message) {

    public Finding {
        fields = List.copyOf(fields);
    }

    /** A finding the sender must correct. */
    static Finding error(String rule, String message, String... fields) {
        return new Finding(rule, Severity.error, List.of(fields), message);
    }

    /** A finding the sender is asked to confirm. */
    static Finding warning(String rule, String message, String... fields) {
        return new Finding(rule, Severity.warning, List.of(fields), message);
    }
}
