package org.formbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.formbox.intake.RawArchive;
import org.formbox.reply.CoordinatorDigest;
import org.formbox.submission.Submissions;
import org.formbox.system.EmbeddedMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@StaffWebTest
class CoordinatorDigestTests {

    static final String COORDINATOR = "coordinator@formbox.test";

    @Autowired
    MockMvc mvc;
    @Autowired
    Submissions submissions;
    @Autowired
    RawArchive archive;
    @Autowired
    CoordinatorDigest digest;
    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    CamelContext camel;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void seed() {
        StaffFixtures.seed(submissions, archive);
    }

    @Test
    void isScheduledByTheDigestRouteOnTheConfiguredCron() {
        var route = camel.getRoute("coordinator-digest");
        assertThat(route).isNotNull();
        assertThat(route.getEndpoint().getEndpointUri()).startsWith("scheduler://coordinator-digest")
                .contains("scheduler=spring");
        assertThat(camel.getRouteController().getRouteStatus("coordinator-digest").isStarted()).isTrue();
    }

    @Test
    void mailsTotalsCorrectionsFailuresAndTheWorkbook() throws Exception {
        int before = toCoordinator().size();
        var sent = digest.send("test");
        assertThat(sent.recipient()).isEqualTo(COORDINATOR);
        assertThat(sent.newCount()).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> toCoordinator().size() == before + 1);
        List<MimeMessage> mails = toCoordinator();
        MimeMessage mail = mails.get(mails.size() - 1);
        assertThat(mail.getSubject()).contains("收表汇总");
        assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");

        List<Part> parts = new ArrayList<>();
        flatten(mail, parts);
        String text = body(parts, "text/plain");
        String html = body(parts, "text/html");
        // the enterprise files: 甬新 sent only Annex 2 (缺件), 海天 both annexes, checked as a pair (需更正)
        assertThat(text).contains("各企业档案", "需更正", "缺件").contains(StaffFixtures.YONGXIN + "：缺附件1")
                .contains(StaffFixtures.HAITIAN)
                .contains("处理失败").contains("someone@example.cn").contains("附件解析失败");
        assertThat(mail.getSubject()).contains("需更正 " + digest.content(Instant.now()).needingCorrection().size() + " 家");
        assertThat(html).contains(StaffFixtures.YONGXIN).contains("重新提交");
        Part workbook = parts.stream().filter(p -> isAttachment(p)).findFirst().orElseThrow();
        assertThat(workbook.getFileName()).endsWith(".xlsx").startsWith("科技创新2025");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook.getInputStream().readAllBytes()))) {
            assertThat(book.getSheet("企业档案").getPhysicalNumberOfRows()).isGreaterThan(3);
        }

        // what was new is no longer new for the next digest
        assertThat(digest.content(Instant.now()).newSubmissions()).isEmpty();
        assertThat(digest.content(Instant.now()).needingCorrection()).isNotEmpty();
    }

    @Test
    void aCoordinatorSendsItFromTheDashboard() throws Exception {
        int before = toCoordinator().size();
        mvc.perform(post("/digest").with(user("staff").roles("STAFF")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/digest").with(user("coordinator").roles("STAFF", "COORDINATOR")).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.startsWith("汇总邮件将在几秒内发至 " + COORDINATOR)));
        await().atMost(Duration.ofSeconds(30)).until(() -> toCoordinator().size() == before + 1);
    }

    private List<MimeMessage> toCoordinator() {
        return Arrays.stream(mailServer.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(COORDINATOR));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void aDigestAskedForWhileTheMailServerIsDownWaitsInTheOutboxAndGoesOutOnce() throws Exception {
        int before = toCoordinator().size();
        camel.getRouteController().stopRoute("reply-outbox");
        try {
            digest.send("test");
            mailServer.stop();
            camel.getRouteController().startRoute("reply-outbox");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from outbox where kind = 'DIGEST' and state = 'PENDING' and attempts >= 1 and last_error is not null")
                    .query(Long.class).single() == 1);
        } finally {
            if (!mailServer.isRunning()) {
                mailServer.start();
            }
            if (!camel.getRouteController().getRouteStatus("reply-outbox").isStarted()) {
                camel.getRouteController().startRoute("reply-outbox");
            }
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> toCoordinator().size() == before + 1);
        // marked sent once the server took it
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from outbox where kind = 'DIGEST' and state = 'PENDING'").query(Long.class).single() == 0);
        // more rounds of the outbox (one a second): nothing goes out twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> toCoordinator().size() == before + 1);
        assertThat(toCoordinator()).hasSize(before + 1);
    }

    private static void flatten(Part part, List<Part> out) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                flatten(child, out);
            }
        } else {
            out.add(part);
        }
    }

    private static String body(List<Part> parts, String type) throws Exception {
        for (Part p : parts) {
            if (p.isMimeType(type) && !isAttachment(p)) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static boolean isAttachment(Part p) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || p.getFileName() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
