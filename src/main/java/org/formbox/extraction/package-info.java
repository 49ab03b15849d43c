/**
 * Document → fields. {@link org.formbox.extraction.DocumentReader} detects an attachment's format
 * from its bytes, reads Word and Excel tables with POI and everything else as text with Tika,
 * classifies it as one of the call's forms (by the definition) or other, and normalises the values
 * to the units of docs/FORMS.md.
 * Labels are matched tolerantly and values found by label, not by position.
 * {@link org.formbox.extraction.TemplateWriter} writes the blank forms from the same catalogue.
 * Plain Java: no Spring, no Camel.
 */
package org.formbox.extraction;
