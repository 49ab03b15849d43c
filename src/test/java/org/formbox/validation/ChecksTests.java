package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.formbox.forms.Annex;
import org.junit.jupiter.api.Test;

class ChecksTests {

    @Test
    void findsNothingInACompleteAndConsistentSubmission() {
        assertThat(SampleSubmission.complete().check()).isEmpty();
    }

    @Test
    void listsErrorsBeforeWarningsEachInFormOrder() {
        List<Finding> findings = SampleSubmission.complete()
                .survey("region", "杭州市西湖区")                 // warning, early in Annex 2
                .survey("contact_email", "liming")               // error, late in Annex 2
                .survey("fixed_assets", "21000")                 // error, early in Annex 2
                .proposal("duration_years", "6")                 // error, Annex 1
                .survey("floor_area", "300000")                  // warning, middle of Annex 2
                .check();

        assertThat(findings).extracting(Finding::rule).containsExactly(
                "A2-FIXED-LE-TOTAL", "A2-EMAIL", "A1-DURATION", "A2-REGION", "A2-FLOOR-AREA");
    }

    @Test
    void putsMailFindingsFirst() {
        List<Finding> findings = SampleSubmission.complete()
                .survey("legal_representative", "")
                .unreadable("预算.xlsx", org.formbox.forms.Unreadable.ENCRYPTED)
                .check();

        assertThat(findings).extracting(Finding::rule).containsExactly("MAIL-UNREADABLE", "A2-REQUIRED");
    }

    @Test
    void reportsAFindingOnceWhenAnAnnexIsAttachedTwice() {
        SampleSubmission submission = SampleSubmission.complete().survey("fixed_assets", "21000");
        List<CheckedDocument> twice = new ArrayList<>(submission.documents());
        twice.add(twice.get(0));

        assertThat(new Checks().check(twice)).extracting(Finding::rule).containsExactly("A2-FIXED-LE-TOTAL");
    }

    @Test
    void checksAnAnnexOnlyWhenItWasSent() {
        assertThat(SampleSubmission.complete().noSurvey().check()).isEmpty();
        assertThat(SampleSubmission.complete().noProposal().check()).isEmpty();
    }

    @Test
    void ignoresOtherReadableAttachments() {
        assertThat(SampleSubmission.complete().attachment("营业执照.pdf", Annex.OTHER).check()).isEmpty();
    }
}
