package org.formbox.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.formbox.intake.MailIntake;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.submission.EnterpriseRegistry;
import org.formbox.submission.EnterpriseState;
import org.formbox.support.CollectionTest;
import org.formbox.support.Forms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The roster as the office keeps it: a workbook made by LibreOffice Calc with a title row, odd
 * headers and bad rows; a re-upload as GBK CSV updates it; mail is matched by name, then by the
 * sender's address; what cannot be matched is kept and linked by hand.
 */
@CollectionTest
class RosterUploadTests {

    static final Path FIXTURES = Path.of("src/test/resources/enterprise");

    @Autowired
    MockMvc mvc;
    @Autowired
    EnterpriseFiles files;
    @Autowired
    EnterpriseRegistry registry;
    @Autowired
    MailIntake intake;

    @Test
    void readsOddHeadersReportsBadRowsAndUpdatesOnReupload() throws Exception {
        mvc.perform(multipart("/api/roster").file(file("roster-odd.xlsx")).with(coordinator()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(6))
                .andExpect(jsonPath("$.added").value(4))
                .andExpect(jsonPath("$.problems.length()").value(3))
                .andExpect(jsonPath("$.problems[0].row").value(5))
                .andExpect(jsonPath("$.problems[0].problem").value("缺少企业名称，本行未导入"))
                .andExpect(jsonPath("$.problems[1].row").value(6))
                .andExpect(jsonPath("$.problems[2].row").value(7))
                .andExpect(jsonPath("$.problems[2].problem").value("与第 3 行的企业名称重复，本行未再导入"));
        EnterpriseFile optics = named("宁波名单测试光学有限公司");
        assertThat(optics.onRoster()).isTrue();
        assertThat(optics.region()).isEqualTo("余姚市");
        assertThat(optics.contactName()).isEqualTo("李明");
        assertThat(optics.contactPhone()).isEqualTo("13900001234");
        assertThat(optics.state()).isEqualTo(EnterpriseState.NOT_SUBMITTED);
        assertThat(named("宁波名单测试新材料有限公司").contactEmail()).isEqualTo("zhouba@roster-material.cn");
        assertThat(named("宁波名单测试模具有限公司").contactEmail()).isNull();

        // the same list saved from Excel as GBK CSV, the mould maker's address corrected and the motor maker gone
        String csv = Files.readString(FIXTURES.resolve("roster-odd.csv"))
                .replace("这不是邮箱", "sunqi@roster-mould.cn")
                .replace("1,宁波名单测试电机有限公司,鄞州区,王芳,wangfang@roster-motor.cn,0574-88990011\n", "")
                .replace("5,宁波名单测试电机有限公司,鄞州区,王芳,wangfang@roster-motor.cn,0574-88990011\n", "");
        mvc.perform(multipart("/api/roster").file(new MockMultipartFile("file", "名单.csv", "text/csv",
                        csv.getBytes(Charset.forName("GBK")))).with(coordinator()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.updated").value(3))
                .andExpect(jsonPath("$.removed").value(1))
                .andExpect(jsonPath("$.problems.length()").value(1));
        assertThat(named("宁波名单测试模具有限公司").contactEmail()).isEqualTo("sunqi@roster-mould.cn");
        assertThat(named("宁波名单测试电机有限公司").onRoster()).isFalse();
    }

    @Test
    void matchesBySenderAddressKeepsTheUnmatchedAndLinksThemByHand() throws Exception {
        String roster = "单位名称,区县,联系人,电子邮箱\n宁波配对测试半导体有限公司,北仑区,方圆,fangyuan@pair-semi.cn\n"
                + "宁波配对测试化工有限公司,镇海区,石磊,shilei@pair-chem.cn\n";
        mvc.perform(multipart("/api/roster").file(new MockMultipartFile("file", "roster.csv", "text/csv",
                roster.getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(coordinator()).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(2));

        // the form names the company differently from the roster, but comes from its contact's address
        Forms.ingest(intake, Instant.now(), "fangyuan@pair-semi.cn", "附件2.docx", "e14-annex2.docx");
        EnterpriseFile semi = named("宁波配对测试半导体有限公司");
        assertThat(semi.current("ANNEX_2")).isNotNull();
        assertThat(semi.state()).isEqualTo(EnterpriseState.valueOf("MISSING_ANNEX_1"));

        // neither name nor address fits: kept as unexpected, listed, then linked by a coordinator
        Forms.ingest(intake, Instant.now(), "office@kaiyue-fine.cn", "附件1.docx", "e15-annex1.docx");
        EnterpriseFile stray = named("宁波凯越精细化工有限公司");
        assertThat(stray.onRoster()).isFalse();
        assertThat(stray.current("ANNEX_1")).isNotNull();
        long chem = named("宁波配对测试化工有限公司").id();
        mvc.perform(post("/enterprises/" + stray.id() + "/link").param("rosterId", String.valueOf(chem))
                .with(user("staff").roles("STAFF")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/api/enterprises/" + stray.id() + "/link").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rosterId\":" + chem + "}").with(coordinator()).with(csrf()))
                .andExpect(status().isOk());
        EnterpriseFile linked = files.file(chem).orElseThrow();
        assertThat(linked.current("ANNEX_1").submissionId()).isEqualTo(stray.current("ANNEX_1").submissionId());
        assertThat(files.file(stray.id())).isEmpty();
        assertThat(registry.links()).anySatisfy(l -> {
            assertThat(l.enterpriseId()).isEqualTo(chem);
            assertThat(l.linkedBy()).isEqualTo("coordinator");
        });
        // the next mail under the linked spelling goes straight to the roster entry
        Forms.ingest(intake, Instant.now(), "office@kaiyue-fine.cn", "附件1（修改）.docx", "e15-annex1.docx");
        assertThat(files.file(chem).orElseThrow().versions()).hasSize(2);
    }

    private EnterpriseFile named(String name) {
        return files.all().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + name));
    }

    private static MockMultipartFile file(String name) throws Exception {
        return new MockMultipartFile("file", name, "application/octet-stream", Files.readAllBytes(FIXTURES.resolve(name)));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor coordinator() {
        return user("coordinator").roles("STAFF", "COORDINATOR");
    }
}
