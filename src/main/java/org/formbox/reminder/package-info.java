/**
 * Reminders (催报): on the configured days before the deadline, and on a coordinator's request,
 * each enterprise whose file is not complete hears what is missing or to correct; bounces of
 * reminders mark the address so that it is never written to again.
 */
package org.formbox.reminder;
