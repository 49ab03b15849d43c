package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.formbox.forms.Annex;
import org.formbox.forms.Unreadable;
import org.junit.jupiter.api.Test;

class MailRulesTests {

    @Test
    void flagsAMessageWithoutAnyForm() {
        List<Finding> findings = SampleSubmission.complete().noSurvey().noProposal()
                .attachment("营业执照.pdf", Annex.OTHER).check();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("MAIL-NO-FORM");
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).isEmpty();
            assertThat(f.message()).contains("附件1", "附件2");
        });
    }

    @Test
    void flagsAMessageWithoutAttachments() {
        assertThat(new Checks().check(List.of())).extracting(Finding::rule).containsExactly("MAIL-NO-FORM");
    }

    @Test
    void acceptsAMessageWithOneAnnex() {
        assertThat(SampleSubmission.complete().noProposal().findings("MAIL-NO-FORM")).isEmpty();
    }

    @Test
    void flagsEachUnreadableAttachmentWithReasonAndRemedy() {
        List<Finding> findings = SampleSubmission.complete().noSurvey().noProposal()
                .unreadable("附件2.docx", Unreadable.ENCRYPTED)
                .unreadable("附件1.pdf", Unreadable.SCANNED)
                .check();

        assertThat(findings).extracting(Finding::rule).containsExactly("MAIL-UNREADABLE", "MAIL-UNREADABLE");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.error);
        assertThat(findings.get(0).fields()).isEmpty();
        assertThat(findings.get(0).message()).contains("附件2.docx", Unreadable.ENCRYPTED.reason(),
                Unreadable.ENCRYPTED.remedy());
        assertThat(findings.get(1).message()).contains("附件1.pdf", Unreadable.SCANNED.reason());
    }

    @Test
    void reportsNothingAboutReadableAttachments() {
        assertThat(SampleSubmission.complete().findings("MAIL-UNREADABLE")).isEmpty();
    }
}
