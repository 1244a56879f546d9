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

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
