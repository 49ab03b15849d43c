package org.formbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.formbox.intake.RawArchive;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.Submissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coordinator's walk through the staff pages in real headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}): log in, find an enterprise, read what is wrong,
 * override a finding with a note, download the workbook. Skipped only where no chromedriver is
 * installed; CI installs it.
 */
@StaffWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffBrowserTests {

    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path BROWSER = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));

    @LocalServerPort
    int port;
    @Autowired
    Submissions submissions;
    @Autowired
    RawArchive archive;
    @Autowired
    SubmissionSearch search;

    WebDriver browser;
    Path downloads;
    Path profile;
    StaffFixtures.Ids ids;

    @BeforeAll
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER),
                "no chromedriver/chromium installed here");
        downloads = Files.createTempDirectory("formbox-downloads");
        profile = Files.createTempDirectory("formbox-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void seedAndLogIn() {
        ids = StaffFixtures.seed(submissions, archive);
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(StaffWebTest.COORDINATOR);
        browser.findElement(By.id("password")).sendKeys(StaffWebTest.COORDINATOR_PASSWORD);
        browser.findElement(By.id("login")).click();
        waitFor().until(ExpectedConditions.urlToBe(url("/")));
    }

    @Test
    void refusesAWrongPassword() {
        browser.manage().deleteAllCookies();
        browser.get(url("/submissions"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(StaffWebTest.COORDINATOR);
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login")).click();
        waitFor().until(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.getPageSource()).contains("用户名或密码错误");
    }

    @Test
    void findsAnEnterpriseAndSeesWhatIsWrongWithItsSubmission() {
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("概览");
        browser.findElement(By.linkText("提交列表")).click();
        waitFor().until(ExpectedConditions.urlContains("/submissions"));
        browser.findElement(By.id("q-enterprise")).sendKeys("甬新");
        browser.findElement(By.id("q-submit")).click();
        waitFor().until(ExpectedConditions.urlContains("enterprise="));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("2");
        browser.findElements(By.cssSelector("#results a.enterprise")).get(0).click();
        waitFor().until(ExpectedConditions.urlContains("/submissions/" + ids.yongxin2()));

        assertThat(browser.getCurrentUrl()).endsWith("/submissions/" + ids.yongxin2());
        assertThat(browser.findElement(By.id("enterprise-name")).getText()).isEqualTo(StaffFixtures.YONGXIN);
        assertNoAlert();
        // the hostile value is shown as the text it is, never run
        assertThat(browser.findElement(By.cssSelector("#field-main_products td.value")).getText())
                .isEqualTo(StaffFixtures.SCRIPT);
        assertThat(browser.findElement(By.id("field-fixed_assets")).getAttribute("class")).isEqualTo("flag-error");
        assertThat(browser.findElement(By.cssSelector("#field-total_assets td.raw")).getText()).isEqualTo("18000万元");
        assertThat(browser.findElement(By.id("findings")).getText()).contains("固定资产（21000万元）大于总资产（18000万元），请核对。");
        assertThat(browser.findElement(By.id("raw-link")).getAttribute("href")).endsWith("/api/submissions/" + ids.yongxin2() + "/raw");

        browser.findElement(By.id("enterprise-link")).click();
        waitFor().until(ExpectedConditions.urlContains("/enterprise?key="));
        assertThat(browser.findElement(By.id("versions")).getText()).contains("第 1 版").contains("第 2 版");
        assertNoAlert();
    }

    @Test
    void overridesAFindingWithANote() {
        long finding = search.detail(ids.shunyu()).orElseThrow().findings().get(0).id();
        browser.get(url("/submissions/" + ids.shunyu()));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("需更正");
        browser.findElement(By.id("override-" + finding)).click();
        // the note is required: nothing is sent without one
        assertThat(browser.getCurrentUrl()).endsWith("/submissions/" + ids.shunyu());
        assertThat(browser.findElements(By.id("flash-message"))).isEmpty();

        browser.findElement(By.id("note-" + finding)).sendKeys("总资产以审计报告为准，已电话核实");
        browser.findElement(By.id("override-" + finding)).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")));
        assertThat(browser.findElement(By.id("flash-message")).getText()).contains("已撤销");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已受理");
        assertThat(browser.findElement(By.id("finding-" + finding)).getText())
                .contains("总资产以审计报告为准，已电话核实").contains(StaffWebTest.COORDINATOR);
        assertNoAlert();
    }

    @Test
    void downloadsTheWorkbook() throws Exception {
        browser.findElement(By.id("export-xlsx")).click();
        Path file = waitFor().until(d -> finishedDownload().orElse(null));
        try (var book = new XSSFWorkbook(file.toFile())) {
            assertThat(book.getSheet("企业档案").getRow(0).getCell(1).getStringCellValue()).isEqualTo("企业名称");
        }
    }

    private Optional<Path> finishedDownload() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
