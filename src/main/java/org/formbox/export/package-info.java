/**
 * The workbook and CSV of the enterprise files: one row per enterprise with both current annexes
 * and the state, the enterprises not yet complete with their contacts, the findings standing and
 * the proposals' projects; columns follow {@link org.formbox.forms.FieldCatalog}.
 */
package org.formbox.export;
