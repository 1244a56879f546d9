package com.propdesk;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver, with a throw-away profile: what the browser
 * tests share. CI installs both packages; nothing downloads a browser or a driver at run time.
 */
public final class Chromium implements AutoCloseable {

	static final File DRIVER = new File("/usr/bin/chromedriver");

	static final File BINARY = new File("/usr/bin/chromium");

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final Path profile;

	private final ChromeDriver browser;

	private final WebDriverWait wait;

	private Chromium(Path profile, ChromeDriver browser) {
		this.profile = profile;
		this.browser = browser;
		this.wait = new WebDriverWait(browser, PATIENCE);
	}

	/** Starts a browser at 1400×1000 in Chinese; {@code more} adds options, given the profile folder. */
	public static Chromium start(BiConsumer<ChromeOptions, Path> more) throws IOException {
		if (!DRIVER.canExecute() || !BINARY.canExecute()) {
			fail("Browser tests need Debian's Chromium and its driver: apt-get install -y chromium chromium-driver"
					+ " (missing " + (DRIVER.canExecute() ? BINARY : DRIVER) + ")");
		}
		Path profile = Files.createTempDirectory("propdesk-chromium");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort()
				.build();
		ChromeOptions options = new ChromeOptions().setBinary(BINARY).addArguments("--headless=new", "--no-sandbox",
				"--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=zh-CN");
		more.accept(options, profile);
		return new Chromium(profile, new ChromeDriver(service, options));
	}

	public static Chromium start() throws IOException {
		return start((options, profile) -> {
		});
	}

	public ChromeDriver browser() {
		return browser;
	}

	public WebDriverWait patiently() {
		return wait;
	}

	/**
	 * Signs in on the Camunda webapps' login form shown: user and password, each typed into its own field. The form
	 * moves the focus to the user field again 300 ms after it appears (its delayed autofocus), which takes keys being
	 * typed into the password at that moment ("agentdemo" in the user field, the password empty): the fields are
	 * checked and typed again until each holds its own.
	 */
	public void logInToWebapps(String user, String password) {
		By name = By.cssSelector("input[ng-model='username']");
		By secret = By.cssSelector("input[ng-model='password']");
		wait.until(ExpectedConditions.visibilityOfElementLocated(name));
		wait.until(d -> {
			WebElement userField = d.findElement(name);
			WebElement passwordField = d.findElement(secret);
			if (!holds(userField, user) || !holds(passwordField, password)) {
				retype(userField, user);
				retype(passwordField, password);
			}
			return holds(userField, user) && holds(passwordField, password);
		});
		browser.findElement(By.cssSelector("form button[type='submit']")).click();
	}

	private static boolean holds(WebElement field, String text) {
		return text.equals(field.getDomProperty("value"));
	}

	private static void retype(WebElement field, String text) {
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		field.sendKeys(text);
	}

	/** The page as a picture and as HTML under {@code target/browser}, for a person to look at after the run. */
	public void saveScreenshot(String name) {
		try {
			Path dir = Files.createDirectories(Path.of("target", "browser"));
			Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
			Files.writeString(dir.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			// the test's own failure is what matters; a missing picture must not replace it
			System.err.println("Could not save the browser's screenshot: " + ex);
		}
	}

	@Override
	public void close() {
		try {
			browser.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

}
