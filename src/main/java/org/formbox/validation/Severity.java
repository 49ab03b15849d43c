package org.formbox.validation;

/** How a finding weighs. */
public enum Severity {
    /** The sender must correct it. */
    error,
    /** Please confirm. */
    warning
}
