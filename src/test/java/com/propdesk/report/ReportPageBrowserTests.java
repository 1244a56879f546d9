package com.propdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.Chromium;
import com.propdesk.PropDeskTest;

/** The owners' report page {@code /reports/{token}} on a phone-sized Chromium window. */
@PropDeskTest
class ReportPageBrowserTests {

	private static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	MonthlyReports reports;

	@Autowired
	DemoHistory history;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = Chromium.start();
	}

	@AfterAll
	static void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aPublishedReportReadsInChineseOnAPhoneWithItsChartsAndNothingToScrollSideways() {
		// a month of the demo's archive for a building and month no other test reports on
		YearMonth month = YearMonth.of(2023, 5);
		history.write("5", month, month);
		MonthlyReports.MonthlyReport report = reports.publish(reports.draft("5", month, null),
				"本月楼道灯已全部更换为节能灯，感谢各位业主的支持与理解。", "manager");
		WebDriver browser = chromium.browser();
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get("http://localhost:" + port + "/reports/" + report.publicToken());

		WebElement title = chromium.patiently().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
		assertThat(title.getText()).isEqualTo("5号楼 2023年5月物业服务报告");
		WebElement repairs = browser.findElement(By.id("repairChart"));
		WebElement sla = browser.findElement(By.id("slaChart"));
		assertThat(repairs.isDisplayed()).isTrue();
		assertThat(sla.isDisplayed()).isTrue();
		assertThat(repairs.getSize().getHeight()).isPositive();
		assertThat(repairs.getSize().getWidth()).isLessThanOrEqualTo(390);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("报修（按类别）", "楼道保洁：完成", "达标率",
				"本月楼道灯已全部更换为节能灯");
		assertThat(browser.findElement(By.id("pdf")).getAttribute("href")).endsWith("/reports/" + report.publicToken() + ".pdf");
		Object sideways = ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(((Number) sideways).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

}
