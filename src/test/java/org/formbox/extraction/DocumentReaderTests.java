package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.formbox.forms.Annex;
import org.formbox.forms.Unreadable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentReaderTests {

    private static final DocumentReader READER = new DocumentReader();

    @ParameterizedTest
    @ValueSource(strings = {"annex2-seed.docx", "annex2-seed.doc", "annex2-seed.wps", "annex2-seed.odt", "annex2-seed.rtf",
            "annex2-right.xlsx", "annex2-right.xls", "annex2-below.xlsx"})
    void readsEveryAnnex2FieldFromTheCallsLayoutInEachFormat(String file) throws IOException {
        ReadDocument read = READER.read(file, fixture(file));

        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(Accuracy.mismatches(SampleAnswers.expected(), read.fields())).isEmpty();
    }

    @Test
    void readsASingleFileWebPageSavedAsDocTheWayWordAndWebSystemsWriteIt() throws IOException {
        byte[] mht = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/mail/webarchive/annex2-seed-web-page.doc"));
        ReadDocument read = READER.read("附件2.doc", mht);

        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(Accuracy.mismatches(SampleAnswers.expected(), read.fields())).isEmpty();
        assertThat(READER.read("broken.mht", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x--\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)).unreadable()).isNotNull();
    }

    @Test
    void readsEveryAnnex2FieldFromAPdfWithATextLayer() throws IOException {
        ReadDocument read = READER.read("annex2.pdf", fixture("annex2-seed.pdf"));

        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(Accuracy.mismatches(SampleAnswers.expected(), read.fields())).isEmpty();
        assertThat(read.fields().get("enterprise_name").text()).isEqualTo("宁波甬信精密机械有限公司");
        assertThat(read.fields().get("financials.2016.industrial_sales_revenue").number()).isEqualByComparingTo("11000");
        assertThat(read.fields().get("contact_phone").text()).isEqualTo("0574-87654321");
    }

    @Test
    void readsALayoutThatDiffersFromTheTemplate() throws IOException {
        ReadDocument read = READER.read("moved.docx", fixture("annex2-moved.docx"));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("enterprise_name", "宁波东海新材料股份有限公司");
        expected.put("legal_representative", "陈 海 涛");
        expected.put("ownership_type", "中外合资");
        expected.put("foreign_capital_ratio", new BigDecimal("35"));
        expected.put("registered_capital", new BigDecimal("12000"));
        expected.put("region", "宁波高新区");
        expected.put("industry", "新材料");
        expected.put("debt_to_asset_ratio", new BigDecimal("55"));
        expected.put("employees_total", new BigDecimal("120"));
        expected.put("employees_junior_high_or_below", BigDecimal.ZERO);
        expected.put("employees_college_or_above", new BigDecimal("80"));
        expected.put("rd_staff_ratio", new BigDecimal("25"));
        expected.put("fixed_assets", new BigDecimal("21000"));
        expected.put("total_assets", new BigDecimal("5000"));
        expected.put("owners_equity", new BigDecimal("3000"));
        expected.put("land_area", new BigDecimal("12000"));
        expected.put("floor_area", new BigDecimal("24000"));
        expected.put("engineering_center", "省级");
        expected.put("annual_rd_expense", BigDecimal.ZERO);
        expected.put("main_products", "碳纤维复合材料");
        expected.put("production_capacity", "年产500吨");
        expected.put("core_equipment", "国产");
        expected.put("core_technology_source", "合作开发");
        expected.put("patents_invention", new BigDecimal("5"));
        expected.put("patents_utility_model", new BigDecimal("12"));
        expected.put("rd_conditions", "/");
        expected.put("contact_name", "赵敏");
        expected.put("contact_phone", "13912345678");
        expected.put("contact_email", "zhaomin@donghai.example.com");
        expected.put("proposed_projects", "高性能碳纤维预浸料开发");
        expected.put("development_plan", "建设第二条生产线");
        expected.put("honors", null);
        expected.put("financials.2014.industrial_sales_revenue", new BigDecimal("30000"));
        expected.put("financials.2016.total_assets", new BigDecimal("50000"));
        expected.put("financials.2015.taxes_paid", new BigDecimal("1300"));
        expected.put("financials.2016.industrial_profit", new BigDecimal("3000"));
        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(Accuracy.mismatches(expected, read.fields())).isEmpty();
        assertThat(read.fields().get("annual_rd_expense").text()).isEqualTo("无");
    }

    @ParameterizedTest
    @ValueSource(strings = {"annex1-proposal.docx", "annex1-proposal.odt", "annex1-proposal.pdf"})
    void readsTheProposalSectionsAndFactsFromProse(String file) throws IOException {
        ReadDocument read = READER.read(file, fixture(file));

        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_1"));
        assertThat(read.fields()).containsKeys("background.trends", "plan.roadmap", "management.annual_plan",
                "management.evaluation", "foundation.conditions", "outcomes.frontier_technology");
        assertThat(read.fields().get("management.evaluation").text()).startsWith("委托第三方检测机构");
        assertThat(read.fields().get("outcomes.common_technology").text()).startsWith("轴承长寿命设计");
        assertThat(read.fields().get("programme").text()).isEqualTo("关键基础零部件");
        assertThat(read.fields().get("lead_organization").text()).isEqualTo("宁波甬信精密机械有限公司");
        assertThat(number(read, "total_budget")).isEqualByComparingTo("4500");
        assertThat(number(read, "requested_funding")).isEqualByComparingTo("1500");
        assertThat(number(read, "self_raised_funding")).isEqualByComparingTo("3000");
        assertThat(number(read, "subproject_count")).isEqualByComparingTo("2");
        assertThat(number(read, "duration_years")).isEqualByComparingTo("3");
    }

    @Test
    void takesTheProjectNameFromTheTitleLine() throws IOException {
        ReadDocument read = READER.read("p.docx", fixture("annex1-proposal.docx"));

        assertThat(read.fields().get("project_name").text()).isEqualTo("高速精密轴承关键技术研发及产业化项目");
        assertThat(read.fields()).hasSize(23);
    }

    @ParameterizedTest
    @ValueSource(strings = {"annex1-cover.docx", "annex1-cover.doc"})
    void readsUnnumberedHeadingsAndACoverTable(String file) throws IOException {
        ReadDocument read = READER.read(file, fixture(file));

        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_1"));
        assertThat(read.fields().keySet().stream().filter(k -> k.contains("."))).hasSize(15);
        assertThat(read.fields().get("foundation.conditions").text()).startsWith("拥有省级企业技术中心");
        assertThat(read.fields().get("project_name").text()).isEqualTo("海洋防腐涂层材料研发及产业化");
        assertThat(read.fields().get("programme").text()).isEqualTo("海洋新材料");
        assertThat(number(read, "requested_funding")).isEqualByComparingTo("2000");
        assertThat(number(read, "self_raised_funding")).isEqualByComparingTo("4000");
        assertThat(number(read, "subproject_count")).isEqualByComparingTo("3");
        assertThat(number(read, "duration_years")).isEqualByComparingTo("4");
    }

    @Test
    void reportsAnImageOnlyPdfAsScanned() throws IOException {
        assertThat(READER.read("scan.pdf", fixture("scanned.pdf"))).isEqualTo(ReadDocument.unreadable(Unreadable.SCANNED));
    }

    @Test
    void reportsAPasswordProtectedDocxAsEncrypted() throws Exception {
        assertThat(READER.read("locked.docx", encrypt(fixture("annex2-seed.docx"))).unreadable()).isEqualTo(Unreadable.ENCRYPTED);
    }

    @Test
    void reportsATruncatedDocxAsCorrupt() throws IOException {
        byte[] docx = fixture("annex2-seed.docx");
        assertThat(READER.read("cut.docx", Arrays.copyOf(docx, docx.length / 2)).unreadable()).isEqualTo(Unreadable.CORRUPT);
    }

    @Test
    void doesNotReadRandomBytesNamedDocx() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertThat(READER.read("noise.docx", noise).unreadable()).isIn(Unreadable.CORRUPT, Unreadable.UNSUPPORTED);
    }

    @Test
    void refusesAMacroEnabledDocument() throws IOException {
        assertThat(READER.read("form.docm", withMacros(fixture("annex2-seed.docx"))).unreadable()).isEqualTo(Unreadable.MACRO);
    }

    @Test
    void refusesDocumentsOverTheSizeLimit() throws IOException {
        DocumentReader small = new DocumentReader(1024, Duration.ofSeconds(5));
        assertThat(small.read("big.docx", fixture("annex2-seed.docx")).unreadable()).isEqualTo(Unreadable.TOO_LARGE);
    }

    @Test
    void givesUpOnAParseThatOverrunsItsDeadline() throws IOException {
        DocumentReader impatient = new DocumentReader(DocumentReader.DEFAULT_MAX_BYTES, Duration.ofNanos(1));
        assertThat(impatient.read("slow.pdf", fixture("annex1-proposal.pdf")).unreadable()).isEqualTo(Unreadable.TIMEOUT);
    }

    @Test
    void classifiesTextWithoutFormLabelsAsOther() {
        ReadDocument read = READER.read("note.txt", "您好，附件是我们的材料，请查收。\n谢谢".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(read.annex()).isEqualTo(Annex.OTHER);
        assertThat(read.fields()).isEmpty();
    }

    @Test
    void readsLabelValueLinesOfPlainText() {
        String text = "企业名称：宁波某某有限公司\n法人代表  张三\n总资产（万元）\n5000\n资产负债率：35%\n所属地区：鄞州\n联系人：李四 电话：13812345678 邮箱：a@b.cn\n"
                + "职工总人数：100人\n研发人员占比：10%\n注册资金：1000万元";
        ReadDocument read = READER.read("a2.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(read.annex()).isEqualTo(Annex.valueOf("ANNEX_2"));
        assertThat(read.fields().get("enterprise_name").text()).isEqualTo("宁波某某有限公司");
        assertThat(read.fields().get("legal_representative").text()).isEqualTo("张三");
        assertThat(number(read, "total_assets")).isEqualByComparingTo("5000");
        assertThat(number(read, "debt_to_asset_ratio")).isEqualByComparingTo("35");
        assertThat(read.fields().get("contact_email").text()).isEqualTo("a@b.cn");
    }

    private static BigDecimal number(ReadDocument read, String key) {
        assertThat(read.fields()).containsKey(key);
        return read.fields().get(key).number();
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = DocumentReaderTests.class.getResourceAsStream("/extraction/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] encrypt(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(docx);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** Turns a .docx into a .docm as Word saves one: the macro content type and a VBA project part. */
    private static byte[] withMacros(byte[] docx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("[Content_Types].xml")) {
                    data = new String(data, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
            }
            zip.putNextEntry(new ZipEntry("word/vbaProject.bin"));
            zip.write(new byte[512]);
        }
        return out.toByteArray();
    }
}
