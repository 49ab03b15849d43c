package org.formbox.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.formbox.reply.ReplyComposer;
import org.formbox.support.CollectionTest;
import org.formbox.support.Correspondence;
import org.formbox.system.MailSettings;
import org.formbox.validation.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each enterprise's file holds its latest Annex 1 and latest Annex 2, whichever mail brought them;
 * a bundle files each enterprise; another sender cannot replace what an enterprise sent.
 */
@CollectionTest
class EnterpriseFileTests {

    @Autowired
    MailSettings settings;
    @Autowired
    EnterpriseFiles files;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.formbox.support.MovableClock clock;
    @Autowired
    EnterpriseRegistry registry;

    Correspondence mail;

    @BeforeEach
    void connect() {
        mail = new Correspondence(settings);
        clock.set(CollectionTest.START);
    }

    @Test
    void annex1ThenAnnex2InTwoMailsMakeOneFileCheckedAsAPair() throws Exception {
        String sender = "qianxiao@carbonvalley.cn";
        String first = mail.send(sender, "附件1 项目实施方案.docx", "e10-annex1.docx");
        List<String> replies = mail.awaitReplies(sender, 1);
        EnterpriseFile file = file("宁波碳谷新材料科技股份有限公司");
        assertThat(file.state()).isEqualTo(EnterpriseState.valueOf("MISSING_ANNEX_2"));
        assertThat(replies.get(0)).contains("档案情况", "尚缺附件2", "材料提交截止时间为 2099年12月20日 17:00");

        String second = mail.send(sender, "附件2 调查表.docx", "e10-annex2.docx");
        replies = mail.awaitReplies(sender, 2);
        file = files.file(file.id()).orElseThrow();
        assertThat(file.current("ANNEX_1").submissionId()).isEqualTo(submission(first));
        assertThat(file.current("ANNEX_2").submissionId()).isEqualTo(submission(second));
        // the names differ between the annexes: the pair is checked once both are there
        assertThat(file.findings()).extracting(Finding::rule).contains("X-NAME-MISMATCH");
        assertThat(file.state()).isEqualTo(EnterpriseState.ACCEPTED);
        assertThat(files.all().stream().filter(f -> f.name().startsWith("宁波碳谷"))).hasSize(1);
        String reply = replies.stream().filter(r -> r.contains(ReplyComposer.receipt(submission(second)))).findFirst().orElseThrow();
        assertThat(reply).contains("附件1（", "收到）仍然有效", "附件1、附件2均已收齐").doesNotContain("尚缺");
        assertThat(jdbc.sql("select superseded_by from submission where id = ?").param(submission(first))
                .query(Long.class).optional()).isEmpty();
        // the replies took the files the intake built; read again from the store, each is the file right after its mail
        EnterpriseFile afterFirst = files.fileAsOf(file.id(), submission(first)).orElseThrow();
        assertThat(afterFirst.state()).isEqualTo(EnterpriseState.valueOf("MISSING_ANNEX_2"));
        assertThat(afterFirst.current("ANNEX_2")).isNull();
        assertThat(afterFirst.current("ANNEX_1").fields()).isNotEmpty();
        EnterpriseFile afterSecond = files.fileAsOf(file.id(), submission(second)).orElseThrow();
        assertThat(afterSecond.state()).isEqualTo(EnterpriseState.ACCEPTED);
        assertThat(afterSecond.findings()).isEqualTo(file.findings());
        assertThat(afterSecond.contactEmail()).isEqualTo(file.contactEmail());
    }

    @Test
    void annex2ResentAloneLeavesAnnex1Standing() throws Exception {
        String sender = "getao@yongda-tech.com";
        String first = mail.send(sender, "附件1.docx", "e12-annex1.docx", "附件2.docx", "e12-annex2.docx");
        mail.awaitReplies(sender, 1);
        EnterpriseFile file = file("宁波甬达电子科技有限公司");
        assertThat(file.state()).isEqualTo(EnterpriseState.NEEDS_CORRECTION);

        String second = mail.send(sender, "附件2（更正）.docx", "e13-annex2.docx");
        List<String> replies = mail.awaitReplies(sender, 2);
        file = files.file(file.id()).orElseThrow();
        assertThat(file.current("ANNEX_1").submissionId()).isEqualTo(submission(first));
        assertThat(file.current("ANNEX_2").submissionId()).isEqualTo(submission(second));
        assertThat(file.state()).isEqualTo(EnterpriseState.ACCEPTED);
        assertThat(file.versions()).hasSize(3);
        String reply = replies.stream().filter(r -> r.contains(ReplyComposer.receipt(submission(second)))).findFirst().orElseThrow();
        assertThat(reply).contains("附件1（", "仍然有效", "替代您于", ReplyComposer.receipt(submission(first)))
                .doesNotContain("以本次为准");
    }

    @Test
    void aBureauBundleFilesEachEnterpriseAndGetsOneReplyNamingBoth() throws Exception {
        String bureau = "kjj@bl.gov.cn";
        String id = mail.send(bureau, "华星化工-附件2.docx", "e01-annex2.docx", "金鼎合金-附件2.docx", "e11-annex2.docx");
        List<String> replies = mail.awaitReplies(bureau, 1);
        EnterpriseFile huaxing = file("宁波华星化工新材料有限公司");
        EnterpriseFile jinding = file("宁波金鼎特种合金有限公司");
        assertThat(huaxing.current("ANNEX_2").submissionId()).isEqualTo(submission(id));
        assertThat(jinding.current("ANNEX_2").submissionId()).isEqualTo(submission(id));
        assertThat(huaxing.state()).isEqualTo(EnterpriseState.valueOf("MISSING_ANNEX_1"));
        assertThat(jinding.state()).isEqualTo(EnterpriseState.valueOf("MISSING_ANNEX_1"));
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0)).contains("宁波华星化工新材料有限公司", "宁波金鼎特种合金有限公司", "尚缺附件1");
    }

    @Test
    void anotherSenderNamingAKnownEnterpriseIsKeptButWaitsForStaff() throws Exception {
        String owner = "chensi@yongxin-ic.com";
        String first = mail.send(owner, "附件1.docx", "e06-annex1.docx", "附件2.docx", "e06-annex2.docx");
        mail.awaitReplies(owner, 1);
        EnterpriseFile before = file("宁波甬芯微电子有限公司");
        assertThat(before.current("ANNEX_2").submissionId()).isEqualTo(submission(first));
        String firstTime = jdbc.sql("select received_at from submission where id = ?").param(submission(first))
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single()
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));

        String stranger = "liuqiang@outsider.cn";
        String second = mail.send(stranger, "附件2.docx", "src/test/resources/enterprise/other-sender-annex2.docx");
        String reply = mail.awaitReplies(stranger, 1).get(0);
        EnterpriseFile after = files.file(before.id()).orElseThrow();
        assertThat(after.current("ANNEX_2").submissionId()).as("still the owner's").isEqualTo(submission(first));
        assertThat(after.current("ANNEX_2").fields()).containsEntry("contact_name", "陈思");
        assertThat(after.held()).extracting(EnterpriseFile.Annex::submissionId).containsExactly(submission(second));
        String secondTime = jdbc.sql("select received_at from submission where id = ?").param(submission(second))
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single()
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        assertThat(reply).contains("待工作人员核实确认")
                .doesNotContain(ReplyComposer.receipt(submission(first)), "陈思", "18957468823",
                        "chensi@", "低功耗物联网主控芯片", "仍然有效", "尚缺");
        if (!firstTime.equals(secondTime)) {
            // the reply names the time its own mail came; the owner's mail, a minute or more earlier, it never names
            assertThat(reply).doesNotContain(firstTime);
        }

        assertThat(files.confirm(before.id(), after.held().get(0).documentId(), "coordinator")).isTrue();
        EnterpriseFile confirmed = files.file(before.id()).orElseThrow();
        assertThat(confirmed.current("ANNEX_2").submissionId()).isEqualTo(submission(second));
        assertThat(confirmed.current("ANNEX_2").fields()).containsEntry("contact_name", "刘强");
        assertThat(confirmed.current("ANNEX_2").confirmedBy()).isEqualTo("coordinator");
        assertThat(confirmed.held()).isEmpty();
    }

    @Test
    void aFirstMailIsVersionOneAndASpellingLinkedByHandFilesTheNextMailIntoTheRosterEntry() throws Exception {
        String sender = "wangmr@mingrui-zb.cn";
        // an enterprise no other test of the shared store files under, so that this mail is its first
        String annex = renamed("e05-annex2.docx", "宁波明睿智能装备有限公司", "宁波明睿精工装备有限公司");
        String first = mail.send(sender, "附件2.docx", annex);
        mail.awaitReplies(sender, 1);
        EnterpriseFile unexpected = file("宁波明睿精工装备有限公司");
        assertThat(jdbc.sql("select version from submission where id = ?").param(submission(first)).query(Integer.class).single())
                .isEqualTo(1);
        jdbc.sql("insert into enterprise (name_key, name, on_roster, created_at) values ('roster:mingrui', '宁波明睿装备集团', true, ?)")
                .param(java.time.OffsetDateTime.now()).update();
        long roster = jdbc.sql("select id from enterprise where name_key = 'roster:mingrui'").query(Long.class).single();
        assertThat(registry.link(unexpected.id(), roster, "coordinator")).isTrue();

        String second = mail.send(sender, "附件2（更正）.docx", annex);
        mail.awaitReplies(sender, 2);
        EnterpriseFile file = files.file(roster).orElseThrow();
        assertThat(file.current("ANNEX_2").submissionId()).as("filed by the alias").isEqualTo(submission(second));
        assertThat(jdbc.sql("select version, supersedes from submission where id = ?").param(submission(second))
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(2L, submission(first));
        assertThat(jdbc.sql("select superseded_by from submission where id = ?").param(submission(first))
                .query(Long.class).single()).isEqualTo(submission(second));
    }

    /** A copy of a sample Word file with the enterprise renamed in its text; its path. */
    private static String renamed(String sample, String from, String to) throws Exception {
        java.nio.file.Path out = java.nio.file.Path.of("target", "test-data", "renamed-" + to + ".docx");
        java.nio.file.Files.createDirectories(out.getParent());
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(Correspondence.document(sample)));
             var zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(out))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(xml).contains(from);
                    bytes = xml.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toString();
    }

    private EnterpriseFile file(String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> files.all().stream().anyMatch(f -> f.name().equals(name)));
        return files.all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private long submission(String messageId) {
        return jdbc.sql("select id from submission where message_id = ?").param(messageId).query(Long.class).single();
    }
}
