/**
 * The call as data: {@link org.formbox.forms.CallDefinitions} reads and checks a definition file
 * ({@code calls/<name>.yaml}: forms, fields, tables, outline, regions, programmes, audit rules)
 * into an immutable {@link org.formbox.forms.CallDefinition}; {@link org.formbox.forms.FieldCatalog}
 * is the face the readers, checks, templates, export and pages use. Plain Java: no Spring.
 */
package org.formbox.forms;
