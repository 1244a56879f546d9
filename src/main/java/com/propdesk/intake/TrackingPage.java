package com.propdesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The owner's status page, {@code /track/{caseNo}?token=…}: a plain page in Chinese, readable on a phone,
 * showing the case's status, when PropDesk promised to be done, and what the owner was told. Without the
 * right token it answers as if the case did not exist.
 */
@RestController
class TrackingPage {

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final CaseService cases;

	private final CaseClocks clocks;

	TrackingPage(CaseService cases, CaseClocks clocks) {
		this.cases = cases;
		this.clocks = clocks;
	}

	@GetMapping(value = "/track/{caseNo}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> track(@PathVariable String caseNo, @RequestParam(defaultValue = "") String token) {
		CaseRecord found = cases.find(caseNo).filter(c -> MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
				c.trackingToken().getBytes(StandardCharsets.UTF_8))).orElse(null);
		if (found == null) {
			return page(HttpStatus.NOT_FOUND, "未找到事项", "<p class=\"muted\">没有这个事项，或链接已失效。请核对短信中的链接。</p>");
		}
		StringBuilder body = new StringBuilder();
		body.append("<p class=\"muted\">").append(esc(found.type().label())).append(" · ").append(esc(found.caseNo()))
				.append("</p>");
		body.append("<p class=\"status\" id=\"status\">").append(esc(found.status().label())).append("</p>");
		// the owner wants to know when it will all be done: the furthest promise still running
		List<CaseClocks.ClockView> running = clocks.clocks(caseNo).stream().filter(c -> "running".equals(c.state())).toList();
		running.stream().map(CaseClocks.ClockView::dueAt).max(java.util.Comparator.naturalOrder())
				.ifPresent(due -> body.append("<p id=\"due\">").append(esc(found.type().dueWording(SHORT.format(due))))
						.append("</p>"));
		if (running.stream().anyMatch(c -> c.breachedAt() != null)) {
			body.append("<p id=\"late\" class=\"late\">已超过约定时间，已升级加急处理，给您带来不便，敬请谅解</p>");
		}
		body.append("<p class=\"description\">").append(esc(found.description())).append("</p>");
		if (found.answer() != null) {
			body.append("<h2>答复</h2><p class=\"answer\" id=\"answer\">").append(esc(found.answer())).append("</p>");
		}
		List<CaseEvent> told = cases.timeline(caseNo).stream().filter(e -> e.kind().startsWith("event-")).toList();
		if (!told.isEmpty()) {
			body.append("<h2>处理进展</h2><ol class=\"timeline\">");
			// newest first, as the owner looks for what happened last
			for (int i = told.size() - 1; i >= 0; i--) {
				CaseEvent event = told.get(i);
				body.append("<li><time>").append(SHORT.format(event.at())).append("</time><span>")
						.append(esc(event.message().replaceFirst("^通知业主：", ""))).append("</span></li>");
			}
			body.append("</ol>");
		}
		return page(HttpStatus.OK, found.type().label() + "进度", body.toString());
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		String html = """
				<!DOCTYPE html>
				<html lang="zh-CN"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title>
				<style>
				body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#222;background:#f6f7f8}
				main{max-width:640px;margin:0 auto;padding:16px}
				h1{font-size:20px;margin:8px 0}
				h2{font-size:16px;margin:20px 0 8px}
				.muted{color:#666;margin:0}
				.status{font-size:28px;font-weight:700;color:#2f7d5b;margin:8px 0}
				.description{background:#fff;border-radius:8px;padding:12px;overflow-wrap:anywhere}
				.late{color:#b3261e;margin:0 0 8px}
				.answer{background:#eef7f1;border-radius:8px;padding:12px;overflow-wrap:anywhere;white-space:pre-line}
				.timeline{list-style:none;padding:0;margin:0}
				.timeline li{background:#fff;border-radius:8px;padding:10px 12px;margin-bottom:8px;overflow-wrap:anywhere}
				.timeline time{display:block;color:#666;font-size:13px}
				</style></head>
				<body><main><h1>%s</h1>%s</main></body></html>
				""".formatted(esc(title), esc(title), body);
		return ResponseEntity.status(status).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
				.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
				.header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store")
				.header("Referrer-Policy", "no-referrer").body(html);
	}

	private static String esc(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
