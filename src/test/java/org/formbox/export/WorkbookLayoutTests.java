package org.formbox.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.formbox.submission.SubmissionView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The export workbook read back with POI: what a person handed it would see and print. */
class WorkbookLayoutTests {

    static final Instant RECEIVED = Instant.parse("2026-11-28T02:05:00Z"); // 10:05 in Beijing
    static TimeZone jvmZone;

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
    void typedCellsFormatsAndUnitsInTheHeaders() throws Exception {
        XSSFWorkbook book = workbook(details());
        Sheet main = book.getSheet("最新提交");
        List<String> headers = headers(main);
        assertThat(headers.stream().filter("企业名称"::equals)).hasSize(1);
        assertThat(headers).contains("总投资（万元）", "申请市财政资助（万元）", "外资比例（%）", "总资产（万元）", "课题数（个）", "收到时间")
                .doesNotContain("结合国家重大需求，分析国内外发展趋势");
        Row first = main.getRow(1);
        Cell received = first.getCell(headers.indexOf("收到时间"));
        assertThat(received.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(received)).isTrue();
        assertThat(received.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2026-11-28T10:05"));
        Cell ratio = first.getCell(headers.indexOf("外资比例（%）"));
        assertThat(ratio.getNumericCellValue()).isEqualTo(0.35);
        assertThat(ratio.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        Cell assets = first.getCell(headers.indexOf("总资产（万元）"));
        assertThat(assets.getNumericCellValue()).isEqualTo(18000.5);
        assertThat(assets.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        // a blank is no cell, not an empty string
        assertThat(first.getCell(headers.indexOf("法人代表"))).isNull();
        // the state is coloured
        Cell state = first.getCell(headers.indexOf("状态"));
        assertThat(state.getStringCellValue()).isEqualTo("需更正");
        assertThat(state.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
        assertThat(main.getRow(2).getCell(headers.indexOf("状态")).getCellStyle().getFillForegroundColor())
                .isNotEqualTo(state.getCellStyle().getFillForegroundColor());
    }

    @Test
    void widthsWrappingFrozenFilteredHeaderAndPrintSetUp() throws Exception {
        XSSFWorkbook book = workbook(details());
        XSSFSheet main = book.getSheet("最新提交");
        List<String> headers = headers(main);
        assertThat(main.getPaneInformation().isFreezePane()).isTrue();
        assertThat(main.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(main.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:");
        assertThat(main.getRepeatingRows().formatAsString()).isEqualTo("1:1");
        assertThat(main.getPrintSetup().getLandscape()).isTrue();
        // some 70 columns: printed a few pages across, the header row and the two key columns on each
        assertThat(main.getPrintSetup().getFitWidth()).isBetween((short) 2, (short) 5);
        assertThat(main.getRepeatingColumns().formatAsString()).isEqualTo("A:B");
        assertThat(book.getSheet("附件1项目").getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(main.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
        assertThat(main.getFitToPage()).isTrue();
        int name = headers.indexOf("企业名称");
        assertThat(main.getColumnWidth(name) / 256).isGreaterThanOrEqualTo(WorkbookLayout.displayWidth("宁波甬新材料科技有限公司"));
        assertThat(main.getColumnWidth(headers.indexOf("版本")) / 256).isLessThan(12);
        Cell problems = main.getRow(1).getCell(headers.indexOf("问题"));
        assertThat(problems.getCellStyle().getWrapText()).isTrue();

        Sheet longTexts = book.getSheet(WorkbookLayout.LONG_TEXTS);
        assertThat(longTexts).isNotNull();
        assertThat(headers(longTexts)).containsExactly("提交编号", "企业名称", "所在工作表", "栏目", "内容");
        Row text = null;
        for (Row r : longTexts) {
            if (r.getRowNum() > 0 && r.getCell(3).getStringCellValue().equals("结合国家重大需求，分析国内外发展趋势")) {
                text = r;
                break;
            }
        }
        assertThat(text).isNotNull();
        assertThat(text.getCell(4).getStringCellValue()).startsWith("近年来，国家高度重视");
        assertThat(text.getCell(4).getCellStyle().getWrapText()).isTrue();
        assertThat(text.getHeightInPoints()).isGreaterThan(30f);
    }

    @Test
    void aWorkbookWithMoreLongTextsThanTheStreamingWindowHoldsEveryOneWithItsHeight() throws Exception {
        List<SubmissionView.Detail> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.addAll(details());
        }
        XSSFWorkbook book = workbook(many);
        Sheet longTexts = book.getSheet(WorkbookLayout.LONG_TEXTS);
        assertThat(longTexts.getLastRowNum()).as("more rows than the 200 the streamed workbook keeps").isGreaterThan(400);
        int tall = 0;
        for (Row r : longTexts) {
            if (r.getRowNum() > 0 && r.getCell(3).getStringCellValue().equals("结合国家重大需求，分析国内外发展趋势")) {
                assertThat(r.getHeightInPoints()).isGreaterThan(30f);
                tall++;
            }
        }
        assertThat(tall).isEqualTo(many.stream().filter(d -> d.documents().stream()
                .anyMatch(doc -> "ANNEX_1".equals(doc.annex()))).count());
        assertThat(longTexts.getRow(0).getHeightInPoints()).isPositive();
    }

    static XSSFWorkbook workbook(List<SubmissionView.Detail> details) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            WorkbookLayout layout = new WorkbookLayout(book, ZoneId.of("Asia/Shanghai"));
            for (ExportRows.Table t : List.of(ExportRows.submissions(details), ExportRows.findings(details),
                    ExportRows.projects(details))) {
                layout.write(t.name(), t.columns(), t.rows(), 2);
            }
            layout.writeLongTexts(List.of("提交编号", "企业名称"));
            book.write(out);
            book.dispose();
        }
        Path file = Path.of("target", "workbook-layout.xlsx");
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    static List<SubmissionView.Detail> details() {
        List<SubmissionView.Detail> details = new ArrayList<>();
        String[] names = {"宁波甬新材料科技有限公司", "宁波海天精工机床有限公司", "宁波东方电缆股份有限公司"};
        String[] statuses = {"NEEDS_CORRECTION", "ACCEPTED", "ACCEPTED"};
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> survey = new LinkedHashMap<>();
            survey.put("enterprise_name", names[i]);
            survey.put("region", "鄞州区");
            survey.put("total_assets", new BigDecimal("18000.5"));
            survey.put("foreign_capital_ratio", new BigDecimal("35"));
            survey.put("employees_total", new BigDecimal("420"));
            survey.put("main_products", "高性能钕铁硼永磁材料、磁性器件及其应用组件，年产能约3000吨");
            survey.put("development_plan", "未来三年，企业将围绕新能源汽车驱动电机用高性能磁体开展攻关，建设智能化生产线。".repeat(4));
            Map<String, Object> proposal = new LinkedHashMap<>();
            proposal.put("project_name", "高性能稀土永磁材料关键技术研发及产业化");
            proposal.put("total_budget", new BigDecimal("4500"));
            proposal.put("requested_funding", new BigDecimal("1500"));
            proposal.put("subproject_count", new BigDecimal("2"));
            proposal.put("background.trends", "近年来，国家高度重视关键基础材料的自主可控，稀土永磁材料作为新能源汽车、风电等产业的核心材料，需求快速增长。".repeat(6));
            List<SubmissionView.FindingView> findings = i == 0 ? List.of(new SubmissionView.FindingView(1, "A2-REQUIRED",
                    "error", List.of("legal_representative"), "附件2中“法人代表”未填写，请补充。", null, null, null)) : List.of();
            details.add(new SubmissionView.Detail(i + 1, "<m@x>", "chen" + i + "@yongxin.cn", "陈明", "申报材料",
                    RECEIVED.plusSeconds(3600L * i), statuses[i], null, 1, null, null, names[i], "a.eml",
                    List.of(new SubmissionView.Document(0, "附件2.docx", "x", "", 1, false, "ANNEX_2", null, survey, Map.of(), Map.of()),
                            new SubmissionView.Document(1, "附件1.docx", "x", "", 1, false, "ANNEX_1", null, proposal, Map.of(), Map.of())),
                    findings, new SubmissionView.ReplyState(true, RECEIVED, null, 1, null)));
        }
        return details;
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        return headers;
    }
}
