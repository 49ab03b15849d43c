package org.formbox.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.formbox.submission.Conversations;
import org.formbox.submission.SubmissionSearch;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of mail the service sends (the reply of each status, a staff answer, the digest) read
 * back with a second MIME parser, Python's {@code email} package, which must decode the same
 * subject and the same attachment names as Angus Mail and find no defect.
 */
@MailboxTest
class OutgoingMailParsingTests {

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;
    @Autowired
    Conversations conversations;
    @Autowired
    CoordinatorDigest digest;
    @Autowired
    CoordinatorSettings coordinatorSettings;

    @Test
    void pythonsMailParserReadsTheSameSubjectsAndFileNames() throws Exception {
        Mailbox mailbox = new Mailbox(settings);
        Map<String, String> senders = new LinkedHashMap<>();
        senders.put("ACCEPTED", deliverSample(mailbox, "01-docx-pair-clean.eml", "parse.accepted@nb-parse.cn"));
        senders.put("NEEDS_CORRECTION", deliverSample(mailbox, "12-errors-first-submission.eml", "parse.correction@nb-parse.cn"));
        String noForm = "parse.noform@nb-parse.cn";
        mailbox.deliver(TestMails.from(noForm).subject("回执：Re: 回执：申报材料（FB-000001）").build(), noForm);
        senders.put("NO_FORM", noForm);
        String question = "parse.question@nb-parse.cn";
        mailbox.deliver(TestMails.from(question).subject("咨询：附件2占地面积怎么填？").body("请问占地面积怎么填？").build(), question);
        senders.put("NEEDS_ANSWER", question);
        for (String sender : senders.values()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.inboxOf(sender).size() == 1);
        }
        long asked = search.find(new SubmissionSearch.Criteria(question, null, null, null), 0, 1).items().get(0).id();
        conversations.queue(new Conversations.StaffMail(question, ReplySubjects.answer("咨询：附件2占地面积怎么填？"),
                "您好：\n请按土地证面积填写。", "staff", asked, null), Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.inboxOf(question).size() == 2);
        java.time.ZonedDateTime beijing = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        digest.send("test");
        await().atMost(Duration.ofSeconds(60)).until(() -> !mailbox.inboxOf(coordinatorSettings.address()).isEmpty());

        Map<String, MimeMessage> mails = new LinkedHashMap<>();
        senders.forEach((status, sender) -> mails.put(status, first(mailbox, sender)));
        mails.put("STAFF", mailbox.inboxOf(question).stream().filter(m -> header(m, "Auto-Submitted") == null)
                .findFirst().orElseThrow());
        mails.put("DIGEST", mailbox.inboxOf(coordinatorSettings.address()).get(mailbox.inboxOf(coordinatorSettings.address()).size() - 1));

        Path dir = Files.createDirectories(Path.of("target", "outgoing-mails"));
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, MimeMessage> e : mails.entrySet()) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            e.getValue().writeTo(raw);
            Path file = dir.resolve(e.getKey() + ".eml");
            Files.write(file, raw.toByteArray());
            files.put(e.getKey(), file);
        }
        JsonNode python = parseWithPython(new ArrayList<>(files.values()));

        for (Map.Entry<String, MimeMessage> e : mails.entrySet()) {
            JsonNode parsed = python.get(files.get(e.getKey()).toString());
            assertThat(parsed.get("subject").asText()).as(e.getKey() + " subject").isEqualTo(e.getValue().getSubject());
            List<String> names = new ArrayList<>();
            parsed.get("filenames").forEach(n -> names.add(n.asText()));
            assertThat(names).as(e.getKey() + " file names").isEqualTo(fileNames(e.getValue()));
            assertThat(parsed.get("defects")).as(e.getKey() + " defects").isEmpty();
        }
        assertThat(python.get(files.get("NO_FORM").toString()).get("filenames")).extracting(JsonNode::asText)
                .containsExactly("附件1-项目实施方案（模板）.docx", "附件2-行业重点企业基本情况调查表（模板）.docx");
        assertThat(python.get(files.get("NO_FORM").toString()).get("subject").asText()).isEqualTo(
                "【未收到表格】申报材料（回执号 " + mails.get("NO_FORM").getHeader("X-Formbox-Receipt", null) + "）");
        assertThat(python.get(files.get("DIGEST").toString()).get("filenames").get(0).asText())
                .matches("科技创新2025-汇总-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
        // the digest tells the time in Beijing, whatever the server's zone
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        assertThat(mails.get("DIGEST").getSubject()).containsAnyOf(minute.format(beijing), minute.format(beijing.plusMinutes(1)));
        assertThat(python.get(files.get("STAFF").toString()).get("subject").asText()).isEqualTo("答复：咨询：附件2占地面积怎么填？");
        // one encoding: the names are RFC 2231 parameters, never RFC 2047 words inside a parameter
        assertThat(Files.readString(files.get("NO_FORM"), StandardCharsets.ISO_8859_1)).doesNotContain("name=\"=?", "name*0=\"=?");
    }

    private static String deliverSample(Mailbox mailbox, String sample, String sender) throws Exception {
        String raw = Files.readString(Path.of("sample-submissions", sample), StandardCharsets.ISO_8859_1)
                .replaceAll("(?m)^From: .*$", "From: <" + sender + ">")
                .replaceAll("(?mi)^Message-ID: .*$", "Message-ID: <" + sender.replace('@', '.') + "@nb-parse.cn>");
        mailbox.deliver(raw.getBytes(StandardCharsets.ISO_8859_1), sender);
        return sender;
    }

    private static MimeMessage first(Mailbox mailbox, String sender) {
        try {
            return mailbox.inboxOf(sender).stream().filter(m -> header(m, "Auto-Submitted") != null).findFirst().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> fileNames(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (part.getFileName() != null) {
            names.add(part.getFileName());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                names.addAll(fileNames(mp.getBodyPart(i)));
            }
        }
        return names;
    }

    private static JsonNode parseWithPython(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", Path.of("src/test/resources/mail/parse_mails.py").toString()));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return new ObjectMapper().readTree(out);
    }
}
