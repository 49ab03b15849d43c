package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionReportTests {

    @Test
    void readsAttachmentsOfMessagesAndScoresThemAgainstExpectations(@TempDir Path dir) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setSubject("附件2");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(DocumentReaderTests.fixture("annex2-seed.docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        attachment.setFileName("附件2.docx");
        MimeMultipart body = new MimeMultipart(new MimeBodyPart(), attachment);
        ((MimeBodyPart) body.getBodyPart(0)).setText("请查收", "UTF-8");
        message.setContent(body);
        message.saveChanges();
        try (var out = Files.newOutputStream(dir.resolve("mail1.eml"))) {
            message.writeTo(out);
        }
        Files.write(dir.resolve("a2.xls"), DocumentReaderTests.fixture("annex2-right.xls"));
        Files.createDirectories(dir.resolve("expected"));
        Files.writeString(dir.resolve("expected/mail1.json"),
                "{\"annex\":\"ANNEX_2\",\"enterprise_name\":\"宁波甬信精密机械有限公司\",\"total_assets\":8000,\"region\":\"北仑区\"}");
        Files.writeString(dir.resolve("expected/a2.json"), "{\"annex\":\"ANNEX_2\",\"land_area\":12000.06}");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new ExtractionReport(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(dir);
        String report = printed.toString(StandardCharsets.UTF_8);

        assertThat(report).contains("mail1.eml » 附件2.docx: ANNEX_2, 45/45 fields", "enterprise_name = 宁波甬信精密机械有限公司",
                "MISMATCH region", "accuracy docx   2/3 fields right", "annex right 1/1", "accuracy xls    1/1 fields right",
                "time docx", "time xls", "mail mail1.eml: 1 document(s) read in");
        assertThat(report).containsPattern("a2.xls: ANNEX_2, \\d+/45 fields, \\d+ ms");
    }
}
