package org.formbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.formbox.intake.MailIntake;
import org.formbox.reply.CoordinatorDigest;
import org.formbox.reply.CoordinatorDigestContent;
import org.formbox.submission.EnterpriseState;
import org.formbox.support.CollectionTest;
import org.formbox.support.Forms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The dashboard, the board, the digest, the workbook and the API count the same enterprises in
 * the same states: every figure comes from the files.
 */
@CollectionTest
class CollectionCountsTests {

    private static final Pattern CARD = Pattern.compile("<span class=\"n\">(\\d+)</span></a>\\s*<span>([^<]+)</span>");
    private static final Pattern BOARD_CARD = Pattern.compile("<span class=\"n\">(\\d+)</span><span>([^<]+)</span>");
    private static final Pattern ROW_STATE = Pattern.compile("<tr data-state=\"([A-Z_0-9]+)\">");

    @Autowired
    MockMvc mvc;
    @Autowired
    MailIntake intake;
    @Autowired
    CoordinatorDigest digest;
    @Autowired
    ObjectMapper json;

    @Test
    void dashboardBoardDigestWorkbookAndApiAgree() throws Exception {
        String roster = """
                企业名称,所属地区,联系人,邮箱,电话
                宁波计数测试未交有限公司,北仑区,吴一,wuyi@count-none.cn,13900000001
                宁波海瑞新材料有限公司,鄞州区,郑二,zheng@hairui-new.cn,13900000002
                宁波东海清能装备有限公司,镇海区,冯三,feng@donghai-energy.cn,13900000003
                宁波钱湖机器人有限公司,东钱湖,陈四,chen@qianhu-robot.cn,13900000004
                """;
        mvc.perform(multipart("/api/roster").file(new MockMultipartFile("file", "名单.csv", "text/csv",
                roster.getBytes(StandardCharsets.UTF_8))).with(coordinator()).with(csrf())).andExpect(status().isOk());
        Instant now = Instant.now();
        Forms.ingest(intake, now, "zheng@hairui-new.cn", "附件1.docx", "e04-annex1.docx", "附件2.pdf", "e04-annex2.pdf");
        Forms.ingest(intake, now, "feng@donghai-energy.cn", "附件1.odt", "e07-annex1.odt", "附件2.docx", "e07-annex2.docx");
        Forms.ingest(intake, now, "chen@qianhu-robot.cn", "附件1.docx", "e19-annex1.docx");
        Forms.ingest(intake, now, "ci@cisource-tech.cn", "附件2.xlsx", "e03-annex2.xlsx");

        JsonNode api = json.readTree(mvc.perform(get("/api/enterprises/counts").with(staffUser()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("应交", api.get("expected").asLong());
        expected.put("已交齐", api.get("accepted").asLong());
        expected.put("缺件", api.get("missing").asLong());
        expected.put("需更正", api.get("needsCorrection").asLong());
        expected.put("未提交", api.get("notSubmitted").asLong());
        expected.put("逾期", api.get("late").asLong());
        expected.put("名单外", api.get("unexpected").asLong());
        long total = api.get("total").asLong();
        assertThat(expected.get("应交")).isEqualTo(4);
        assertThat(expected.get("已交齐")).isPositive();
        assertThat(expected.get("缺件")).isGreaterThanOrEqualTo(2);
        assertThat(expected.get("需更正")).isPositive();
        assertThat(expected.get("未提交")).isPositive();
        assertThat(expected.get("名单外")).isPositive();

        String dashboard = page("/");
        assertThat(cards(CARD, section(dashboard, "file-counts"))).isEqualTo(expected);

        String board = page("/board");
        assertThat(cards(BOARD_CARD, section(board, "board-counts"))).isEqualTo(expected);
        List<String> rows = new ArrayList<>();
        Matcher m = ROW_STATE.matcher(board);
        while (m.find()) {
            rows.add(m.group(1));
        }
        assertThat(rows).hasSize((int) total);
        assertThat(count(rows, "ACCEPTED")).isEqualTo(expected.get("已交齐"));
        assertThat(count(rows, "NEEDS_CORRECTION")).isEqualTo(expected.get("需更正"));
        assertThat(count(rows, "NOT_SUBMITTED")).isEqualTo(expected.get("未提交"));
        assertThat(count(rows, "MISSING_ANNEX_1") + count(rows, "MISSING_ANNEX_2")).isEqualTo(expected.get("缺件"));
        // what needs action comes first: nothing complete above something to do
        assertThat(rows.subList(rows.indexOf("ACCEPTED"), rows.size())).containsOnly("ACCEPTED");

        CoordinatorDigestContent d = digest.content(Instant.now());
        assertThat(d.files()).isEqualTo(expected);
        assertThat((long) d.needingCorrection().size()).isEqualTo(expected.get("需更正"));
        assertThat((long) d.incomplete().size()).isEqualTo(expected.get("缺件"));

        byte[] xlsx = mvc.perform(get("/api/export.xlsx").with(staffUser())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet files = book.getSheet("企业档案");
            assertThat(files.getLastRowNum()).isEqualTo((int) total);
            int state = column(files.getRow(0), "状态");
            Map<String, Long> byLabel = new LinkedHashMap<>();
            for (Row row : files) {
                if (row.getRowNum() > 0) {
                    byLabel.merge(row.getCell(state).getStringCellValue(), 1L, Long::sum);
                }
            }
            assertThat(byLabel.getOrDefault(EnterpriseState.ACCEPTED.label(), 0L)).isEqualTo(expected.get("已交齐"));
            assertThat(byLabel.getOrDefault(EnterpriseState.NEEDS_CORRECTION.label(), 0L)).isEqualTo(expected.get("需更正"));
            assertThat(byLabel.getOrDefault(EnterpriseState.NOT_SUBMITTED.label(), 0L)).isEqualTo(expected.get("未提交"));
            assertThat(byLabel.getOrDefault(EnterpriseState.valueOf("MISSING_ANNEX_1").label(), 0L)
                    + byLabel.getOrDefault(EnterpriseState.valueOf("MISSING_ANNEX_2").label(), 0L)).isEqualTo(expected.get("缺件"));
            assertThat((long) book.getSheet("未交齐").getLastRowNum()).isEqualTo(total - expected.get("已交齐"));
        }

        // the board filters and exports what it shows; the roster and file pages show the same files
        String missing = page("/board?state=MISSING");
        Matcher shown = ROW_STATE.matcher(missing);
        int shownRows = 0;
        while (shown.find()) {
            assertThat(shown.group(1)).startsWith("MISSING_ANNEX_");
            shownRows++;
        }
        assertThat((long) shownRows).isEqualTo(expected.get("缺件"));
        String csv = mvc.perform(get("/board.csv").param("state", "NEEDS_CORRECTION").with(staffUser()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"企业名称\"").contains("宁波海瑞新材料有限公司").doesNotContain("宁波东海清能装备有限公司");
        assertThat(csv.lines().count() - 1).isEqualTo(expected.get("需更正"));
        assertThat(page("/roster")).contains("宁波计数测试未交有限公司", "宁波磁源科技股份有限公司");
        long hairui = json.readTree(mvc.perform(get("/api/enterprises").param("state", "NEEDS_CORRECTION").with(staffUser()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("items").findValuesAsText("name")
                .indexOf("宁波海瑞新材料有限公司");
        assertThat(hairui).isNotNegative();

        JsonNode needing = json.readTree(mvc.perform(get("/api/enterprises").param("state", "NEEDS_CORRECTION").with(staffUser()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(needing.get("total").asLong()).isEqualTo(expected.get("需更正"));
        JsonNode item = needing.get("items").get(0);
        assertThat(item.get("annexes").get("ANNEX_1").get("submissionId").asLong()).isPositive();
        assertThat(item.get("annex1")).as("the contract's name of the same").isEqualTo(item.get("annexes").get("ANNEX_1"));
        assertThat(item.get("errors").asLong()).isPositive();
        long id = item.get("id").asLong();
        JsonNode file = json.readTree(mvc.perform(get("/api/enterprises/" + id).with(staffUser())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(file.get("state").asText()).isEqualTo("NEEDS_CORRECTION");
        assertThat(file.get("findings").findValuesAsText("severity")).contains("error");
        assertThat(file.get("annexes").get("ANNEX_2").get("fields").size()).isPositive();
        assertThat(file.get("annex2")).isEqualTo(file.get("annexes").get("ANNEX_2"));
        assertThat(file.get("correspondence").findValuesAsText("kind")).contains("REPLY");
        assertThat(page("/enterprises/" + id)).contains(file.get("name").asText(), "现存问题", "往来邮件");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(staffUser())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static Map<String, Long> cards(Pattern card, String html) {
        Map<String, Long> cards = new LinkedHashMap<>();
        Matcher m = card.matcher(html);
        while (m.find()) {
            cards.put(m.group(2).strip(), Long.parseLong(m.group(1)));
        }
        return cards;
    }

    private static long count(List<String> rows, String state) {
        return rows.stream().filter(state::equals).count();
    }

    private static int column(Row header, String label) {
        for (int i = 0; i < header.getLastCellNum(); i++) {
            if (label.equals(header.getCell(i).getStringCellValue())) {
                return i;
            }
        }
        throw new AssertionError("no column " + label);
    }

    static RequestPostProcessor staffUser() {
        return user("staff").roles("STAFF");
    }

    static RequestPostProcessor coordinator() {
        return user("coordinator").roles("STAFF", "COORDINATOR");
    }
}
