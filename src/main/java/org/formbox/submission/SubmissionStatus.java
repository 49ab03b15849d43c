package org.formbox.submission;

/** Where a submission stands (API.md). */
public enum SubmissionStatus {
    /** At least one annex read, no error findings. */
    ACCEPTED,
    /** At least one error finding; the sender was told which. */
    NEEDS_CORRECTION,
    /** Nothing recognisable attached. */
    NO_FORM,
    /** An automatic message: stored, never answered. */
    IGNORED,
    /** Processing failed; the message is in the failed folder. */
    FAILED,
    /** No form, written by a person (a question, a reply to our mail): acknowledged once, waiting for staff. */
    NEEDS_ANSWER;

    /** Whether the submission carries forms and so takes part in an enterprise's versions. */
    public boolean carriesForms() {
        return this == ACCEPTED || this == NEEDS_CORRECTION;
    }
}
