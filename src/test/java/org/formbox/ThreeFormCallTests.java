package org.formbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formbox.forms.CallDefinitions;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FormDef;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.submission.EnterpriseState;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.FilledForms;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A call of another programme with three forms is a definition file and nothing else: started with
 * {@code src/test/resources/calls/zjtx-2026.yaml} (附件1 proposal, 附件2 survey, and 附件3 知识产权情况表,
 * a second survey with fields and a rule of its own), the service issues the three blank forms,
 * reads and checks a filled 附件3 by its own rule, names all three forms in its replies, and counts
 * the enterprise complete only once all three have arrived.
 */
@MailboxTest
@TestPropertySource(properties = {"formbox.mail.smtp.port=${TEST_PORT_PREFIX:39}38",
        "formbox.mail.imap.port=${TEST_PORT_PREFIX:39}58", "spring.datasource.url=jdbc:h2:mem:threeforms;DB_CLOSE_DELAY=-1",
        "formbox.archive.dir=target/test-data/threeforms/archive-${random.uuid}",
        "formbox.mail.spool-dir=target/test-data/threeforms/spool-${random.uuid}",
        "formbox.call.definition=zjtx-2026", "formbox.call.definitions-dir=src/test/resources/calls"})
@DirtiesContext
class ThreeFormCallTests {

    private static final String SENDER = "zhou.min@nb-threeforms.cn";
    private static final String ENTERPRISE = "宁波甬和智能装备有限公司";
    private static final String SURVEY = "附件2-企业基本情况调查表（专精特新2026）.docx";
    private static final String PROPOSAL = "附件1-项目实施方案（专精特新2026）.docx";
    private static final String IP = "附件3-知识产权情况表（专精特新2026）.docx";

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;
    @Autowired
    EnterpriseFiles files;

    @AfterAll
    static void backToTheShippedCall() {
        FieldCatalog.use(CallDefinitions.load(Path.of("calls"), CallDefinitions.DEFAULT));
    }

    @Test
    void threeFormsAreIssuedReadCheckedAndAllThreeNeededForAFileToBeComplete() throws Exception {
        Mailbox mailbox = new Mailbox(settings);
        mailbox.deliver(TestMails.from(SENDER).build(), SENDER);
        Map<String, byte[]> blanks = FilledForms.attachments(awaitReply(mailbox, 1));
        assertThat(blanks.keySet()).containsExactly(PROPOSAL, SURVEY, IP);
        assertThat(FilledForms.text(blanks.get(IP))).contains("知识产权情况表", "发明专利申请总数（项）", "其中已授权（项）",
                "软件著作权（项）");

        // the survey and the proposal: read and in order, but the file still lacks 附件3
        mailbox.deliver(TestMails.from(SENDER).subject(ENTERPRISE + " 申报材料")
                .attachRfc2231("附件2-调查表.docx", FilledForms.survey(blanks.get(SURVEY), form("ANNEX_2"), survey()))
                .attachRfc2231("附件1-实施方案.docx", FilledForms.proposal(blanks.get(PROPOSAL), facts(), BODY))
                .build(), SENDER);
        String second = FilledForms.plainText(awaitReply(mailbox, 2));
        assertThat(second).contains("已按附件2（企业基本情况调查表）读取", "已按附件1（项目实施方案）读取",
                "尚缺附件3（知识产权情况表），请尽快补交。");
        assertThat(file().state()).isEqualTo(EnterpriseState.valueOf("MISSING_ANNEX_3"));
        assertThat(file().state().label()).isEqualTo("缺附件3");
        assertThat(file().missing()).extracting(FormDef::shortName).containsExactly("附件3");

        // 附件3 alone, with more patents granted than filed: read as 附件3 and checked by its own rule
        mailbox.deliver(TestMails.from(SENDER).subject(ENTERPRISE + " 附件3")
                .attachRfc2231("附件3.docx", FilledForms.survey(blanks.get(IP), form("ANNEX_3"), ip("3", "5")))
                .build(), SENDER);
        SubmissionView.Detail third = awaitSubmissions(3).get(0);
        SubmissionView.Document read = third.documents().get(0);
        assertThat(read.annex()).isEqualTo("ANNEX_3");
        assertThat(read.fields()).containsKeys("ip_holder", "inventions_filed", "inventions_granted", "software_copyrights");
        assertThat(third.findings()).extracting(SubmissionView.FindingView::message)
                .containsExactly("其中已授权（5项）超过发明专利申请总数（3项），请核对。");
        String reply = FilledForms.plainText(awaitReply(mailbox, 3));
        assertThat(reply).contains("已按附件3（知识产权情况表）读取，必填的 4 项都已找到", "其中已授权（5项）超过发明专利申请总数（3项）",
                "附件1", "附件2");
        assertThat(file().state()).isEqualTo(EnterpriseState.NEEDS_CORRECTION);
        assertThat(file().current().keySet()).containsExactly("ANNEX_1", "ANNEX_2", "ANNEX_3");

        // corrected: all three forms current and in order, the file is complete
        mailbox.deliver(TestMails.from(SENDER).subject(ENTERPRISE + " 附件3（更正）")
                .attachRfc2231("附件3.docx", FilledForms.survey(blanks.get(IP), form("ANNEX_3"), ip("6", "5")))
                .build(), SENDER);
        String last = FilledForms.plainText(awaitReply(mailbox, 4));
        assertThat(last).contains("附件1、附件2、附件3均已收齐");
        assertThat(file().state()).isEqualTo(EnterpriseState.ACCEPTED);
    }

    private static final String BODY = "本项目面向宁波市智能制造装备产业需求，围绕高精度伺服系统开展设计、工艺与检测技术攻关，形成自主可控能力。";

    private EnterpriseFile file() {
        return files.all().stream().filter(f -> f.name().equals(ENTERPRISE)).findFirst().orElseThrow();
    }

    private static FormDef form(String annex) {
        return FieldCatalog.form(annex).orElseThrow();
    }

    private MimeMessage awaitReply(Mailbox mailbox, int count) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.inboxOf(SENDER).size() >= count);
        return mailbox.inboxOf(SENDER).get(count - 1);
    }

    private List<SubmissionView.Detail> awaitSubmissions(int count) {
        SubmissionSearch.Criteria bySender = new SubmissionSearch.Criteria(SENDER, null, null, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> search.find(bySender, 0, 10).total() >= count);
        return search.find(bySender, 0, 10).items().stream().map(i -> search.detail(i.id()).orElseThrow()).toList();
    }

    private static Map<String, String> ip(String filed, String granted) {
        return Map.of("ip_holder", ENTERPRISE, "inventions_filed", filed, "inventions_granted", granted,
                "software_copyrights", "4", "ip_manager", "周敏");
    }

    private static Map<String, String> facts() {
        return Map.of("project_name", "高精度伺服系统研发及产业化", "programme", "智能制造装备",
                "lead_organization", ENTERPRISE, "total_budget", "3000", "requested_funding", "800",
                "self_raised_funding", "2200", "subproject_count", "1", "duration_years", "3");
    }

    /** The answers an enterprise types, by the active call's keys; the yearly table by its years. */
    private static Map<String, String> survey() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("enterprise_name", ENTERPRISE);
        a.put("legal_representative", "周建华");
        a.put("ownership_type", "民营");
        a.put("foreign_capital_ratio", "0");
        a.put("industry", "专用设备制造业");
        a.put("region", "北仑区");
        a.put("registered_capital", "5000");
        a.put("total_assets", "11000");
        a.put("fixed_assets", "5000");
        a.put("owners_equity", "6600");
        a.put("land_area", "20000");
        a.put("floor_area", "30000");
        a.put("debt_to_asset_ratio", "40%");
        a.put("employees_total", "320");
        a.put("employees_junior_high_or_below", "100");
        a.put("employees_college_or_above", "150");
        a.put("rd_staff_ratio", "15%");
        a.put("engineering_center", "市级");
        a.put("annual_rd_expense", "650");
        a.put("main_products", "伺服电机及驱动器");
        a.put("production_capacity", "年产伺服系统20万套");
        a.put("core_equipment", "国产");
        a.put("core_technology_source", "自主研发");
        a.put("patents", "发明5项，实用新型12项");
        a.put("rd_conditions", "市级企业工程技术中心");
        a.put("contact_name", "周敏");
        a.put("contact_phone", "0574-86543210");
        a.put("contact_email", "zhoumin@yonghe.example.cn");
        List<String> years = FieldCatalog.years();
        for (int i = 0; i < years.size(); i++) {
            a.put(FieldCatalog.financialKey(years.get(i), "total_assets"), String.valueOf(10000 + 500 * i));
            a.put(FieldCatalog.financialKey(years.get(i), "industrial_sales_revenue"), String.valueOf(9000 + 1000 * i));
            a.put(FieldCatalog.financialKey(years.get(i), "industrial_profit"), String.valueOf(800 + 100 * i));
            a.put(FieldCatalog.financialKey(years.get(i), "taxes_paid"), "300");
        }
        return a;
    }
}
