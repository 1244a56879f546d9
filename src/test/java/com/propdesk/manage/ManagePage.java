package com.propdesk.manage;

import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The managers' console {@code /manage/} as the browser tests drive it: logging in, moving between its pages, its console. */
record ManagePage(WebDriver browser, WebDriverWait patiently, int port) {

	/** Logs in on a fresh page; for anyone but a refused user, waits until the console's navigation shows. */
	void logIn(String user) {
		String page = "http://localhost:" + port + "/manage/";
		if (browser.getCurrentUrl().startsWith(page)) {
			// before the page loads again, or its first calls would go out with the old login half gone
			((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
		}
		browser.get(page + "?as=" + user);
		patiently.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
		browser.findElement(By.id("login-password")).sendKeys("demo");
		browser.findElement(By.id("login-submit")).click();
		if (!"agent".equals(user)) {
			patiently.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
		}
	}

	void goTo(String hash) {
		((JavascriptExecutor) browser).executeScript("location.hash = arguments[0];", hash);
	}

	/** Script errors and refused loads in the page's console since the last call (the driver logs browser entries). */
	List<String> consoleErrors() {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
	}

}
