package org.sscard.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A headless Debian Chromium driven through chromedriver, for browser tests other than the
 * console's own: {@code SSCARD_CHROME_BINARY} and {@code SSCARD_CHROMEDRIVER} name other paths;
 * without them the test is skipped, unless {@code SSCARD_REQUIRE_BROWSER=true}: then it fails.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final String CHROME = setting("SSCARD_CHROME_BINARY", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = setting("SSCARD_CHROMEDRIVER", "/usr/bin/chromedriver");

	private final ChromeDriverService service;

	private final WebDriver browser;

	private final Path profile;

	private HeadlessChromium(ChromeDriverService service, WebDriver browser, Path profile) {
		this.service = service;
		this.browser = browser;
		this.profile = profile;
	}

	/** A started browser, or null where none is installed and none is required. */
	public static HeadlessChromium startIfInstalled() throws IOException {
		boolean installed = Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isExecutable(Path.of(CHROME));
		if (!installed && "true".equals(System.getenv("SSCARD_REQUIRE_BROWSER"))) {
			fail("SSCARD_REQUIRE_BROWSER=true but " + CHROMEDRIVER + " or " + CHROME + " is missing");
		}
		if (!installed) {
			return null;
		}
		// Selenium Manager would try to download a driver; there is no internet on CI machines.
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		Path profile = Files.createTempDirectory("sscard-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(CHROME)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--window-size=1280,900",
					"--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(service, new ChromeDriver(service, options), profile);
	}

	public WebDriver browser() {
		return this.browser;
	}

	@Override
	public void close() throws IOException {
		this.browser.quit();
		this.service.stop();
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	private static String setting(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
