package com.propdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.propdesk.report.MonthlyFigures.Compliance;
import com.propdesk.report.MonthlyFigures.DutyRounds;
import com.propdesk.report.MonthlyFigures.RepairCategory;
import com.propdesk.report.MonthlyFigures.RepeatFaultLine;
import com.propdesk.report.MonthlyFigures.Responses;
import com.propdesk.report.MonthlyFigures.Satisfaction;
import com.propdesk.report.MonthlyReports.MonthlyReport;

/** The PDF on its own, without the application: the CJK font embedded as a subset, the text extractable in Chinese. */
class ReportPdfTests {

	static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

	static MonthlyReport report() {
		return report("感谢业主的耐心。");
	}

	static MonthlyReport report(String managerNote) {
		OffsetDateTime published = OffsetDateTime.parse("2026-12-01T09:00:00+08:00");
		MonthlyFigures figures = new MonthlyFigures("3", "2026-11",
				List.of(new DutyRounds("corridor-cleaning", "楼道保洁", 29, 30, 1)),
				List.of(new RepairCategory("lift", "电梯", 3, 3, 260L), new RepairCategory("plumbing", "给排水", 2, 1, 1500L)),
				new Responses(2, 2, 300L, 2, 1.0), new Responses(5, 5, 12L, 4, 0.8), new Compliance(20, 18, 0.9),
				new Satisfaction(7, 4.3),
				List.of(new RepeatFaultLine(1, "电梯", published.minusDays(10), "closed", "duty", "每周加检一次", published)));
		return new MonthlyReport(1, "3", "3号楼", "2026-11", MonthlyReports.PUBLISHED, figures, managerNote,
				published.minusHours(3), published, "manager", "token", null);
	}

	@Test
	void theReportRendersInChineseWithItsFontEmbeddedAsASubset() throws IOException {
		byte[] pdf = new ReportPdf(FONT).render(report());

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("3号楼 2026年11月物业服务报告", "楼道保洁：完成 29 次（计划 30 次，漏做 1 次）",
					"电梯：3 件，已修复 3 件，修复时间中位数 4小时20分", "给排水：2 件，已修复 1 件，修复时间中位数 1天1小时",
					"咨询：5 件，已回应 5 件，首次响应时间中位数 12分钟，30分钟内回应 80.0%", "达标率 90.0%",
					"4.3 分（7 份评价，满分 5 分）", "已安排预防性巡检维保", "感谢业主的耐心。");
			PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames()
					.iterator().next());
			assertThat(font.isEmbedded()).isTrue();
			// a subset's name carries a six-letter tag
			assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
		}
		assertThat(pdf.length).as("a subset, not the 5 MB collection").isLessThan(200_000);
	}

	@Test
	void aCharacterTheFontHasNoGlyphForIsLeftOutNotAFailedPdf() throws IOException {
		byte[] pdf = new ReportPdf(FONT).render(report("祝大家元旦快乐🎉 𠮷 ①②③\n电梯已检修"));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("祝大家元旦快乐", "①②③ 电梯已检修")
					.doesNotContain("🎉");
		}
	}

	@Test
	void aMissingFontIsAnErrorNamingTheSetting() {
		assertThatThrownBy(() -> new ReportPdf("/nowhere/font.ttc").render(report()))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("propdesk.report.font")
				.hasMessageContaining("/nowhere/font.ttc");
	}

}
