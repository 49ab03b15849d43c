/**
 * The workbook and CSV of the latest submission per enterprise, with their findings and the
 * Annex 1 projects; columns follow {@link org.formbox.forms.FieldCatalog}.
 */
package org.formbox.export;
