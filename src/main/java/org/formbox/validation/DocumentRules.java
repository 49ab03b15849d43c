package org.formbox.validation;

import java.util.List;

/** A group of checks on the values of one annex document. */
interface DocumentRules {

    /** Adds what is wrong with these answers of a document of this form to {@code findings}. */
    void check(org.formbox.forms.FormDef form, Answers answers, List<Finding> findings);
}
