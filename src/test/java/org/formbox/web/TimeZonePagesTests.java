package org.formbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.apache.camel.CamelContext;
import org.formbox.intake.RawArchive;
import org.formbox.submission.SubmissionDraft;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionStatus;
import org.formbox.submission.Submissions;
import org.formbox.validation.Finding;
import org.formbox.validation.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Pages show times in formbox.time-zone (Beijing) while the server runs in UTC; overrides can be withdrawn. */
@StaffWebTest
class TimeZonePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Submissions submissions;
    @Autowired
    SubmissionSearch search;
    @Autowired
    RawArchive archive;
    @Autowired
    CamelContext camel;

    @Test
    void pagesShowBeijingTimeOnAServerInUtc() throws Exception {
        assertThat(TimeZone.getDefault().getRawOffset()).as("the tests run with the JVM in UTC").isZero();
        long id = save("tz-1", "tz@nb-zone.cn", "宁波时区测试有限公司", SubmissionStatus.ACCEPTED, List.of());
        String page = mvc.perform(get("/submissions/" + id).with(user("staff").roles("STAFF"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2026-11-28 23:30:00").doesNotContain("2026-11-28 15:30");
        String list = mvc.perform(get("/submissions").param("from", "2026-11-28").param("to", "2026-11-28")
                .param("sender", "tz@nb-zone.cn").with(user("staff").roles("STAFF"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("宁波时区测试有限公司");
        assertThat(camel.getRoute("coordinator-digest").getEndpoint().getEndpointUri()).contains("scheduler");
    }

    @Test
    void aWithdrawnOverrideStandsAgainAndBothAreRecorded() throws Exception {
        long id = save("withdraw-1", "withdraw@nb-zone.cn", "宁波撤回测试有限公司", SubmissionStatus.NEEDS_CORRECTION,
                List.of(new Finding("A2-REQUIRED", Severity.error, List.of("industry"), "请填写“所属行业”。")));
        long finding = search.detail(id).orElseThrow().findings().get(0).id();
        var coordinator = user("coordinator").roles("STAFF", "COORDINATOR");
        mvc.perform(post("/submissions/" + id + "/findings/" + finding + "/override").param("note", "电话确认为制造业")
                .with(coordinator).with(csrf()));
        assertThat(search.detail(id).orElseThrow().status()).isEqualTo("ACCEPTED");
        mvc.perform(post("/submissions/" + id + "/findings/" + finding + "/withdraw").with(coordinator).with(csrf()));
        var after = search.detail(id).orElseThrow();
        assertThat(after.status()).isEqualTo("NEEDS_CORRECTION");
        assertThat(after.findings().get(0).overriddenBy()).isNull();
        String page = mvc.perform(get("/submissions/" + id).with(coordinator)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("coordinator 撤销了 A2-REQUIRED：电话确认为制造业", "coordinator 恢复了 A2-REQUIRED",
                "id=\"override-" + finding + "\"");
        // staff may not withdraw
        assertThat(mvc.perform(post("/submissions/" + id + "/findings/" + finding + "/withdraw")
                .with(user("staff").roles("STAFF")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private long save(String key, String sender, String enterprise, SubmissionStatus status, List<Finding> findings)
            throws Exception {
        Instant received = Instant.parse("2026-11-28T15:30:00Z"); // 23:30 in Beijing, still the 28th
        String messageId = "<" + key + "@web-tests.formbox.test>";
        byte[] raw = ("Message-ID: " + messageId + "\r\nFrom: " + sender + "\r\nSubject: t\r\n\r\nx\r\n").getBytes(StandardCharsets.UTF_8);
        RawArchive.Entry entry = archive.store(raw);
        return submissions.save(new SubmissionDraft(messageId, entry.fingerprint(), entry.path(), sender, null, sender,
                "申报材料", messageId, received, received, raw.length, status, null, enterprise, List.of(survey(enterprise)),
                findings, null)).id();
    }

    private static SubmissionDraft.Document survey(String enterprise) {
        return new SubmissionDraft.Document("附件2.docx", "application/octet-stream", "", new byte[] {1}, false,
                org.formbox.forms.Annex.valueOf("ANNEX_2"), null,
                java.util.Map.of("enterprise_name", org.formbox.forms.FieldValue.text("enterprise_name", enterprise, enterprise)));
    }
}
