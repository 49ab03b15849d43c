package org.formbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.formbox.intake.RawArchive;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@StaffWebTest
class StaffPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Submissions submissions;
    @Autowired
    SubmissionSearch search;
    @Autowired
    RawArchive archive;

    StaffFixtures.Ids ids;

    @BeforeEach
    void seed() {
        ids = StaffFixtures.seed(submissions, archive);
    }

    static RequestPostProcessor staff() {
        return user(StaffWebTest.STAFF).roles("STAFF");
    }

    static RequestPostProcessor coordinator() {
        return user(StaffWebTest.COORDINATOR).roles("STAFF", "COORDINATOR");
    }

    @Test
    void sendsAnonymousVisitorsOfEveryPageToTheLogin() throws Exception {
        for (String path : new String[] {"/", "/submissions", "/submissions/" + ids.haitian(), "/enterprise?key=x",
                "/swagger-ui/index.html", "/swagger-ui.html"}) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        }
        mvc.perform(post("/digest").with(csrf())).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(post("/submissions/" + ids.jintian() + "/findings/1/override").param("note", "x").with(csrf()))
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("工作人员登录")));
    }

    @Test
    void logsInWithAConfiguredAccountOnly() throws Exception {
        mvc.perform(post("/login").param("username", StaffWebTest.STAFF).param("password", StaffWebTest.STAFF_PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").param("username", StaffWebTest.STAFF).param("password", "guess").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", StaffWebTest.STAFF).param("password", StaffWebTest.STAFF_PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void drawsTheDashboardWithAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/").with(staff()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(content().string(containsString("按状态")))
                .andExpect(content().string(containsString("北仑区")))
                .andExpect(content().string(containsString("高档数控机床与机器人")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(not(containsString("立即发送汇总邮件"))));
        mvc.perform(get("/").with(coordinator())).andExpect(content().string(containsString("立即发送汇总邮件")));
    }

    @Test
    void searchesSubmissionsWithCountsAndPaging() throws Exception {
        String page = mvc.perform(get("/submissions").param("region", "北仑区").with(staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<b id=\"total\">2</b>").contains(StaffFixtures.HAITIAN).contains(StaffFixtures.DONGFANG)
                .doesNotContain(StaffFixtures.JINTIAN);
        mvc.perform(get("/submissions").param("status", "FAILED").with(staff()))
                .andExpect(content().string(containsString("someone@example.cn")));
        mvc.perform(get("/submissions").param("enterprise", "甬新").param("from", "2000-01-01").with(staff()))
                .andExpect(content().string(containsString("<b id=\"total\">2</b>")));
    }

    @Test
    void showsValuesBesideRawTextAndEscapesWhatTheDocumentSaid() throws Exception {
        String page = mvc.perform(get("/submissions/" + ids.yongxin2()).with(staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(StaffFixtures.SCRIPT)
                .contains("18000万元")
                .contains("固定资产（21000万元）大于总资产（18000万元），请核对。")
                .contains("id=\"field-fixed_assets\" class=\"flag-error\"")
                .contains("/api/submissions/" + ids.yongxin2() + "/raw")
                .contains("/api/submissions/" + ids.yongxin2() + "/documents/0")
                .doesNotContain("撤销此问题");
    }

    @Test
    void showsAnEnterprisesVersionsAndWhatChanged() throws Exception {
        String key = Submissions.normaliseName(StaffFixtures.YONGXIN);
        String page = mvc.perform(get("/enterprise").param("key", key).with(staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("第 <span>1</span> 版 → 第 <span>2</span> 版").contains("固定资产（万元）").contains("23000").contains("21000")
                .contains("&lt;script&gt;").doesNotContain(StaffFixtures.SCRIPT);
        mvc.perform(get("/enterprise").param("key", "nobody").with(staff())).andExpect(status().isNotFound());
    }

    @Test
    void letsACoordinatorOverrideAFindingWithANote() throws Exception {
        long finding = search.detail(ids.jintian()).orElseThrow().findings().get(0).id();
        String url = "/submissions/" + ids.jintian() + "/findings/" + finding + "/override";
        mvc.perform(post(url).param("note", "已核实").with(coordinator())).andExpect(status().isForbidden());
        mvc.perform(post(url).param("note", "已核实").with(staff()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(url).param("note", " ").with(coordinator()).with(csrf()))
                .andExpect(flash().attribute("error", "撤销问题时必须填写说明。"));
        assertThat(search.detail(ids.jintian()).orElseThrow().status()).isEqualTo("NEEDS_CORRECTION");

        mvc.perform(post(url).param("note", "行业见附件1，已核实").with(coordinator()).with(csrf()))
                .andExpect(redirectedUrl("/submissions/" + ids.jintian()))
                .andExpect(flash().attribute("message", containsString("已受理")));
        var after = search.detail(ids.jintian()).orElseThrow();
        assertThat(after.status()).isEqualTo("ACCEPTED");
        assertThat(after.findings().get(0).overriddenBy()).isEqualTo(StaffWebTest.COORDINATOR);
        assertThat(after.findings().get(0).overrideNote()).isEqualTo("行业见附件1，已核实");
        mvc.perform(get("/submissions/" + ids.jintian()).with(coordinator()))
                .andExpect(content().string(containsString("行业见附件1，已核实")));
    }
}
