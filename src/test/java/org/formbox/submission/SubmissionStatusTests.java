package org.formbox.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule by which a mail carrying forms is accepted, wherever it is judged. */
class SubmissionStatusTests {

    @Test
    void acceptsAMailWithAnAnnexReadAndNoStandingError() {
        assertThat(SubmissionStatus.judged(true, false)).isEqualTo(SubmissionStatus.ACCEPTED);
    }

    @Test
    void asksForCorrectionWhileAnErrorStands() {
        assertThat(SubmissionStatus.judged(true, true)).isEqualTo(SubmissionStatus.NEEDS_CORRECTION);
    }

    @Test
    void neverAcceptsAMailWhoseOnlyAttachmentCouldNotBeRead() {
        // its MAIL-UNREADABLE overridden, nothing was read: re-reading must not accept it either
        assertThat(SubmissionStatus.judged(false, false)).isEqualTo(SubmissionStatus.NEEDS_CORRECTION);
    }
}
