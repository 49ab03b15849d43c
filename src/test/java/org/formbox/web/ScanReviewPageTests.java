package org.formbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.formbox.extraction.DocumentReader;
import org.formbox.extraction.ReadDocument;
import org.formbox.forms.FieldValue;
import org.formbox.intake.RawArchive;
import org.formbox.submission.SubmissionDraft;
import org.formbox.submission.SubmissionStatus;
import org.formbox.submission.Submissions;
import org.formbox.validation.CheckedDocument;
import org.formbox.validation.Checks;
import org.formbox.validation.Finding;
import org.formbox.validation.Severity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A fax read by OCR, from the reader to the staff page: the values it read unsurely are marked
 * 请人工核对 for staff, none of them is an error sent to the sender, and the sender is told that the
 * scan was read and asked for the Word file.
 */
@StaffWebTest
class ScanReviewPageTests {

    private static final Path FAX = Path.of("src/test/resources/habits/docs/fax-template-hx.tif");

    @Autowired
    MockMvc mvc;
    @Autowired
    Submissions submissions;
    @Autowired
    RawArchive archive;

    @Test
    void marksUnsureOcrValuesForStaffAndSendsTheSenderNoErrorAboutThem() throws Exception {
        ReadDocument read = new DocumentReader().read("传真.tif", Files.readAllBytes(FAX));
        Assumptions.assumeFalse(read.unreadable() != null, "OCR cannot run here: " + read.unreadable());
        List<String> unsure = read.fields().values().stream().filter(FieldValue::needsReview).map(FieldValue::key).toList();
        assertThat(unsure).as("a 150 dpi fax has values read unsurely").isNotEmpty();

        List<Finding> findings = new Checks().check(List.of(new CheckedDocument("传真.tif", read.annex(), read.fields(), null)));
        assertThat(findings).noneMatch(f -> f.severity() == Severity.error && f.fields().stream().anyMatch(unsure::contains));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("MAIL-SCAN-READ");
            assertThat(f.message()).contains("传真.tif", "扫描件或照片", "未能清晰识别", "Word");
        });

        String messageId = "<fax-review@web-tests.formbox.test>";
        byte[] raw = ("Message-ID: " + messageId + "\r\nFrom: fax@example.cn\r\nSubject: fax\r\n\r\nfax\r\n")
                .getBytes(StandardCharsets.UTF_8);
        RawArchive.Entry entry = archive.store(raw);
        Instant now = Instant.now();
        long id = submissions.save(new SubmissionDraft(messageId, entry.fingerprint(), entry.path(), "fax@example.cn", "传真",
                "fax@example.cn", "传真调查表", messageId, now, now, raw.length, SubmissionStatus.NEEDS_CORRECTION, null, null,
                List.of(new SubmissionDraft.Document("传真.tif", "image/tiff", "attachment", Files.readAllBytes(FAX), false,
                        read.annex(), null, read.fields())), findings, null)).id();

        String page = mvc.perform(get("/submissions/" + id).with(user(StaffWebTest.STAFF).roles("STAFF")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.split("请人工核对", -1).length - 1).as("one mark per unsure value: %s", unsure).isEqualTo(unsure.size());
        for (String key : unsure) {
            String row = page.substring(page.indexOf("id=\"field-" + key + "\""));
            assertThat(row.substring(0, row.indexOf("</tr>"))).as(key).contains("请人工核对");
        }
    }
}
