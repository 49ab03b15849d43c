package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

@MailboxTest
class RereadTests {

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    @Test
    void coordinatorRereadsAStoredSubmissionFromItsArchiveAndGetsTheSameReading() throws Exception {
        byte[] raw = Files.readAllBytes(Path.of("sample-submissions", "05-foxmail-gbk-names.eml"));
        MimeMessage sample = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        String sender = "zhengxf@mingrui-robot.com";
        new Mailbox(settings).deliver(raw, sender);
        SubmissionSearch.Criteria bySender = new SubmissionSearch.Criteria(sender, null, null, null);
        await().atMost(Duration.ofSeconds(40)).until(() -> search.find(bySender, 0, 10).total() == 1);
        long id = search.find(bySender, 0, 10).items().get(0).id();
        SubmissionView.Detail before = search.detail(id).orElseThrow();
        assertThat(sample.getMessageID()).isEqualTo(before.messageId());

        // a reader that once missed a value: the stored reading lost it
        jdbc.sql("delete from field_value where field_key = 'total_assets' and document_id in "
                + "(select id from document where submission_id = ?)").param(id).update();
        assertThat(rest.withBasicAuth("staff", "staff-pass").postForEntity("/api/submissions/" + id + "/reread", null, String.class)
                .getStatusCode().value()).isEqualTo(403);

        var response = rest.withBasicAuth("coordinator", "coordinator-pass")
                .postForEntity("/api/submissions/" + id + "/reread", null, Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("status", before.status());
        SubmissionView.Detail after = search.detail(id).orElseThrow();
        assertThat(after.documents()).extracting(SubmissionView.Document::fields)
                .isEqualTo(before.documents().stream().map(SubmissionView.Document::fields).toList());
        assertThat(after.findings()).extracting(SubmissionView.FindingView::message)
                .isEqualTo(before.findings().stream().map(SubmissionView.FindingView::message).toList());
        assertThat(after.version()).isEqualTo(before.version());
    }
}
