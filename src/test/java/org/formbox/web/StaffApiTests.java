package org.formbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.formbox.intake.RawArchive;
import org.formbox.submission.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@StaffWebTest
class StaffApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Submissions submissions;
    @Autowired
    RawArchive archive;

    StaffFixtures.Ids ids;

    @BeforeEach
    void seed() {
        ids = StaffFixtures.seed(submissions, archive);
    }

    static RequestPostProcessor coordinator() {
        return httpBasic(StaffWebTest.COORDINATOR, StaffWebTest.COORDINATOR_PASSWORD);
    }

    static RequestPostProcessor staff() {
        return httpBasic(StaffWebTest.STAFF, StaffWebTest.STAFF_PASSWORD);
    }

    @Test
    void refusesAnonymousRequestsToEveryApiPath() throws Exception {
        for (String path : new String[] {"/api/submissions", "/api/submissions/" + ids.haitian(),
                "/api/submissions/" + ids.haitian() + "/raw", "/api/submissions/" + ids.haitian() + "/documents/0",
                "/api/export.xlsx", "/api/export.csv", "/v3/api-docs", "/actuator/metrics"}) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
        }
        // a POST without credentials fails on its missing CSRF token first (403) or on the login (401)
        mvc.perform(post("/api/digest")).andExpect(status().is(anyOf(is(401), is(403))));
        mvc.perform(post("/api/submissions/" + ids.dongfang() + "/findings/1/override")
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"x\"}"))
                .andExpect(status().is(anyOf(is(401), is(403))));
        mvc.perform(get("/api/submissions").with(httpBasic(StaffWebTest.STAFF, "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void searchesByRegionProgrammeEnterpriseAndDates() throws Exception {
        mvc.perform(get("/api/submissions").param("region", "北仑区").with(staff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].enterpriseName", hasItem(StaffFixtures.HAITIAN)));
        mvc.perform(get("/api/submissions").param("programme", "高档数控机床与机器人").with(staff()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(ids.haitian()))
                .andExpect(jsonPath("$.items[0].annexes", hasItem("ANNEX_1")));
        mvc.perform(get("/api/submissions").param("enterprise", "甬新").with(staff()))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].version").value(2))
                .andExpect(jsonPath("$.items[1].supersededBy").value(ids.yongxin2()));
        mvc.perform(get("/api/submissions").param("from", "2001-01-01").param("to", "2001-01-31").with(staff()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void returnsADetailWithNumbersAsNumbersAndBlanksAbsent() throws Exception {
        mvc.perform(get("/api/submissions/" + ids.yongxin2()).with(staff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NEEDS_CORRECTION"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.supersedes").value(ids.yongxin1()))
                .andExpect(jsonPath("$.documents[0].annex").value("ANNEX_2"))
                .andExpect(jsonPath("$.documents[0].fields.total_assets").value(18000))
                .andExpect(jsonPath("$.documents[0].fields['financials.2016.total_assets']").value(18000))
                .andExpect(jsonPath("$.documents[0].fields.main_products").value(StaffFixtures.SCRIPT))
                .andExpect(jsonPath("$.documents[0].fields.contact_phone").doesNotExist())
                .andExpect(jsonPath("$.documents[0].raw.total_assets").value("18000万元"))
                .andExpect(jsonPath("$.findings[0].rule").value("A2-FIXED-LE-TOTAL"))
                .andExpect(jsonPath("$.findings[0].fields[0]").value("fixed_assets"));
        mvc.perform(get("/api/submissions/999999").with(staff())).andExpect(status().isNotFound());
    }

    @Test
    void servesTheRawMessageAndAttachmentsOnlyAsDownloads() throws Exception {
        mvc.perform(get("/api/submissions/" + ids.haitian() + "/raw").with(staff()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", not(containsString("html"))));
        mvc.perform(get("/api/submissions/" + ids.haitian() + "/documents/1").with(staff()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void overridingNeedsACoordinatorAndANoteAndRecomputesTheStatus() throws Exception {
        var detail = mvc.perform(get("/api/submissions/" + ids.dongfang()).with(staff())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long first = com.jayway.jsonpath.JsonPath.<Number>read(detail, "$.findings[0].id").longValue();
        long second = com.jayway.jsonpath.JsonPath.<Number>read(detail, "$.findings[1].id").longValue();
        String url = "/api/submissions/" + ids.dongfang() + "/findings/";

        mvc.perform(post(url + first + "/override").with(staff()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"已电话核实\"}")).andExpect(status().isForbidden());
        mvc.perform(post(url + first + "/override").with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"  \"}")).andExpect(status().isBadRequest());
        mvc.perform(post(url + first + "/override").with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest());
        mvc.perform(post(url + "999999/override").with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"x\"}")).andExpect(status().isNotFound());

        mvc.perform(post(url + first + "/override").with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"法人代表已在邮件正文中说明\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("NEEDS_CORRECTION"));
        mvc.perform(post(url + second + "/override").with(coordinator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"邮箱已电话核实\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));

        mvc.perform(get("/api/submissions/" + ids.dongfang()).with(staff()))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.findings[0].overriddenBy").value(StaffWebTest.COORDINATOR))
                .andExpect(jsonPath("$.findings[0].overrideNote").value("法人代表已在邮件正文中说明"))
                .andExpect(jsonPath("$.findings[0].overriddenAt").isNotEmpty());
    }

    @Test
    void exportsOneRowPerEnterpriseFileAsAWorkbook() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/export.xlsx").with(staff()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet latest = book.getSheet("企业档案");
            Row header = latest.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("企业名称");
            int totalAssets = column(header, "总资产（万元）");
            int products = column(header, "主要产品");
            assertThat(totalAssets).isPositive();
            Row yongxin = rowOf(latest, StaffFixtures.YONGXIN);
            assertThat(yongxin.getCell(column(header, "附件2提交编号")).getNumericCellValue()).isEqualTo(ids.yongxin2());
            assertThat(yongxin.getCell(column(header, "状态")).getStringCellValue()).isEqualTo("缺附件1");
            assertThat(yongxin.getCell(totalAssets).getNumericCellValue()).isEqualTo(18000);
            assertThat(yongxin.getCell(products).getStringCellValue()).isEqualTo(StaffFixtures.SCRIPT);
            assertThat(book.getSheet("问题").getRow(0).getCell(3).getStringCellValue()).isEqualTo("规则");
            Sheet projects = book.getSheet("附件1项目");
            assertThat(rowOf(projects, StaffFixtures.HAITIAN).getCell(column(projects.getRow(0), "所属专项")).getStringCellValue())
                    .isEqualTo("高档数控机床与机器人");
        }
    }

    @Test
    void exportsCsvWithChineseHeaders() throws Exception {
        String csv = mvc.perform(get("/api/export.csv").with(staff()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"企业编号\",\"企业名称\"").contains("\"" + StaffFixtures.HAITIAN + "\"")
                .contains("\"总资产（万元）\"");
    }

    @Test
    void describesTheApiWithOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(staff()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/submissions']").exists())
                .andExpect(jsonPath("$.paths['/api/submissions/{id}/findings/{findingId}/override']").exists())
                .andExpect(jsonPath("$.paths['/api/export.xlsx']").exists())
                .andExpect(jsonPath("$.paths['/api/digest']").exists())
                .andExpect(jsonPath("$.paths['/submissions']").doesNotExist());
    }

    @Test
    void onlyACoordinatorSendsTheDigest() throws Exception {
        mvc.perform(post("/api/digest").with(staff())).andExpect(status().isForbidden());
    }

    private static int column(Row header, String label) {
        for (int i = 0; i < header.getLastCellNum(); i++) {
            if (label.equals(header.getCell(i).getStringCellValue())) {
                return i;
            }
        }
        throw new AssertionError("no column " + label);
    }

    private static Row rowOf(Sheet sheet, String enterprise) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && enterprise.equals(row.getCell(1).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + enterprise);
    }
}
