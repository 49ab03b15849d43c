package org.formbox.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.forms.FieldCatalog;
import org.formbox.submission.SubmissionView;
import org.formbox.system.CallSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of reply, rendered from the shipped templates, read as its recipient reads it. */
class ReplyComposerTests {

    static final Instant RECEIVED = Instant.parse("2026-11-28T02:05:00Z"); // 10:05 in Beijing
    static TimeZone jvmZone;

    final CallSettings call = new CallSettings(ZoneId.of("Asia/Shanghai"),
            new CallSettings.Call(LocalDateTime.parse("2026-12-20T17:00")),
            new CallSettings.Office("宁波市科学技术局重大专项处", "0574-87654321", "纸质盖章件请于截止日前寄送至市科技局。"),
            new CallSettings.Reminders(List.of(7, 3, 1), LocalTime.of(9, 0)));
    // a mail that filed no form: no file block (the file block is tested with the store in EnterpriseFileTests)
    final ReplyComposer composer = new ReplyComposer(null, new FileStandingComposer(null, call, null) {
        @Override
        FileStanding compose(SubmissionView.Detail s, java.util.List<String> mailErrors) {
            return null;
        }
    }, call);
    final MailTemplates templates = new MailTemplates("mail-templates");

    @BeforeAll
    static void serverInUtc() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void everyKindSaysWhenTheMailCameInTheDeadlineAndTheOffice() {
        for (SubmissionView.Detail d : List.of(accepted(), correction(), noForm(), question())) {
            String text = render(d);
            assertThat(text).as(d.status()).contains("北京时间 2026年11月28日 10:05", "宁波市科学技术局重大专项处",
                    "0574-87654321");
            if (!d.status().equals("NEEDS_ANSWER")) {
                assertThat(text).as(d.status()).contains("材料报送截止时间为北京时间 2026年12月20日 17:00",
                        "纸质盖章件请于截止日前寄送至市科技局。");
            }
            assertThat(text).doesNotContain("读取到 ", "和/或", "null");
        }
    }

    @Test
    void sectionsAreNumberedWithoutGaps() {
        for (SubmissionView.Detail d : List.of(accepted(), correction(), noForm(), question())) {
            String text = render(d);
            Matcher m = Pattern.compile("(?m)^([一二三四五六七八九十])、").matcher(text);
            StringBuilder numbers = new StringBuilder();
            while (m.find()) {
                numbers.append(m.group(1));
            }
            assertThat("一二三四五六七八九十").as(d.status() + ": " + numbers).startsWith(numbers.toString());
        }
        assertThat(render(noForm())).contains("一、收到的附件", "二、下一步").doesNotContain("三、");
        assertThat(render(question())).doesNotContain("一、", "空白模板", "重新发送");
    }

    @Test
    void tellsEachCellAndCauseOnceAndListsTheProgrammes() {
        ReplyContent c = composer.compose(correction());
        assertThat(c.errors()).containsExactly("固定资产（21000万元）大于总资产（18000万元），请核对。");
        // the tax in yuan also exceeds the sales: one cause, told once
        assertThat(c.warnings()).hasSize(2);
        assertThat(c.warnings().get(0)).contains("可能是按“元”填写");
        assertThat(c.warnings().get(1)).contains("本次征集的13个专项为：高端精细化工", "第三代半导体");
        assertThat(FieldCatalog.PROGRAMMES).allSatisfy(p -> assertThat(c.warnings().get(1)).contains(p));
        assertThat(c.nextSteps().get(0)).isEqualTo("请按上面的提示修改附件2，然后将修改后的完整附件2重新发送到本邮箱（直接回复本邮件即可）。");
        assertThat(c.subject()).isEqualTo("【需更正】宁波甬新材料科技有限公司 申报材料（回执号 FB-000002）");
    }

    @Test
    void sayWhatWasReadInsteadOfACount() {
        String text = render(accepted());
        assertThat(text).contains("附件2.docx：已按附件2（企业基本情况调查表）读取，必填的 41 项中找到 2 项");
    }

    private String render(SubmissionView.Detail d) {
        return templates.render("reply.txt", ReplyComposer.variables(composer.compose(d)));
    }

    private static SubmissionView.Detail detail(long id, String status, String enterprise, String subject,
                                                List<SubmissionView.Document> documents,
                                                List<SubmissionView.FindingView> findings) {
        return new SubmissionView.Detail(id, "<m" + id + "@x.cn>", "chen@yongxin.cn", "陈明", subject, RECEIVED, status,
                null, 1, null, null, enterprise, "a.eml", documents, findings,
                new SubmissionView.ReplyState(false, null, null, 0, null));
    }

    private static SubmissionView.Document annex2() {
        return new SubmissionView.Document(0, "附件2.docx", "application/octet-stream", "", 100, false, "ANNEX_2", null,
                Map.of("enterprise_name", "宁波甬新材料科技有限公司", "region", "鄞州区"), Map.of(), Map.of());
    }

    private static SubmissionView.Detail accepted() {
        return detail(1, "ACCEPTED", "宁波甬新材料科技有限公司", "申报材料", List.of(annex2()), List.of());
    }

    private static SubmissionView.Detail correction() {
        return detail(2, "NEEDS_CORRECTION", "宁波甬新材料科技有限公司", "Re: 回执：申报材料", List.of(annex2()), List.of(
                finding(1, "A2-FIXED-LE-TOTAL", "error", List.of("fixed_assets", "total_assets"),
                        "固定资产（21000万元）大于总资产（18000万元），请核对。"),
                finding(2, "A2-UNITS", "warning", List.of("financials.2014.taxes_paid"),
                        "2014年工业实交税金（12860000万元）数额异常大，可能是按“元”填写的，请确认并以“万元”为单位填写。"),
                finding(3, "A2-TAX-LE-SALES", "warning", List.of("financials.2014.taxes_paid", "financials.2014.industrial_sales_revenue"),
                        "2014年工业实交税金（12860000万元）大于当年工业销售收入（10200万元），请确认是否无误。"),
                finding(4, "A2-FIXED-LE-TOTAL", "error", List.of("total_assets", "fixed_assets"),
                        "固定资产（21000万元）大于总资产（18000万元），请核对。"),
                finding(5, "A1-PROGRAMME", "warning", List.of("programme"),
                        "附件1的所属专项（新材料）不是本次征集的13个专项之一，请确认。")));
    }

    private static SubmissionView.Detail noForm() {
        return detail(3, "NO_FORM", null, "申报", List.of(), List.of(finding(6, "MAIL-NO-FORM", "error", List.of(),
                "邮件中没有找到附件1（项目实施方案）或附件2（企业基本情况调查表），请将填写好的表格作为附件重新发送。")));
    }

    private static SubmissionView.Detail question() {
        return detail(4, "NEEDS_ANSWER", null, "咨询：附件2占地面积怎么填？", List.of(), List.of());
    }

    private static SubmissionView.FindingView finding(long id, String rule, String severity, List<String> fields, String message) {
        return new SubmissionView.FindingView(id, rule, severity, fields, message, null, null, null);
    }
}
