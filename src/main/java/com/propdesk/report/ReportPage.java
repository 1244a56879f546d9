package com.propdesk.report;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.report.MonthlyFigures.RepairCategory;
import com.propdesk.report.MonthlyReports.MonthlyReport;
import com.propdesk.system.OwnerPage;

/**
 * The owners' report page, {@code /reports/{token}}, and its PDF, {@code /reports/{token}.pdf}: plain Chinese HTML
 * sized for a phone, charts as inline SVG, no script and nothing loaded from anywhere. An unknown token or a report
 * not yet published answers as if there were none.
 */
@RestController
class ReportPage {

	/** The page's own style, after the one every owner's page shares. */
	private static final String STYLE = """
			h2{color:#2f7d5b}
			.card{display:block;background:#fff;border-radius:8px;padding:12px;margin:8px 0;overflow-wrap:anywhere}
			ul.card,.card ul{padding-left:20px}
			.note{background:#eef7f1;white-space:pre-line}
			svg{display:block;max-width:100%}
			a{color:#2f7d5b}
			""";

	private final MonthlyReports reports;

	private final ReportPdf pdf;

	ReportPage(MonthlyReports reports, ReportPdf pdf) {
		this.reports = reports;
		this.pdf = pdf;
	}

	@GetMapping("/reports/{file}")
	ResponseEntity<?> report(@PathVariable String file) {
		boolean asPdf = file.endsWith(".pdf");
		String token = asPdf ? file.substring(0, file.length() - 4) : file;
		MonthlyReport report = reports.published(token).orElse(null);
		if (report == null) {
			return page(HttpStatus.NOT_FOUND, "未找到报告", "<p class=\"muted\">没有这份报告，或链接已失效。请核对短信中的链接。</p>");
		}
		if (asPdf) {
			return pdf(pdf.render(report), report);
		}
		return page(HttpStatus.OK, ReportText.title(report.buildingName(), report.month()), body(report));
	}

	static ResponseEntity<byte[]> pdf(byte[] bytes, MonthlyReport report) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header("Content-Disposition", "inline; filename=\"report-" + report.building() + "-" + report.month() + ".pdf\"")
				.header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store")
				.header("Referrer-Policy", "no-referrer").body(bytes);
	}

	static String body(MonthlyReport report) {
		MonthlyFigures f = report.figures();
		StringBuilder html = new StringBuilder();
		html.append("<p class=\"muted\">翠湖花园物业服务中心 · 发布于 ").append(esc(String.valueOf(report.publishedAt().toLocalDate())))
				.append("</p>");
		if (report.managerNote() != null) {
			html.append("<div class=\"card note\" id=\"note\">").append(esc(report.managerNote())).append("</div>");
		}
		html.append("<h2>日常工作</h2><ul class=\"card\">");
		f.duties().forEach(d -> html.append("<li>").append(esc(ReportText.duty(d))).append("</li>"));
		html.append("</ul><h2>报修（按类别）</h2>");
		if (f.repairs().isEmpty()) {
			html.append("<p class=\"card\">本月无报修</p>");
		}
		else {
			html.append("<div class=\"card\">").append(repairChart(f.repairs())).append("<ul>");
			f.repairs().forEach(r -> html.append("<li>").append(esc(ReportText.repair(r))).append("</li>"));
			html.append("</ul></div>");
		}
		html.append("<h2>投诉与咨询</h2><ul class=\"card\"><li>")
				.append(esc(ReportText.responses("投诉", f.complaints(), "24小时"))).append("</li><li>")
				.append(esc(ReportText.responses("咨询", f.inquiries(), "30分钟"))).append("</li></ul>");
		html.append("<h2>服务时限达标率</h2><div class=\"card\">").append(complianceChart(f.sla())).append("<p>本月到期 ")
				.append(f.sla().due()).append(" 项时限，按时完成 ").append(f.sla().metOnTime()).append(" 项</p></div>");
		html.append("<h2>业主满意度</h2><p class=\"card\">").append(f.satisfaction().average() == null ? "本月无评价"
				: esc(f.satisfaction().average() + " 分（" + f.satisfaction().count() + " 份评价，满分 5 分）")).append("</p>");
		html.append("<h2>重复报修及处理</h2><ul class=\"card\">");
		if (f.repeatFaults().isEmpty()) {
			html.append("<li>本月无重复报修</li>");
		}
		f.repeatFaults().forEach(r -> html.append("<li>").append(esc(ReportText.repeatFault(r))).append("</li>"));
		html.append("</ul><p><a id=\"pdf\" href=\"/reports/").append(esc(report.publicToken()))
				.append(".pdf\">下载 PDF 版</a></p>");
		return html.toString();
	}

	/** Horizontal bars scaled to the viewBox, so the chart narrows with the phone. */
	static String repairChart(List<RepairCategory> repairs) {
		int most = repairs.stream().mapToInt(RepairCategory::count).max().orElse(1);
		int rowHeight = 26;
		StringBuilder svg = new StringBuilder("<svg id=\"repairChart\" role=\"img\" aria-label=\"报修按类别\" viewBox=\"0 0 320 ")
				.append(repairs.size() * rowHeight).append("\" width=\"100%\">");
		for (int i = 0; i < repairs.size(); i++) {
			RepairCategory r = repairs.get(i);
			int y = i * rowHeight;
			int length = Math.max(2, 200 * r.count() / most);
			svg.append("<text x=\"0\" y=\"").append(y + 17).append("\" font-size=\"13\">").append(esc(r.label())).append("</text>")
					.append("<rect x=\"80\" y=\"").append(y + 5).append("\" width=\"").append(length)
					.append("\" height=\"16\" fill=\"#2f7d5b\"/>").append("<text x=\"").append(86 + length).append("\" y=\"")
					.append(y + 17).append("\" font-size=\"13\">").append(r.count()).append("</text>");
		}
		return svg.append("</svg>").toString();
	}

	static String complianceChart(MonthlyFigures.Compliance sla) {
		double share = sla.share() == null ? 0 : sla.share();
		return "<svg id=\"slaChart\" role=\"img\" aria-label=\"服务时限达标率\" viewBox=\"0 0 320 40\" width=\"100%\">"
				+ "<rect x=\"0\" y=\"4\" width=\"320\" height=\"18\" fill=\"#ddd\"/>"
				+ "<rect x=\"0\" y=\"4\" width=\"" + Math.round(320 * share) + "\" height=\"18\" fill=\"#2f7d5b\"/>"
				+ "<text x=\"0\" y=\"38\" font-size=\"13\">达标率 " + esc(ReportText.percent(sla.share())) + "</text></svg>";
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		return OwnerPage.of(status, title, STYLE, body);
	}

	private static String esc(String text) {
		return OwnerPage.esc(text);
	}

}
