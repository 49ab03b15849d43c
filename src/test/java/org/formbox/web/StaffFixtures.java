package org.formbox.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.formbox.intake.RawArchive;
import org.formbox.submission.SubmissionDraft;
import org.formbox.submission.SubmissionStatus;
import org.formbox.submission.Submissions;
import org.formbox.validation.Finding;
import org.formbox.validation.Severity;

/**
 * Realistic stored submissions for the staff-side tests, saved through {@link Submissions#save}
 * (a second call finds them saved and returns the same ids). Each test that changes state has its
 * own enterprise, so the tests stay independent in the shared store: 甬新 (two versions, the hostile
 * value) is only read, 东方电缆 is overridden through the API, 金田 through a page, 舜宇 in the browser.
 */
final class StaffFixtures {

    static final String SCRIPT = "<script>alert(1)</script>";
    /** Two versions; the second needs correction and carries a hostile product name (browser override). */
    static final String YONGXIN = "宁波甬新材料科技有限公司";
    /** Annex 1 and 2, accepted. */
    static final String HAITIAN = "宁波海天精工机床有限公司";
    /** Two errors (API override). */
    static final String DONGFANG = "宁波东方电缆股份有限公司";
    /** One error (browser override). */
    static final String SHUNYU = "宁波舜宇光电信息有限公司";
    /** One error (page override). */
    static final String JINTIAN = "宁波金田铜业新材料有限公司";

    /** The ids of the fixture submissions. */
    record Ids(long yongxin1, long yongxin2, long haitian, long dongfang, long jintian, long shunyu, long failed) {
    }

    private StaffFixtures() {
    }

    static Ids seed(Submissions submissions, RawArchive archive) {
        Instant now = Instant.now();
        long y1 = save(submissions, archive, "yongxin-1", "chen@yongxin.cn", YONGXIN, now.minus(Duration.ofDays(3)),
                SubmissionStatus.NEEDS_CORRECTION, List.of(survey(YONGXIN, "鄞州区", "18000", "23000", "磁性材料")),
                List.of(new Finding("A2-REQUIRED", Severity.error, List.of("contact_phone"), "请填写“电话”。")));
        long y2 = save(submissions, archive, "yongxin-2", "chen@yongxin.cn", YONGXIN, now.minus(Duration.ofDays(1)),
                SubmissionStatus.NEEDS_CORRECTION, List.of(survey(YONGXIN, "鄞州区", "18000", "21000", SCRIPT)),
                List.of(new Finding("A2-FIXED-LE-TOTAL", Severity.error, List.of("fixed_assets", "total_assets"),
                                "固定资产（21000万元）大于总资产（18000万元），请核对。"),
                        new Finding("A2-RD-RATIO-RANGE", Severity.warning, List.of("rd_staff_ratio"), "研发人员占比偏高，请确认。")));
        long haitian = save(submissions, archive, "haitian-1", "wang@haitian.com", HAITIAN, now.minus(Duration.ofHours(5)),
                SubmissionStatus.ACCEPTED, List.of(survey(HAITIAN, "北仑区", "52000", "20000", "数控机床"),
                        proposal(HAITIAN, "高档数控机床与机器人", "五轴联动数控机床关键技术研发")), List.of());
        long dongfang = save(submissions, archive, "dongfang-1", "li@orientcable.com", DONGFANG, now.minus(Duration.ofHours(3)),
                SubmissionStatus.NEEDS_CORRECTION, List.of(survey(DONGFANG, "北仑区", "30000", "12000", "海底电缆")),
                List.of(new Finding("A2-REQUIRED", Severity.error, List.of("legal_representative"), "请填写“法人代表”。"),
                        new Finding("A2-EMAIL-FORMAT", Severity.error, List.of("contact_email"), "邮箱格式不正确，请核对。")));
        long jintian = save(submissions, archive, "jintian-1", "zhao@jintian.com", JINTIAN, now.minus(Duration.ofHours(2)),
                SubmissionStatus.NEEDS_CORRECTION, List.of(survey(JINTIAN, "江北区", "40000", "15000", "铜材")),
                List.of(new Finding("A2-REQUIRED", Severity.error, List.of("industry"), "请填写“所属行业”。")));
        long shunyu = save(submissions, archive, "shunyu-1", "sun@sunnyoptical.com", SHUNYU, now.minus(Duration.ofMinutes(90)),
                SubmissionStatus.NEEDS_CORRECTION, List.of(survey(SHUNYU, "余姚市", "60000", "25000", "光学镜头")),
                List.of(new Finding("A2-FIXED-LE-TOTAL", Severity.error, List.of("fixed_assets", "total_assets"),
                        "固定资产（65000万元）大于总资产（60000万元），请核对。")));
        long failed = save(submissions, archive, "broken-1", "someone@example.cn", null, now.minus(Duration.ofHours(1)),
                SubmissionStatus.FAILED, List.of(), List.of());
        return new Ids(y1, y2, haitian, dongfang, jintian, shunyu, failed);
    }

    private static SubmissionDraft.Document survey(String name, String region, String total, String fixed, String products) {
        Map<String, FieldValue> f = new LinkedHashMap<>();
        f.put("enterprise_name", FieldValue.text("enterprise_name", name, name));
        f.put("legal_representative", FieldValue.text("legal_representative", "陈建国", "陈建国"));
        f.put("ownership_type", FieldValue.text("ownership_type", "民营", "民营"));
        f.put("region", FieldValue.text("region", region, region));
        f.put("total_assets", FieldValue.number("total_assets", new BigDecimal(total), total + "万元"));
        f.put("fixed_assets", FieldValue.number("fixed_assets", new BigDecimal(fixed), fixed));
        f.put("rd_staff_ratio", FieldValue.number("rd_staff_ratio", new BigDecimal("12.5"), "12.5%"));
        f.put("employees_total", FieldValue.number("employees_total", new BigDecimal("320"), "320人"));
        f.put("main_products", FieldValue.text("main_products", products, products));
        f.put("contact_name", FieldValue.text("contact_name", "陈丽", "陈丽"));
        f.put("contact_email", FieldValue.text("contact_email", "chenli@example.cn", "chenli@example.cn"));
        f.put("financials.2016.total_assets", FieldValue.number("financials.2016.total_assets", new BigDecimal(total), total));
        return new SubmissionDraft.Document("附件2 企业基本情况调查表.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment",
                "PK fake docx".getBytes(StandardCharsets.UTF_8), false, Annex.valueOf("ANNEX_2"), null, f);
    }

    private static SubmissionDraft.Document proposal(String name, String programme, String project) {
        Map<String, FieldValue> f = new LinkedHashMap<>();
        f.put("project_name", FieldValue.text("project_name", project, project));
        f.put("programme", FieldValue.text("programme", programme, programme));
        f.put("lead_organization", FieldValue.text("lead_organization", name, name));
        f.put("total_budget", FieldValue.number("total_budget", new BigDecimal("3000"), "3000万元"));
        f.put("requested_funding", FieldValue.number("requested_funding", new BigDecimal("900"), "900万元"));
        f.put("plan.objectives", FieldValue.text("plan.objectives", "突破五轴联动关键技术。", "突破五轴联动关键技术。"));
        return new SubmissionDraft.Document("附件1 项目实施方案.doc", "application/msword", "attachment",
                "fake doc".getBytes(StandardCharsets.UTF_8), false, Annex.valueOf("ANNEX_1"), null, f);
    }

    private static long save(Submissions submissions, RawArchive archive, String id, String sender, String enterprise,
                             Instant receivedAt, SubmissionStatus status, List<SubmissionDraft.Document> documents,
                             List<Finding> findings) {
        String messageId = "<" + id + "@web-tests.formbox.test>";
        byte[] raw = ("Message-ID: " + messageId + "\r\nFrom: " + sender + "\r\nSubject: test\r\n\r\n"
                + "<html><script>alert('eml')</script></html>\r\n").getBytes(StandardCharsets.UTF_8);
        RawArchive.Entry entry;
        try {
            entry = archive.store(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return submissions.save(new SubmissionDraft(messageId, entry.fingerprint(), entry.path(), sender, "联系人", sender,
                "科技创新2025 申报材料 " + (enterprise == null ? "" : enterprise), messageId, receivedAt, receivedAt, raw.length, status,
                status == SubmissionStatus.FAILED ? "附件解析失败：文件已损坏" : null, enterprise, documents, findings,
                null)).id();
    }
}
