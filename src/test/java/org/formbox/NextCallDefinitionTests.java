package org.formbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.formbox.forms.CallDefinitions;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FormDef;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
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
 * A new call is a new definition file and nothing else: the service started with
 * {@code src/test/resources/calls/kjcx-2026.yaml} (years 2023–2025, one field more with a rule of its
 * own, the floor-area rule changed, the tax rule removed) issues that call's blank forms, and the
 * forms an enterprise fills from them, mailed back, are read and checked by that call's rules.
 */
@MailboxTest
@TestPropertySource(properties = {"formbox.mail.smtp.port=${TEST_PORT_PREFIX:39}37",
        "formbox.mail.imap.port=${TEST_PORT_PREFIX:39}57", "spring.datasource.url=jdbc:h2:mem:nextcall;DB_CLOSE_DELAY=-1",
        "formbox.archive.dir=target/test-data/nextcall/archive-${random.uuid}",
        "formbox.mail.spool-dir=target/test-data/nextcall/spool-${random.uuid}",
        "formbox.call.definition=kjcx-2026", "formbox.call.definitions-dir=src/test/resources/calls"})
@DirtiesContext
class NextCallDefinitionTests {

    private static final String SENDER = "li.ming@nb-nextcall.cn";

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;

    @AfterAll
    static void backToTheShippedCall() {
        FieldCatalog.use(CallDefinitions.load(Path.of("calls"), CallDefinitions.DEFAULT));
    }

    @Test
    void theNextCallsFormsAreIssuedReadAndCheckedByItsOwnRules() throws Exception {
        Mailbox mailbox = new Mailbox(settings);
        mailbox.deliver(TestMails.from(SENDER).build(), SENDER);
        MimeMessage blanks = awaitReply(mailbox, 1);
        Map<String, byte[]> templates = attachments(blanks);
        assertThat(templates.keySet()).containsExactly("附件1-项目实施方案（2026年度模板）.docx",
                "附件2-行业重点企业基本情况调查表（2026年度模板）.docx");
        byte[] survey = templates.get("附件2-行业重点企业基本情况调查表（2026年度模板）.docx");
        assertThat(text(survey)).contains("重大专项（2026年度）", "2023年", "2024年", "2025年", "研发人员数（人）")
                .doesNotContain("2016年");

        mailbox.deliver(TestMails.from(SENDER).subject("宁波甬信精密机械有限公司 2026年度申报材料")
                .attachRfc2231("附件2-调查表.docx", fillSurvey(survey))
                .attachRfc2231("附件1-实施方案.docx", fillProposal(templates.get("附件1-项目实施方案（2026年度模板）.docx")))
                .build(), SENDER);

        SubmissionView.Detail s = awaitSubmissions(2).get(0);
        SubmissionView.Document a2 = s.documents().stream().filter(d -> "ANNEX_2".equals(d.annex())).findFirst().orElseThrow();
        assertThat(a2.fields()).containsKeys("financials.2023.total_assets", "financials.2025.taxes_paid", "rd_staff_count")
                .doesNotContainKey("financials.2016.total_assets");
        assertThat(new BigDecimal(a2.fields().get("financials.2025.industrial_sales_revenue").toString())).isEqualByComparingTo("11000");
        assertThat(new BigDecimal(a2.fields().get("rd_staff_count").toString())).isEqualByComparingTo("400");
        assertThat(s.documents().stream().filter(d -> "ANNEX_1".equals(d.annex()))).hasSize(1);
        // the new rule (研发人员数 above all staff), the changed one (floor area 9 times the land: over 8),
        // and none of the removed one although 2024's taxes exceed its sales
        assertThat(s.findings()).extracting(SubmissionView.FindingView::rule)
                .containsExactlyInAnyOrder("A2-RD-STAFF-LE-TOTAL", "A2-FLOOR-AREA");
        assertThat(s.findings()).extracting(SubmissionView.FindingView::message).containsExactlyInAnyOrder(
                "研发人员数（400人）超过职工总人数（320人），请核对。",
                "建筑面积（180000平方米）超过占地面积（20000平方米）的8倍，请确认面积单位是否正确。");
        assertThat(s.status()).isEqualTo("NEEDS_CORRECTION");

        // 41 required entries in the shipped call, one more here
        String reply = ReplyText.of(awaitReply(mailbox, 2));
        assertThat(reply).contains("研发人员数（400人）超过职工总人数（320人）", "2025年工业销售收入", "必填的 42 项都已找到");
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

    /** The answers an enterprise types, by the active call's keys; the yearly table by its years. */
    private static Map<String, String> answers() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("enterprise_name", "宁波甬信精密机械有限公司");
        a.put("legal_representative", "王建国");
        a.put("ownership_type", "民营");
        a.put("foreign_capital_ratio", "0");
        a.put("industry", "通用设备制造业");
        a.put("region", "鄞州区");
        a.put("registered_capital", "5000");
        a.put("total_assets", "11000");
        a.put("fixed_assets", "5000");
        a.put("owners_equity", "6600");
        a.put("land_area", "20000");
        a.put("floor_area", "180000");
        a.put("debt_to_asset_ratio", "40%");
        a.put("employees_total", "320");
        a.put("employees_junior_high_or_below", "100");
        a.put("employees_college_or_above", "150");
        a.put("rd_staff_ratio", "15%");
        a.put("rd_staff_count", "400");
        a.put("engineering_center", "市级");
        a.put("annual_rd_expense", "650");
        a.put("main_products", "高精度滚动轴承");
        a.put("production_capacity", "年产轴承800万套");
        a.put("core_equipment", "进口");
        a.put("core_technology_source", "自主研发");
        a.put("patents", "发明5项，实用新型12项");
        a.put("rd_conditions", "省级企业研究院");
        a.put("contact_name", "李明");
        a.put("contact_phone", "0574-87654321");
        a.put("contact_email", "liming@yongxin.example.cn");
        List<String> years = FieldCatalog.years();
        for (int i = 0; i < years.size(); i++) {
            a.put(FieldCatalog.financialKey(years.get(i), "total_assets"), String.valueOf(10000 + 500 * i));
            a.put(FieldCatalog.financialKey(years.get(i), "industrial_sales_revenue"), String.valueOf(9000 + 1000 * i));
            a.put(FieldCatalog.financialKey(years.get(i), "industrial_profit"), String.valueOf(800 + 100 * i));
            // 2024: taxes above sales, which the removed rule A2-TAX-LE-SALES would have questioned
            a.put(FieldCatalog.financialKey(years.get(i), "taxes_paid"), i == 1 ? "12000" : "300");
        }
        return a;
    }

    /** Types the answers into the blank survey as a person would: beside each printed label. */
    private static byte[] fillSurvey(byte[] template) throws Exception {
        Map<String, String> answers = answers();
        FormDef form = FieldCatalog.survey().orElseThrow();
        Map<String, String> byLabel = new LinkedHashMap<>();
        form.fields().forEach(f -> byLabel.put(f.label(), answers.get(f.key())));
        form.cells().forEach(c -> byLabel.put(c.label(), answers.get(c.key())));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
            XWPFTable table = doc.getTables().get(0);
            for (XWPFTableRow row : table.getRows()) {
                List<XWPFTableCell> cells = row.getTableCells();
                for (int c = 0; c + 1 < cells.size(); c++) {
                    String value = byLabel.get(cells.get(c).getText());
                    if (value != null) {
                        cells.get(c + 1).setText(value);
                    }
                }
                for (FormDef.Row yearly : form.table().rows()) {
                    if (cells.get(0).getText().equals(yearly.label())) {
                        for (int y = 0; y < form.table().years().size(); y++) {
                            cells.get(2 + y).setText(answers.get(form.table().cellKey(form.table().years().get(y), yearly.key())));
                        }
                    }
                }
                if (cells.size() == 1 && cells.get(0).getText().startsWith(label("contact_name") + "：")) {
                    cells.get(0).removeParagraph(0);
                    cells.get(0).setText(String.join("    ", form.template().contact().stream()
                            .map(k -> label(k) + "：" + answers.get(k)).toList()));
                }
            }
            return bytes(doc);
        }
    }

    /** The cover table's facts and a paragraph under every outline heading. */
    private static byte[] fillProposal(byte[] template) throws Exception {
        Map<String, String> facts = Map.of("project_name", "高速精密轴承关键技术研发及产业化", "programme", "关键基础零部件",
                "lead_organization", "宁波甬信精密机械有限公司", "total_budget", "3000", "requested_funding", "800",
                "self_raised_funding", "2200", "subproject_count", "1", "duration_years", "3");
        String body = "本项目面向宁波市关键基础零部件产业需求，围绕高精度轴承开展材料、工艺与检测技术攻关，形成自主可控能力。";
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
            for (XWPFTableRow row : doc.getTables().get(0).getRows()) {
                for (FieldDef f : FieldCatalog.projectFacts()) {
                    if (row.getCell(0).getText().startsWith(f.label())) {
                        row.getCell(1).setText(facts.get(f.key()));
                    }
                }
            }
            List<XWPFParagraph> paragraphs = List.copyOf(doc.getParagraphs());
            for (int i = 0; i + 1 < paragraphs.size(); i++) {
                if (paragraphs.get(i).getText().matches("\\d+、.*") && paragraphs.get(i + 1).getText().isEmpty()) {
                    paragraphs.get(i + 1).createRun().setText(body);
                }
            }
            return bytes(doc);
        }
    }

    private static String label(String key) {
        return FieldCatalog.byKey(key).orElseThrow().label();
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFWordExtractor words = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            return words.getText();
        }
    }

    private static byte[] bytes(XWPFDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> attachments(Part part) throws Exception {
        Map<String, byte[]> found = new LinkedHashMap<>();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                if (p.getFileName() != null) {
                    found.put(MimeUtility.decodeText(p.getFileName()), p.getInputStream().readAllBytes());
                } else {
                    found.putAll(attachments(p));
                }
            }
        }
        return found;
    }

    /** The plain text of a reply. */
    static final class ReplyText {
        static String of(Part part) throws Exception {
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return (String) part.getContent();
            }
            StringBuilder out = new StringBuilder();
            if (part.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) part.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    out.append(of(mp.getBodyPart(i)));
                }
            }
            return out.toString();
        }
    }
}
