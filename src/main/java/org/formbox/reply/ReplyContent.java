package org.formbox.reply;

import java.util.List;

/**
 * What a reply says, ready for the templates. The body is made of numbered sections; only those
 * that have something to say are present, and {@link #number} numbers them in order, so a reply
 * never jumps from 一、 to 三、. A new section is one more id in {@code sections}.
 *
 * @param receipt           the receipt number, e.g. {@code FB-000012}
 * @param subject           the subject the reply goes out with
 * @param greeting          how the sender is addressed
 * @param status            the status name
 * @param receivedAt        when the mail came in, e.g. 2026年11月28日 10:00（北京时间）
 * @param headline          one sentence on the outcome
 * @param documents         each attachment and what it was read as
 * @param values            the key values read, so that the sender can spot a misreading
 * @param errors            findings that must be corrected, one per cell and cause
 * @param warnings          findings to confirm
 * @param supersedes        a sentence on the earlier submission this one replaces, or null
 * @param nextSteps         what to do now
 * @param deadline          the call's deadline as a sentence, or null when none is set
 * @param contact           the office's name and phone as a sentence
 * @param note              the office's note (e.g. whether a stamped copy is wanted), or null
 * @param templatesAttached whether the blank forms are attached
 * @param sections          the ids of the numbered sections present, in order
 * @param fileStanding      where each enterprise's file stands after this mail, or null when it filed no form
 */
public record ReplyContent(String receipt, String subject, String greeting, String status, String receivedAt,
                           String headline, List<DocumentLine> documents, List<ValueLine> values, List<String> errors,
                           List<String> warnings, String supersedes, List<String> nextSteps, String deadline,
                           String contact, String note, boolean templatesAttached, List<String> sections,
                           FileStanding fileStanding) {

    private static final String NUMERALS = "一二三四五六七八九十";

    /** The number of a section as it heads it, e.g. {@code 二、}; blank when the section is absent. */
    public String number(String section) {
        int i = sections.indexOf(section);
        return i < 0 ? "" : NUMERALS.charAt(Math.min(i, NUMERALS.length() - 1)) + "、";
    }

    /** Whether a section is present. */
    public boolean has(String section) {
        return sections.contains(section);
    }

    /** An attachment and what it was read as. */
    public record DocumentLine(String filename, String origin, String readAs) {
    }

    /** A value read. */
    public record ValueLine(String label, String value) {
    }
}
