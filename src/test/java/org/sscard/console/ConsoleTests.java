package org.sscard.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The staff console in a real headless Chromium, against the whole service. Skipped where no
 * chromedriver is installed, unless {@code SSCARD_REQUIRE_BROWSER=true} (CI), where that fails.
 * With {@code SSCARD_SCREENSHOTS=true} the main screens are saved to {@code docs/console/}.
 */
class ConsoleTests extends ApiTest {

	private static final String CHROME = setting("SSCARD_CHROME_BINARY", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = setting("SSCARD_CHROMEDRIVER", "/usr/bin/chromedriver");

	private static final boolean SCREENSHOTS = "true".equals(System.getenv("SSCARD_SCREENSHOTS"));

	private static final String PASSWORD = "console-password-2026";

	private static final String GOOD_PIN = "802514";

	private static ChromeDriverService service;

	private static WebDriver browser;

	private static Path profile;

	private WebDriverWait wait;

	@BeforeAll
	static void startBrowser() throws IOException {
		boolean installed = Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isExecutable(Path.of(CHROME));
		if (!installed && "true".equals(System.getenv("SSCARD_REQUIRE_BROWSER"))) {
			fail("SSCARD_REQUIRE_BROWSER=true but " + CHROMEDRIVER + " or " + CHROME + " is missing");
		}
		if (!installed) {
			return;
		}
		// Selenium Manager would try to download a driver; there is no internet on CI machines.
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		profile = Files.createTempDirectory("sscard-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(CHROME)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--window-size=1280,900", "--lang=zh-CN",
					"--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		// The window size includes what the browser keeps for itself: make the page itself 1280x900.
		long innerHeight = (Long) script("return window.innerHeight");
		browser.manage().window().setSize(new Dimension(1280, 900 + (int) (900 - innerHeight)));
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (service != null) {
			service.stop();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@BeforeEach
	void openConsole() {
		// Assumed here rather than in @BeforeAll so that every skipped test shows in the report.
		assumeTrue(browser != null, "no Chromium or chromedriver at " + CHROME + ", " + CHROMEDRIVER);
		this.wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		// A fresh page: the previous test's session lived only in the old page's memory.
		browser.get("http://localhost:" + port() + "/console/");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
	}

	@AfterEach
	void noContentSecurityPolicyViolations() {
		if (browser == null) {
			return;
		}
		List<String> violations = browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Refused to"))
			.toList();
		assertThat(violations).isEmpty();
	}

	@Test
	void hospitalClerkActivatesTheSocialSecurityAccountWithTheKeyboardOnly() {
		String hospital = this.given.branch("HOSPITAL", "440305", null);
		String clerk = operator("SERVICE_WINDOW", hospital);
		TestCard card = this.given.card("440305", "ICBC");
		screenshot("sign-in");

		keys(clerk, Keys.TAB, PASSWORD, Keys.ENTER);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-number")));
		assertThat(focused().getAttribute("id")).isEqualTo("card-number");
		assertThat(script("return localStorage.length + sessionStorage.length + document.cookie.length")).isEqualTo(0L);
		assertThat(text("who")).contains("服务窗口", hospital);

		keys(card.cardNumber(), Keys.ENTER);
		waitForCard(card);
		assertThat(focused().getAttribute("id")).isEqualTo("action-ss-activation");
		assertThat(shown("action-ss-reset")).isFalse();
		assertThat(shown("action-combined") || shown("action-fin-activation") || shown("action-fin-reset")).isFalse();
		assertThat(shown("action-events")).isTrue();
		assertThat(status("ss-status")).isEqualTo("PENDING_ACTIVATION");

		keys(Keys.ENTER);
		assertThat(focused().getAttribute("id")).isEqualTo("ss-activation-current-pin");
		keys("123456", Keys.TAB, GOOD_PIN, Keys.TAB, GOOD_PIN, Keys.TAB, "+86 138-1234-5678", Keys.ENTER);

		this.wait.until((driver) -> "ACTIVE".equals(status("ss-status")));
		assertThat(messageCode()).isEqualTo("OK");
		assertThat(messageText()).contains("社保账户已激活");
		assertThat(focused().getAttribute("id")).isEqualTo("message");
		keys(Keys.TAB);
		assertThat(focused().getAttribute("id")).isEqualTo("card-number");
		assertThat(text("card-social-security")).contains("Test HOSPITAL " + hospital + "（" + hospital + "）", "定点医院");
		assertThat(text("card-holder")).contains("138****5678");
		assertThat(shown("form-ss-activation")).isFalse();
		assertThat(shown("action-ss-verify") && shown("action-ss-change")).isTrue();
		assertThat(shown("action-ss-reset")).isFalse();
		assertThat(text("elsewhere")).contains("重置社保账户密码", "社保服务大厅或银行柜台");
		assertThat(script("return localStorage.length + sessionStorage.length + document.cookie.length")).isEqualTo(0L);
	}

	@Test
	void namesStandBesideCodesAndEventsReadInTheClerksLanguage() {
		String branch = branch("BANK_BRANCH", "440305", "ICBC", "工商银行深圳南山支行");
		String teller = operator("TELLER", branch);
		TestCard card = this.given.card("440305", "ICBC");
		String pharmacyBranch = branch("PHARMACY", "440306", null, "深圳市宝安区大药房");
		String pharmacy = this.api.token(operator("SERVICE_WINDOW", pharmacyBranch), PASSWORD);
		String activation = card.path("/social-security-account/activation");
		assertThat(this.api.post(activation, pharmacy, Map.of("currentPin", "111111", "newPin", GOOD_PIN, "phone",
				"13812345678")).code()).isEqualTo("PIN_MISMATCH");
		assertThat(this.api.post(activation, pharmacy, Map.of("currentPin", "123456", "newPin", "111111", "phone",
				"13812345678")).code()).isEqualTo("WEAK_PIN");
		signIn(teller);
		lookUp(card);

		assertThat(text("who")).contains("银行柜员", "工商银行深圳南山支行（" + branch + "）");
		assertThat(text("card-holder")).contains("深圳市南山区（440305）");
		assertThat(text("card-financial")).contains("中国工商银行（ICBC）", "人民币借记账户").doesNotContain("CNY");
		browser.findElement(By.id("action-events")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#events-body table")));
		assertThat(text("events-body")).contains("申请办理", "被拒绝", "新密码过于简单", "密码错误", "定点药店",
				"深圳市宝安区大药房（" + pharmacyBranch + "）", "发卡")
			.doesNotContain("WEAK_PIN", "PIN_MISMATCH");
		assertThat(script("return [...document.querySelectorAll('#events-body tbody tr')]"
				+ ".filter(r => r.cells[2].textContent === r.cells[3].textContent"
				+ " || r.cells[3].textContent === r.cells[4].textContent).length")).isEqualTo(0L);
		screenshot("names-and-events");

		browser.findElement(By.id("language")).click();
		assertThat(text("card-holder")).contains("Nanshan, Shenzhen (440305)");
		assertThat(text("card-financial")).contains("Industrial and Commercial Bank of China (ICBC)", "RMB debit account");
		assertThat(text("events-body")).contains("Request", "Rejected", "New PIN too weak", "Wrong PIN", "Pharmacy");
		browser.findElement(By.id("language")).click();
	}

	@Test
	void pinFieldsAreMaskedNumericAndEveryControlHasAVisibleLabel() {
		String teller = operator("TELLER", this.given.branch("BANK_BRANCH", "440305", "ICBC"));
		TestCard card = this.given.card("440305", "ICBC");
		signIn(teller);
		lookUp(card);
		browser.findElement(By.id("action-combined")).click();

		for (String id : List.of("combined-current-pin", "combined-social-security-pin",
				"combined-social-security-pin-confirm", "combined-financial-pin", "combined-financial-pin-confirm")) {
			WebElement pin = browser.findElement(By.id(id));
			assertThat(pin.getDomAttribute("type")).as(id).isEqualTo("password");
			assertThat(pin.getDomAttribute("inputmode")).as(id).isEqualTo("numeric");
			assertThat(pin.getDomAttribute("pattern")).as(id).isEqualTo("\\d{6}");
			assertThat(pin.getDomAttribute("maxlength")).as(id).isEqualTo("6");
			assertThat(pin.getDomAttribute("autocomplete")).as(id).isEqualTo("off");
		}
		assertThat(script("return [...document.querySelectorAll('input, button, select, textarea')]"
				+ ".filter(c => c.tagName !== 'BUTTON' && (c.labels.length === 0 || !c.labels[0].textContent.trim()))"
				+ ".map(c => c.id)")).isEqualTo(List.of());
		assertThat(script("return [...document.querySelectorAll('#form-combined label')]"
				+ ".filter(l => l.offsetParent === null).length")).isEqualTo(0L);
		assertThat(script("return document.querySelectorAll('[tabindex]:not([tabindex=\"-1\"])').length")).isEqualTo(0L);
	}

	@Test
	void tellerActivatesBothAccountsAtOnce() {
		String branch = branch("BANK_BRANCH", "440305", "ICBC", "工商银行深圳南山支行");
		String teller = operator("TELLER", branch);
		TestCard card = this.given.card("440305", "ICBC");
		signIn(teller);
		lookUp(card);
		assertThat(List.of("action-combined", "action-ss-activation", "action-fin-activation", "action-events"))
			.allMatch(ConsoleTests::shown);
		assertThat(shown("action-ss-reset") || shown("action-fin-reset")).isFalse();
		screenshot("card-with-actions");

		browser.findElement(By.id("action-combined")).click();
		type("combined-id-number", card.idNumber());
		type("combined-holder-name", card.name());
		type("combined-phone", "139 1234 5678");
		type("combined-current-pin", "123456");
		type("combined-social-security-pin", GOOD_PIN);
		type("combined-social-security-pin-confirm", GOOD_PIN);
		type("combined-financial-pin", "731946");
		type("combined-financial-pin-confirm", "731946", Keys.ENTER);

		this.wait.until((driver) -> "ACTIVE".equals(status("ss-status")));
		assertThat(status("fin-status")).isEqualTo("ACTIVE");
		assertThat(messageText()).contains("社保账户和金融账户均已激活");
		assertThat(text("card-financial")).contains("工商银行深圳南山支行（" + branch + "）", "银行柜台");
		assertThat(shown("action-ss-reset") && shown("action-fin-reset")).isTrue();
		screenshot("combined-activation");
	}

	@Test
	void wrongCurrentPinsCountDownAndTheThirdLocksTheAccount() {
		String pharmacy = operator("SERVICE_WINDOW", branch("PHARMACY", "440306", null, "深圳市宝安区大药房"));
		TestCard card = this.given.card("440305", null);
		signIn(pharmacy);
		lookUp(card);
		browser.findElement(By.id("action-ss-activation")).click();

		activateWith("111111");
		this.wait.until((driver) -> "PIN_MISMATCH".equals(messageCode()));
		assertThat(messageText()).contains("还剩 2 次机会");
		assertThat(message().getDomAttribute("id")).isEqualTo("form-ss-activation-message");
		assertThat(focused().getAttribute("id")).isEqualTo("ss-activation-current-pin");
		assertThat(script("return [...document.querySelectorAll('input[type=password]')].every(i => i.value === '')"))
			.isEqualTo(true);
		screenshot("pin-mismatch");

		activateWith("222222");
		this.wait.until((driver) -> messageText().contains("还剩 1 次机会"));

		activateWith("333333");
		this.wait.until((driver) -> "ACCOUNT_LOCKED".equals(messageCode()));
		assertThat(messageText()).contains("已锁定", "携带身份证", "当面重置密码");
		assertThat(message().getDomAttribute("id")).isEqualTo("message");
		this.wait.until((driver) -> "LOCKED".equals(status("ss-status")));
		assertThat(shown("form-ss-activation")).isFalse();
		// A pharmacy neither resets nor unlocks: it says where the holder goes.
		assertThat(shown("action-ss-reset") || shown("action-ss-unlock")).isFalse();
		assertThat(text("elsewhere")).contains("重置社保账户密码", "解锁社保账户", "社保服务大厅或银行柜台");

		browser.findElement(By.id("action-events")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#events-body table")));
		assertThat(text("events-body")).contains("锁定", "密码错误", "发卡");
	}

	@Test
	void differentNewPinsAreNeverSent() {
		String hall = operator("SERVICE_WINDOW", this.given.branch("SERVICE_HALL", "440304", null));
		TestCard card = this.given.card("440304", null);
		signIn(hall);
		lookUp(card);
		browser.findElement(By.id("action-ss-activation")).click();

		type("ss-activation-current-pin", "123456");
		type("ss-activation-new-pin", GOOD_PIN);
		type("ss-activation-new-pin-confirm", "802515");
		type("ss-activation-phone", "13812345678", Keys.ENTER);

		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ss-activation-new-pin-confirm-error")));
		assertThat(text("ss-activation-new-pin-confirm-error")).contains("两次输入的密码不一致");
		assertThat(focused().getAttribute("id")).isEqualTo("ss-activation-new-pin");
		assertThat(this.api.get(card.path("/events"), this.given.adminToken()).json()).hasSize(1);

		keys(Keys.ESCAPE);
		assertThat(shown("form-ss-activation")).isFalse();
		assertThat(focused().getAttribute("id")).isEqualTo("action-ss-activation");
	}

	@Test
	void aTellerOfAnotherCityIsOfferedOnlyTheBankServicesAndToldWhereTheRestIsDone() {
		String guangzhou = operator("TELLER", branch("BANK_BRANCH", "440106", "ICBC", "工商银行广州天河支行"));
		TestCard card = this.given.card("440305", "ICBC");
		signIn(guangzhou);
		lookUp(card);

		assertThat(shown("action-combined") || shown("action-ss-activation")).isFalse();
		assertThat(shown("action-fin-activation") && shown("action-loss-temporary")).isTrue();
		assertThat(text("elsewhere")).contains("激活社保账户", "深圳市南山区（440305）", "深圳市的社保服务大厅");
		assertChinese(text("elsewhere"));
		screenshot("elsewhere-city");
	}

	@Test
	void aTellerOfAnotherBankIsOfferedOnlyTheSocialSecurityServicesAndToldWhichBank() {
		String boc = operator("TELLER", this.given.branch("BANK_BRANCH", "440305", "BOC"));
		TestCard card = this.given.card("440305", "CCB");
		signIn(boc);
		lookUp(card);

		assertThat(shown("action-ss-activation")).isTrue();
		assertThat(shown("action-combined") || shown("action-fin-activation")).isFalse();
		assertThat(text("elsewhere")).contains("激活金融账户", "中国建设银行（CCB）", "中国建设银行的网点");
		assertThat(text("card-financial")).contains("中国建设银行（CCB）", "人民币借记账户");
	}

	/**
	 * A card insured in another city answers 404 to a window like an unknown one (never revealing that
	 * a card exists): one message covers both and says where a holder insured elsewhere must go.
	 */
	@Test
	void aWindowOfAnotherCityIsToldTheCardIsUnknownOrInsuredElsewhere() {
		String guangzhou = operator("SERVICE_WINDOW", this.given.branch("HOSPITAL", "440106", null));
		TestCard elsewhere = this.given.card("440305", "ICBC");
		signIn(guangzhou);

		type("card-number", elsewhere.cardNumber(), Keys.ENTER);
		this.wait.until((driver) -> "CARD_NOT_FOUND".equals(messageCode()));
		String insuredElsewhere = messageText();
		type("card-number", "Z99999999", Keys.ENTER);
		this.wait.until((driver) -> messageText().contains("Z99999999"));

		assertThat(insuredElsewhere).contains(elsewhere.cardNumber(), "外地参保", "参保地城市");
		assertThat(messageText().replace("Z99999999", elsewhere.cardNumber())).isEqualTo(insuredElsewhere);
		assertChinese(insuredElsewhere);
	}

	@Test
	void windowOutsideAServiceHallIsToldWhereTheResetIsDone() {
		String hospital = operator("SERVICE_WINDOW", this.given.branch("HOSPITAL", "440305", null));
		TestCard card = this.given.card("440305", null);
		assertThat(this.api.post(card.path("/social-security-account/activation"), this.api.token(hospital, PASSWORD),
				Map.of("currentPin", "123456", "newPin", GOOD_PIN, "phone", "13812345678")).status()).isEqualTo(200);
		signIn(hospital);
		lookUp(card);

		assertThat(shown("action-ss-reset") || shown("action-loss-formal")).isFalse();
		assertThat(shown("action-ss-verify") && shown("action-ss-change") && shown("action-loss-temporary")).isTrue();
		assertThat(text("elsewhere")).contains("重置社保账户密码", "正式挂失", "社保服务大厅或银行柜台", "身份证");
	}

	@Test
	void administratorLooksUpAndTakesOnlyTemporaryLossReports() {
		TestCard card = this.given.card("440106", "CCB");
		type("username", Fixtures.ADMIN);
		type("password", Fixtures.ADMIN_PASSWORD, Keys.ENTER);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-number")));
		lookUp(card);

		assertThat(browser.findElements(By.cssSelector("#action-buttons button"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map((button) -> button.getDomAttribute("id"))).containsExactly("action-loss-temporary", "action-events");
		assertThat(focused().getAttribute("id")).isEqualTo("action-loss-temporary");
		browser.findElement(By.id("action-events")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#events-body table")));
		assertThat(text("events-body")).contains("发卡", "成功");
	}

	@Test
	void hospitalWindowTakesATemporaryLossReportAndReleasesIt() {
		String clerk = operator("SERVICE_WINDOW", branch("HOSPITAL", "440305", null, "深圳市南山区人民医院"));
		TestCard card = this.given.card("440305", "ICBC");
		signIn(clerk);
		lookUp(card);
		assertThat(shown("action-loss-temporary")).isTrue();
		assertThat(shown("action-loss-release") || shown("action-loss-formal")).isFalse();

		browser.findElement(By.id("action-loss-temporary")).click();
		assertThat(focused().getAttribute("id")).isEqualTo("loss-temporary-id-number");
		keys(card.idNumber(), Keys.TAB, card.name(), Keys.ENTER);

		this.wait.until((driver) -> "TEMPORARILY_LOST".equals(status("card-status")));
		assertThat(messageText()).contains("已临时挂失");
		assertThat(text("card-status-note")).contains("临时挂失", "解除挂失");
		assertThat(text("card-holder")).contains("挂失时间", "临时挂失到期");
		assertThat(shown("action-ss-activation") || shown("action-loss-temporary")).isFalse();
		assertThat(shown("action-loss-release")).isTrue();
		assertThat(shown("action-loss-formal")).isFalse();
		screenshot("temporary-loss");

		browser.findElement(By.id("action-loss-release")).click();
		type("loss-release-id-number", card.idNumber());
		type("loss-release-holder-name", card.name(), Keys.ENTER);

		this.wait.until((driver) -> "NORMAL".equals(status("card-status")));
		assertThat(messageText()).contains("已解除挂失");
		assertThat(shown("card-status-note")).isFalse();
		assertThat(shown("action-ss-activation")).isTrue();
		browser.findElement(By.id("action-events")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#events-body table")));
		assertThat(text("events-body")).contains("解除挂失", "挂失");
	}

	@Test
	void aFormalReportIsTakenAtAServiceHallAndAHospitalIsToldWhereToSendTheHolder() {
		TestCard card = this.given.card("440304", null);
		signIn(operator("SERVICE_WINDOW", this.given.branch("HOSPITAL", "440304", null)));
		lookUp(card);
		assertThat(shown("action-loss-formal")).isFalse();
		assertThat(shown("action-loss-temporary")).isTrue();
		assertThat(text("elsewhere")).contains("正式挂失", "社保服务大厅");

		browser.findElement(By.id("sign-out")).click();
		signIn(operator("SERVICE_WINDOW", this.given.branch("SERVICE_HALL", "440304", null)));
		lookUp(card);
		browser.findElement(By.id("action-loss-formal")).click();
		type("loss-formal-id-number", card.idNumber());
		type("loss-formal-holder-name", card.name(), Keys.ENTER);

		this.wait.until((driver) -> "LOST".equals(status("card-status")));
		assertThat(messageText()).contains("已正式挂失");
		assertThat(text("card-status-note")).contains("补换", "注销");
		assertThat(browser.findElements(By.cssSelector("#action-buttons button"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map((button) -> button.getDomAttribute("id"))).containsExactly("action-events");
	}

	@Test
	void aCardLostWhileItsFormIsOpenIsRefusedWithItsStatus() {
		String teller = operator("TELLER", branch("BANK_BRANCH", "440305", "ICBC", "工商银行深圳南山支行"));
		TestCard card = this.given.card("440305", "ICBC");
		signIn(teller);
		lookUp(card);
		browser.findElement(By.id("action-ss-activation")).click();
		assertThat(this.api.post(card.path("/loss-report"), this.given.client("WECHAT", null),
				Map.of("kind", "TEMPORARY", "idNumber", card.idNumber(), "holderName", card.name())).status())
			.isEqualTo(200);

		activateWith("123456");

		this.wait.until((driver) -> "CARD_BLOCKED".equals(messageCode()));
		assertThat(messageText()).contains("临时挂失", "解除挂失");
		assertChinese(messageText());
		this.wait.until((driver) -> "TEMPORARILY_LOST".equals(status("card-status")));
		assertThat(shown("form-ss-activation")).isFalse();
		screenshot("card-blocked");

		browser.findElement(By.id("language")).click();
		assertThat(messageText()).contains("temporarily lost", "release the loss report");
		browser.findElement(By.id("language")).click();
	}

	@Test
	void anIdNumberListsTheHoldersCardsNewestFirst() {
		String hall = operator("SERVICE_WINDOW", branch("SERVICE_HALL", "440304", null, "深圳市福田区社会保险服务大厅"));
		TestCard old = this.given.card("440305", "ICBC");
		String admin = this.given.adminToken();
		assertThat(this.api.post(old.path("/loss-report"), this.api.token(hall, PASSWORD),
				Map.of("kind", "FORMAL", "idNumber", old.idNumber(), "holderName", old.name())).status()).isEqualTo(200);
		String next = Fixtures.newCard("440305", null).cardNumber();
		assertThat(this.api.post("/api/v1/admin/cards/" + old.cardNumber() + "/replacement", admin,
				Map.of("newCardNumber", next, "reason", "LOST")).status()).isEqualTo(201);
		signIn(hall);

		type("card-number", old.idNumber().toLowerCase(), Keys.ENTER);

		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#holder-cards-body table")));
		assertThat(script("return [...document.querySelectorAll('#holder-cards-body tbody tr')].map(r => r.dataset.card)"))
			.isEqualTo(List.of(next, old.cardNumber()));
		assertThat(text("holder-cards-body")).contains("正常", "已补换", "已关闭");
		assertThat(focused().getAttribute("id")).isEqualTo("open-" + next);
		screenshot("holder-cards");

		browser.findElement(By.id("open-" + old.cardNumber())).click();
		waitForCard(old);
		assertThat(status("card-status")).isEqualTo("REPLACED");
		assertThat(text("card-holder")).contains("已补换为新卡", next);
		assertThat(text("card-status-note")).contains(next);
		assertThat(status("ss-status")).isEqualTo("CLOSED");

		browser.findElement(By.id("open-" + next)).click();
		waitForCard(new TestCard(next, old.idNumber(), old.name(), "440305", null, null));
		assertThat(text("card-holder")).contains("补换自原卡", old.cardNumber());
		assertThat(shown("action-ss-activation")).isTrue();

		type("card-number", "44030519850312101", Keys.ENTER);
		assertThat(text("card-number-error")).contains("身份证号码");
	}

	private TestCard activeCard(String region) {
		TestCard card = this.given.card(region, null);
		assertThat(this.api.post(card.path("/social-security-account/activation"), this.given.window("HOSPITAL", region),
				Map.of("currentPin", "123456", "newPin", GOOD_PIN, "phone", "13812345678")).status()).isEqualTo(200);
		return card;
	}

	@Test
	void tellerVerifiesAndChangesTheSocialSecurityPin() {
		TestCard card = activeCard("440305");
		signIn(operator("TELLER", this.given.branch("BANK_BRANCH", "440305", "BOC")));
		lookUp(card);
		assertThat(shown("action-ss-verify") && shown("action-ss-change")).isTrue();
		assertThat(shown("action-ss-unlock")).isFalse();

		browser.findElement(By.id("action-ss-verify")).click();
		type("ss-verify-pin", "111111", Keys.ENTER);
		this.wait.until((driver) -> "PIN_MISMATCH".equals(messageCode()));
		assertThat(messageText()).contains("还剩 2 次机会");
		type("ss-verify-pin", GOOD_PIN, Keys.ENTER);
		this.wait.until((driver) -> "OK".equals(messageCode()));
		assertThat(messageText()).contains("密码正确");

		browser.findElement(By.id("action-ss-change")).click();
		type("ss-change-current-pin", GOOD_PIN);
		type("ss-change-new-pin", "731946");
		type("ss-change-new-pin-confirm", "731946", Keys.ENTER);
		this.wait.until((driver) -> messageText().contains("社保账户密码已修改"));
		assertThat(this.api.post(card.path("/social-security-account/pin-verification"),
				this.given.window("HOSPITAL", "440305"), Map.of("pin", "731946")).status()).isEqualTo(200);
	}

	@Test
	void aServiceHallUnlocksALockedAccountAndTheHolderKeepsThePin() {
		TestCard card = activeCard("440304");
		String pharmacy = this.given.window("PHARMACY", "440304");
		for (int i = 0; i < 3; i++) {
			this.api.post(card.path("/social-security-account/pin-verification"), pharmacy, Map.of("pin", "111111"));
		}
		signIn(operator("SERVICE_WINDOW", this.given.branch("SERVICE_HALL", "440304", null)));
		lookUp(card);
		assertThat(status("ss-status")).isEqualTo("LOCKED");

		browser.findElement(By.id("action-ss-unlock")).click();
		type("ss-unlock-id-number", card.idNumber());
		type("ss-unlock-holder-name", card.name(), Keys.ENTER);

		this.wait.until((driver) -> "ACTIVE".equals(status("ss-status")));
		assertThat(messageText()).contains("已解锁", "密码不变");
		assertThat(this.api.post(card.path("/social-security-account/pin-verification"), pharmacy,
				Map.of("pin", GOOD_PIN)).status()).isEqualTo(200);
	}

	@Test
	void aServiceHallResetsAnAccountThatLockedWhileSealedAndRecordsThePhone() {
		TestCard card = this.given.card("440304", null);
		String pharmacy = this.given.window("PHARMACY", "440304");
		for (int i = 0; i < 3; i++) {
			this.api.post(card.path("/social-security-account/activation"), pharmacy,
					Map.of("currentPin", "111111", "newPin", GOOD_PIN, "phone", "13812345678"));
		}
		signIn(operator("SERVICE_WINDOW", this.given.branch("SERVICE_HALL", "440304", null)));
		lookUp(card);
		assertThat(status("ss-status")).isEqualTo("LOCKED");

		browser.findElement(By.id("action-ss-reset")).click();
		type("ss-reset-id-number", card.idNumber());
		type("ss-reset-holder-name", card.name());
		type("ss-reset-new-pin", "731946");
		type("ss-reset-phone", "13987654321");
		type("ss-reset-new-pin-confirm", "731946", Keys.ENTER);

		this.wait.until((driver) -> "ACTIVE".equals(status("ss-status")));
		assertThat(this.api.get(card.path(""), this.given.adminToken()).text("/holder/phone")).isEqualTo("139****4321");
	}

	@Test
	void wrongPasswordSaysSoAndEnglishIsOneKeyAway() {
		String clerk = operator("SERVICE_WINDOW", this.given.branch("HOSPITAL", "440305", null));

		keys(clerk, Keys.TAB, "not-the-password", Keys.ENTER);
		this.wait.until((driver) -> "UNAUTHENTICATED".equals(messageCode()));
		assertThat(messageText()).contains("用户名或密码不正确");

		browser.findElement(By.id("language")).click();
		assertThat(script("return document.documentElement.lang")).isEqualTo("en");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Social security card console");
		assertThat(messageText()).contains("Wrong username or password");
		assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("Username");
		assertThat(browser.findElement(By.id("language")).getText()).isEqualTo("中文");
	}

	/** No English prose (the service's {@code detail}) on the Chinese page: codes and numbers only. */
	private static void assertChinese(String text) {
		assertThat(text).doesNotContainPattern("[a-z]{3,}");
	}

	private void signIn(String username) {
		type("username", username);
		type("password", PASSWORD, Keys.ENTER);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-number")));
	}

	private void lookUp(TestCard card) {
		type("card-number", card.cardNumber(), Keys.ENTER);
		waitForCard(card);
	}

	private void waitForCard(TestCard card) {
		this.wait.until(ExpectedConditions.textToBe(By.id("card-number-shown"), card.cardNumber()));
	}

	private void activateWith(String currentPin) {
		type("ss-activation-current-pin", currentPin);
		type("ss-activation-new-pin", GOOD_PIN);
		type("ss-activation-new-pin-confirm", GOOD_PIN);
		type("ss-activation-phone", "13812345678", Keys.ENTER);
	}

	/** A branch named as a counter reads it (the screenshots show the names); returns its code. */
	private String branch(String kind, String regionCode, String bankCode, String name) {
		String code = "C-" + kind.charAt(0) + "-" + Fixtures.next();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", name);
		body.put("kind", kind);
		body.put("regionCode", regionCode);
		body.put("bankCode", bankCode);
		assertThat(this.api.post("/api/v1/admin/branches", this.given.adminToken(), body).status()).isEqualTo(201);
		return code;
	}

	/** A signed-up operator of this branch; returns the username (the password is {@link #PASSWORD}). */
	private String operator(String role, String branchCode) {
		String username = "console." + Fixtures.next();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", PASSWORD);
		body.put("role", role);
		body.put("branchCode", branchCode);
		assertThat(this.api.post("/api/v1/admin/operators", this.given.adminToken(), body).status()).isEqualTo(201);
		return username;
	}

	/** Types into whatever has the focus, as a clerk at the keyboard would. */
	private static void keys(CharSequence... keys) {
		Actions actions = new Actions(browser);
		for (CharSequence key : keys) {
			actions.sendKeys(key);
		}
		actions.perform();
	}

	private static void type(String id, CharSequence... keys) {
		WebElement input = browser.findElement(By.id(id));
		input.clear();
		input.sendKeys(keys);
	}

	private static WebElement focused() {
		return browser.switchTo().activeElement();
	}

	private static boolean shown(String id) {
		return browser.findElement(By.id(id)).isDisplayed();
	}

	private static String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	/** Read in one script: the card is re-rendered as answers arrive, which would stale an element. */
	private static String status(String field) {
		return (String) script("const badge = document.querySelector(\"[data-field='" + field + "'] .badge\");"
				+ " return badge ? badge.dataset.status : null;");
	}

	/** The message on screen: at the top of the page, or inside the form it answers. */
	private static WebElement message() {
		return browser.findElements(By.cssSelector("[data-message-box]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null);
	}

	private static String messageCode() {
		WebElement message = message();
		return (message != null) ? message.getDomAttribute("data-code") : null;
	}

	private static String messageText() {
		WebElement message = message();
		return (message != null) ? message.getText() : "";
	}

	private static Object script(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private static void screenshot(String name) {
		if (!SCREENSHOTS) {
			return;
		}
		try {
			Path target = Path.of("docs", "console", name + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String setting(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
