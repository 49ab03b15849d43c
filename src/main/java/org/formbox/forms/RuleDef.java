package org.formbox.forms;

import java.util.List;

/**
 * An audit rule (审核公式) of a call definition, as written: a CEL formula that holds when the
 * answers are in order, and the sentence the sender gets when it does not. Compiled and run by
 * {@code validation.AuditFormulas}.
 *
 * @param id            the rule id of docs/FORMS.md, e.g. A2-FIXED-LE-TOTAL
 * @param form          the annex of the form it checks, e.g. ANNEX_2 (the definition may name it by kind)
 * @param severity      {@code error} (must correct) or {@code warning} (please confirm)
 * @param fields        the field keys it concerns; {@code $year}, {@code $last_year} stand for years
 * @param when          a CEL condition for the rule to apply, or empty
 * @param check         the CEL formula that holds when the answers are in order
 * @param message       the sentence in Chinese, with placeholders such as {@code {quote:total_assets}}
 * @param eachYear      whether it is checked once per year of the yearly table
 * @param alsoWhenBlank whether it is checked when its fields are blank (blank text reads as "")
 * @param listProgrammes whether a reply lists the call's programmes after its message (a programme missing or unknown)
 * @param line          the line of the definition file it starts on, for messages
 */
public record RuleDef(String id, String form, String severity, List<String> fields, String when, String check,
                      String message, boolean eachYear, boolean alsoWhenBlank, boolean listProgrammes, int line) {

    public RuleDef {
        fields = List.copyOf(fields);
        when = when == null ? "" : when;
    }
}
