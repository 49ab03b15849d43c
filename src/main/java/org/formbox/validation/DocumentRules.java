package org.formbox.validation;

import java.util.List;

/** A group of checks on the values of one annex document. */
interface DocumentRules {

    /** Adds what is wrong with these answers to {@code findings}. */
    void check(Answers answers, List<Finding> findings);
}
