package org.sscard.apidocs;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;
import org.sscard.support.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Swagger UI end to end in headless Chromium: a developer opens it, authorizes with a bearer token
 * through the Authorize button, tries a card read, and the service answers it 200; without the
 * token the same call is answered 401 (so the 200 is the Authorize button's doing).
 */
class SwaggerUiTests extends ApiTest {

	private static HeadlessChromium chromium;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = HeadlessChromium.startIfInstalled();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theAuthorizeButtonAuthorizesTheCallsTriedFromTheDocument() {
		assumeTrue(chromium != null, "no Chromium or chromedriver");
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("SERVICE_HALL", "440305");
		WebDriver browser = chromium.browser();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		browser.get("http://localhost:" + port() + "/swagger-ui.html");
		assertThat(tryCardRead(browser, wait, card)).as("before authorizing").isEqualTo("401");

		browser.get("http://localhost:" + port() + "/swagger-ui.html");
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
		WebElement bearer = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(normalize-space(.),'bearer')]]")));
		bearer.findElement(By.cssSelector("input")).sendKeys(window);
		bearer.findElement(By.xpath(".//button[contains(@class,'authorize')]")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn-done"))).click();

		assertThat(tryCardRead(browser, wait, card)).as("after authorizing").isEqualTo("200");
	}

	/** Opens GET /api/v1/cards/{cardNumber}, tries it out with the card's number, and returns the status shown. */
	private static String tryCardRead(WebDriver browser, WebDriverWait wait, TestCard card) {
		WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
				"//div[contains(@class,'opblock-get')][.//*[@data-path='/api/v1/cards/{cardNumber}']]")));
		operation.findElement(By.cssSelector(".opblock-summary")).click();
		wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector("button.try-out__btn"))))
			.click();
		WebElement number = wait.until(ExpectedConditions.visibilityOf(
				operation.findElement(By.cssSelector("input[placeholder='cardNumber']"))));
		number.clear();
		number.sendKeys(card.cardNumber());
		operation.findElement(By.cssSelector("button.execute")).click();
		By status = By.cssSelector(".live-responses-table .response .response-col_status");
		wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(operation, status));
		return operation.findElement(status).getText().trim().split("\\s+")[0];
	}

}
