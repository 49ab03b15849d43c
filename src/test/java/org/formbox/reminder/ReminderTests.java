package org.formbox.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.camel.CamelContext;
import org.formbox.intake.MailIntake;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.submission.EnterpriseState;
import org.formbox.support.CollectionTest;
import org.formbox.support.Correspondence;
import org.formbox.support.Forms;
import org.formbox.support.MovableClock;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reminders on a movable clock (deadline 2099-12-20 17:00, reminders 7, 3 and 1 days before at
 * 09:00): the enterprises not complete and only they, once a day, none after acceptance, none to an
 * address a reminder bounced from; files still incomplete or completed after the deadline are late.
 */
@CollectionTest
class ReminderTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String NONE = "lu@remind-none.cn";
    static final String DONE = "mingrui@remind-done.cn";
    static final String HALF = "kangdi@remind-half.cn";
    static final String LATE = "hengrui@remind-late.cn";

    @Autowired
    MockMvc mvc;
    @Autowired
    MailIntake intake;
    @Autowired
    EnterpriseFiles files;
    @Autowired
    Reminders reminders;
    @Autowired
    ReminderBounces bounces;
    @Autowired
    MovableClock clock;
    @Autowired
    MailSettings settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CamelContext camel;
    @Autowired
    org.formbox.system.EmbeddedMailServer mailServer;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.set(CollectionTest.START);
    }

    @Test
    void remindsTheIncompleteOnceADayNeverAfterAcceptanceNorToABouncedAddress() throws Exception {
        Correspondence mail = new Correspondence(settings);
        String roster = "企业名称,地区,联系人,联系邮箱\n"
                + "宁波催报测试未交有限公司,海曙区,陆一," + NONE + "\n"
                + "宁波明睿智能装备有限公司,慈溪市,钱二," + DONE + "\n"
                + "宁波康迪医疗器械有限公司,江北区,孙三," + HALF + "\n"
                + "宁波恒锐精密轴承有限公司,鄞州区,李四," + LATE + "\n";
        mvc.perform(multipart("/api/roster").file(new MockMultipartFile("file", "名单.csv", "text/csv",
                roster.getBytes(StandardCharsets.UTF_8))).with(coordinator()).with(csrf())).andExpect(status().isOk());
        at("2099-12-10T10:00");
        Forms.ingest(intake, Instant.now(), DONE, "附件1.docx", "e05-annex1.docx", "附件2.docx", "e05-annex2.docx");
        Forms.ingest(intake, Instant.now(), HALF, "附件2.docx", "e09-annex2.docx");
        assertThat(file("宁波明睿智能装备有限公司").state()).isEqualTo(EnterpriseState.ACCEPTED);
        assertThat(file("宁波康迪医疗器械有限公司").state()).isEqualTo(EnterpriseState.valueOf("MISSING_ANNEX_1"));
        assertThat(reminders.due()).as("not a reminder day").isFalse();

        // seven days before, before 09:00: not yet; at 09:30: the three files not complete
        at("2099-12-13T08:30");
        assertThat(reminders.sendScheduled()).isZero();
        at("2099-12-13T09:30");
        reminders.sendScheduled();
        String toHalf = only(reminder(HALF, 1));
        assertThat(toHalf).contains("宁波康迪医疗器械有限公司", "尚缺", "附件1（项目实施方案）", "2099年12月20日 17:00",
                settings.address());
        assertThat(reminder(NONE, 1)).hasSize(1);
        assertThat(reminder(LATE, 1)).hasSize(1);
        assertThat(subjects(DONE)).noneMatch(s -> s.contains("催报"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> clock.instant().equals(file("宁波康迪医疗器械有限公司").lastReminderAt()));

        // once a day: the schedule and a coordinator asking again the same day send nothing more
        at("2099-12-13T15:00");
        reminders.sendScheduled();
        long none = file("宁波催报测试未交有限公司").id();
        mvc.perform(post("/api/reminders").contentType(MediaType.APPLICATION_JSON).content("{\"enterprises\":[" + none + "]}")
                        .with(coordinator()).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sent").value(0))
                .andExpect(jsonPath("$.skipped[0].reason").value("今天已发送过催报"));
        assertThat(reminder(NONE, 1)).hasSize(1);

        // the reminder to the enterprise that sent nothing bounces
        MimeMessage sent = mail.inbox(NONE).stream().filter(m -> subject(m).contains("催报")).findFirst().orElseThrow();
        mail.mailbox().deliver(bounce(NONE, sent.getMessageID()), "mailer-daemon@remind-none.cn");
        // when the other test of this class has just restarted the mail server, the intake may first wait out the
        // IMAP read time-out (60 s) on the login it kept before it logs in again
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("select count(*) from submission where lower(sender) = ?")
                .param("mailer-daemon@remind-none.cn").query(Long.class).single() == 1);
        assertThat(bounces.scan()).isEqualTo(1);
        assertThat(file("宁波催报测试未交有限公司").bouncedAddress()).isEqualTo(NONE);

        // the enterprise missing Annex 1 sends it: accepted, so no reminder on the later days
        Forms.ingest(intake, Instant.now(), HALF, "附件1.docx", "e09-annex1.docx");
        assertThat(file("宁波康迪医疗器械有限公司").state()).isEqualTo(EnterpriseState.ACCEPTED);
        at("2099-12-17T09:05");
        reminders.sendScheduled();
        assertThat(reminder(HALF, 1)).hasSize(1);
        assertThat(reminder(LATE, 2)).hasSize(2);
        assertThat(reminder(NONE, 1)).as("never to a bounced address").hasSize(1);
        assertThat(jdbc.sql("select count(*) from reminder r join enterprise e on e.id = r.enterprise_id where e.name = ? and r.local_day = ?")
                .params("宁波催报测试未交有限公司", java.time.LocalDate.parse("2099-12-17")).query(Long.class).single()).isZero();

        // after the deadline: mail is still taken, the file is marked late; the incomplete one too
        at("2099-12-21T10:00");
        Forms.ingest(intake, clock.instant(), LATE, "附件1.doc", "e02-annex1.doc", "附件2.doc", "e02-annex2.doc");
        EnterpriseFile late = file("宁波恒锐精密轴承有限公司");
        assertThat(late.state()).isEqualTo(EnterpriseState.ACCEPTED);
        assertThat(late.late()).isTrue();
        assertThat(file("宁波催报测试未交有限公司").late()).isTrue();
        assertThat(file("宁波明睿智能装备有限公司").late()).isFalse();
        assertThat(file("宁波康迪医疗器械有限公司").late()).isFalse();
        assertThat(reminders.due()).isFalse();
        assertThat(camel.getRoute("enterprise-reminders")).isNotNull();
    }

    @Test
    void aReminderWaitsInTheOutboxWhileTheServerIsDownGoesToEachAddressAloneAndIsDroppedOnceTheFileIsComplete()
            throws Exception {
        String contact = "tan@remind-outbox.cn";
        String office = "office@remind-outbox.cn";
        String roster = "企业名称,地区,联系人,联系邮箱\n宁波杭湾新能汽车部件有限公司,杭州湾新区,谭经理," + contact + "\n";
        mvc.perform(multipart("/api/roster").file(new MockMultipartFile("file", "名单.csv", "text/csv",
                roster.getBytes(StandardCharsets.UTF_8))).with(coordinator()).with(csrf())).andExpect(status().isOk());
        at("2099-12-19T10:00");
        Forms.ingest(intake, clock.instant(), office, "附件2.docx", "e08-annex2.docx");
        EnterpriseFile half = file("宁波杭湾新能汽车部件有限公司");
        assertThat(half.state()).isEqualTo(EnterpriseState.valueOf("MISSING_ANNEX_1"));

        // the mail server is down when the coordinator asks: the reminders wait in the outbox
        camel.getRouteController().stopRoute("reply-outbox");
        try {
            mvc.perform(post("/api/reminders").contentType(MediaType.APPLICATION_JSON).content("{\"enterprises\":[" + half.id() + "]}")
                            .with(coordinator()).with(csrf()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.sent").value(1));
            mailServer.stop();
            camel.getRouteController().startRoute("reply-outbox");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from outbox where kind = 'REMINDER' and recipient in (?, ?) and attempts >= 1 and last_error is not null")
                    .params(contact, office).query(Long.class).single() >= 1);
        } finally {
            if (!mailServer.isRunning()) {
                mailServer.start();
            }
        }
        // back: one mail to each address, each with that address alone, once
        assertThat(reminder(contact, 1)).hasSize(1);
        assertThat(reminder(office, 1)).hasSize(1);
        Correspondence mail = new Correspondence(settings);
        for (String address : List.of(contact, office)) {
            MimeMessage m = mail.inbox(address).stream().filter(x -> subject(x).contains("催报")).findFirst().orElseThrow();
            assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(address);
            assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        }
        assertThat(jdbc.sql("select count(*) from reminder where enterprise_id = ? and state = 'SENT'").param(half.id())
                .query(Long.class).single()).isEqualTo(2);

        // a reminder queued the next day, and the file is completed before it goes out: none is sent
        at("2099-12-20T09:10");
        camel.getRouteController().stopRoute("reply-outbox");
        try {
            assertThat(reminders.send(List.of(half.id()), "test").sent()).isEqualTo(1);
            Forms.ingest(intake, clock.instant(), office, "附件1.docx", "e08-annex1.docx");
            assertThat(file("宁波杭湾新能汽车部件有限公司").state()).isEqualTo(EnterpriseState.ACCEPTED);
        } finally {
            camel.getRouteController().startRoute("reply-outbox");
        }
        // the reminder is marked cancelled just before its outbox entry is: wait for both
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from reminder where enterprise_id = ? and state = 'CANCELLED'").param(half.id())
                .query(Long.class).single() == 2 && jdbc.sql("select count(*) from outbox o join reminder r on r.id = o.reminder_id"
                + " where r.enterprise_id = ? and r.state = 'CANCELLED' and o.suppressed_because is null").param(half.id())
                .query(Long.class).single() == 0);
        assertThat(jdbc.sql("select distinct suppressed_because from outbox o join reminder r on r.id = o.reminder_id"
                + " where r.enterprise_id = ? and r.state = 'CANCELLED'").param(half.id()).query(String.class).list())
                .containsExactly("材料已交齐，无需催报");
        assertThat(reminder(contact, 1)).as("nothing after the file was complete").hasSize(1);
    }

    private void at(String local) {
        clock.set(LocalDateTime.parse(local).atZone(SHANGHAI).toInstant());
    }

    private EnterpriseFile file(String name) {
        return files.all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private List<String> reminder(String address, int count) throws Exception {
        Correspondence mail = new Correspondence(settings);
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.inbox(address).stream()
                .filter(m -> subject(m).contains("催报")).count() >= count);
        return mail.inbox(address).stream().filter(m -> subject(m).contains("催报")).map(m -> {
            try {
                return Correspondence.text(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<String> subjects(String address) throws Exception {
        return new Correspondence(settings).inbox(address).stream().map(ReminderTests::subject).toList();
    }

    private static String only(List<String> texts) {
        assertThat(texts).hasSize(1);
        return texts.get(0);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    /** A delivery report as Postfix writes it, quoting the reminder's headers. */
    private static byte[] bounce(String recipient, String messageId) {
        String b = "=_bounce_boundary";
        return ("From: MAILER-DAEMON@remind-none.cn (Mail Delivery System)\r\n"
                + "To: forms@formbox.test\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <bounce-" + System.nanoTime() + "@remind-none.cn>\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + b + "\"\r\n\r\n"
                + "--" + b + "\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not\r\n"
                + "be delivered to one or more recipients.\r\n\r\n<" + recipient + ">: user unknown\r\n"
                + "--" + b + "\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.remind-none.cn\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "--" + b + "\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: forms@formbox.test\r\nTo: " + recipient + "\r\n"
                + "Message-ID: " + messageId + "\r\nSubject: reminder\r\n"
                + "--" + b + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor coordinator() {
        return user("coordinator").roles("STAFF", "COORDINATOR");
    }
}
