package io.milvusingest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.milvusingest.milvus.MilvusLiteExtension;
import io.milvusingest.milvus.MilvusLiteServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page at {@code /} in headless Chromium (Debian's chromium and chromium-driver, bin/setup-chromium), driven
 * by Selenium: a question about a corpus document finds its file and page first with the terms highlighted, the
 * page link opens the PDF at that page, and the failed documents are listed. Screenshots: milvus-ingest-app/target/search-page*.png.
 */
@ExtendWith(MilvusLiteExtension.class)
class SearchPageIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static IngestedCorpus corpus;
    private static ServeProcess serve;
    private static ChromeDriver browser;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start(MilvusLiteServer milvus) throws Exception {
        assertThat(CHROMIUM).as("chromium (bin/setup-chromium installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (bin/setup-chromium installs chromium-driver)").isExecutable();
        corpus = IngestedCorpus.ingest(dir, milvus.uri(), MilvusLiteExtension.collectionName("page_it"));
        serve = ServeProcess.start(dir, "127.0.0.1", Map.of(), corpus.with("serve"));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void aQuestionFindsTheFileAndPageHighlightedAndTheLinkOpensThePdfThere() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(serve.baseUrl() + "/");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#documents tbody tr"), 2));

        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys("Whose woods these are I think I know?");
        browser.findElement(By.cssSelector("#search button")).click();
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results li")));
        WebElement link = first.findElement(By.cssSelector("a.source"));
        assertThat(link.getText()).isEqualTo("woods_frost.pdf — page 1");
        List<String> marked = first.findElements(By.tagName("mark")).stream().map(m -> m.getText().toLowerCase())
                .toList();
        assertThat(marked).contains("woods", "whose", "know");
        Path shot = screenshot("search-page.png");

        List<String> failed = browser.findElements(By.cssSelector("#failed tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(failed).anySatisfy(row -> assertThat(row).contains("broken.pdf", "CORRUPT", "extract"));
        ((JavascriptExecutor) browser).executeScript("document.querySelector('#documents').scrollIntoView()");
        screenshot("search-page-documents.png");

        String page = browser.getWindowHandle();
        link.click();
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        browser.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst()
                .ifPresent(h -> browser.switchTo().window(h));
        wait.until(d -> d.getCurrentUrl().contains("/files/"));
        assertThat(browser.getCurrentUrl()).endsWith("#page=1");
        Object type = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
                + "fetch(location.href.split('#')[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));");
        assertThat(type).isEqualTo("200 application/pdf");
        screenshot("search-page-pdf.png");
        browser.close();
        browser.switchTo().window(page);
        assertThat(Files.size(shot)).isPositive();
    }

    private static Path screenshot(String name) throws Exception {
        Path target = Files.createDirectories(Path.of("milvus-ingest-app/target"));
        Path out = target.resolve(name);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), out,
                StandardCopyOption.REPLACE_EXISTING);
        return out;
    }
}
