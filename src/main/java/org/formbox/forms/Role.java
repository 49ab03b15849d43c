package org.formbox.forms;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the service does with a field beyond reading and checking it, named in the definition's
 * {@code roles:} (e.g. {@code region: region}): the enterprise file and the board take the file's
 * district from the field playing {@link #REGION}, and so on. A role the definition does not give
 * is simply not filled.
 */
public enum Role {
    /** The district: the file's 地区, the board's and the submission list's region filter, the counts by region. */
    REGION("region"),
    /** The programme (专项): the file's programme, the filters and counts by programme. */
    PROGRAMME("programme"),
    /** Who to write to: the file's contact person, greeted in reminders. */
    CONTACT_NAME("contact-name"),
    /** The file's contact address, where reminders go. */
    CONTACT_EMAIL("contact-email"),
    /** The file's contact phone. */
    CONTACT_PHONE("contact-phone"),
    /** The project's name, which the proposal reader also finds in a proposal's title. */
    PROJECT_NAME("project-name"),
    /** The outline section whose prose states the budget: the proposal reader looks there first for the figures. */
    BUDGET_SECTION("budget-section");

    private final String entry;

    Role(String entry) {
        this.entry = entry;
    }

    /** How the definition names it under {@code roles:}. */
    public String entry() {
        return entry;
    }

    /** The role named so in the definition. */
    static Optional<Role> of(String entry) {
        return Arrays.stream(values()).filter(r -> r.entry.equals(entry)).findFirst();
    }
}
