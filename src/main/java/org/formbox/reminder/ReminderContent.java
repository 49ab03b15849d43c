package org.formbox.reminder;

import java.util.List;

/**
 * What one reminder says, ready for {@code mail-templates/reminder.html} and {@code reminder.txt}
 * (variable {@code r}).
 *
 * @param enterprise  the enterprise's name
 * @param greeting    how the contact is addressed
 * @param state       where the file stands, in words
 * @param missing     each annex still missing, with its title
 * @param errors      the errors standing in the file
 * @param received    what stands already, e.g. 附件1（12月1日收到）
 * @param deadline    the deadline, e.g. 2026年12月20日 17:00
 * @param address     where to send the forms
 * @param office      the office's name
 * @param phone       the office's phone, or null
 * @param note        the office's note, or null
 */
public record ReminderContent(String enterprise, String greeting, String state, List<String> missing, List<String> errors,
                              List<String> received, String deadline, String address, String office, String phone,
                              String note) {
}
