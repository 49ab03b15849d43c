package org.formbox.reply;

import java.util.List;

/**
 * What a reply says, ready for the templates.
 *
 * @param receipt        the receipt number, e.g. {@code FB-000012}
 * @param greeting       how the sender is addressed
 * @param status         the status name
 * @param headline       one sentence on the outcome
 * @param documents      each attachment and what it was read as
 * @param values         the key values read, so that the sender can spot a misreading
 * @param errors         findings that must be corrected
 * @param warnings       findings to confirm
 * @param supersedes     a sentence on the earlier submission this one replaces, or null
 * @param nextSteps      what to do now
 * @param templatesAttached whether the blank forms are attached
 * @param fileStanding   where each enterprise's file stands after this mail, or null when it filed no form
 */
public record ReplyContent(String receipt, String greeting, String status, String headline, List<DocumentLine> documents,
                           List<ValueLine> values, List<String> errors, List<String> warnings, String supersedes,
                           List<String> nextSteps, boolean templatesAttached, FileStanding fileStanding) {

    /** An attachment and what it was read as. */
    public record DocumentLine(String filename, String origin, String readAs) {
    }

    /** A value read. */
    public record ValueLine(String label, String value) {
    }
}
