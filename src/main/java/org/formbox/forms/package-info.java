/**
 * The two forms of the call: every field, its key, label, unit and whether it is required.
 * One definition shared by the readers, the checks, the issued templates, the export and the pages.
 */
package org.formbox.forms;
