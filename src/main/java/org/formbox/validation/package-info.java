/**
 * The checks of docs/FORMS.md: turns the documents read from one submission into findings for the
 * sender (errors to correct, warnings to confirm). Plain Java: no Spring, no Camel.
 * {@link org.formbox.validation.Checks} is the only entry point.
 */
package org.formbox.validation;
