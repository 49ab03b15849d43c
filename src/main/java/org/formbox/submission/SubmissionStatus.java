package org.formbox.submission;

/** Where a submission stands (docs/API.md). */
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

    /**
     * The one rule by which a mail that carries forms is judged, whenever it is judged (read, read
     * again, a finding overridden or its override withdrawn): accepted when at least one annex was
     * read and no error stands (an overridden error no longer stands); else it needs correction.
     *
     * @param annexRead   whether an Annex 1 or Annex 2 was read from it
     * @param errorStands whether an error finding stands
     */
    public static SubmissionStatus judged(boolean annexRead, boolean errorStands) {
        return annexRead && !errorStands ? ACCEPTED : NEEDS_CORRECTION;
    }

    /** Whether the submission carries forms and so takes part in an enterprise's versions. */
    public boolean carriesForms() {
        return this == ACCEPTED || this == NEEDS_CORRECTION;
    }
}
