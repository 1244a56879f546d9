package com.propdesk.intake;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OwnerPage;
import com.propdesk.system.ProblemException;

/**
 * The owner's status page, {@code /track/{caseNo}?token=…}: a plain page in Chinese, readable on a phone,
 * showing the case's status, when PropDesk promised to be done, and what the owner was told. Without the
 * right token it answers as if the case did not exist.
 */
@RestController
class TrackingPage {

	/** The page's own style, after the one every owner's page shares. */
	private static final String STYLE = """
			.status{font-size:28px;font-weight:700;color:#2f7d5b;margin:8px 0}
			.description{background:#fff;border-radius:8px;padding:12px;overflow-wrap:anywhere}
			.late{color:#b3261e;margin:0 0 8px}
			.answer{background:#eef7f1;border-radius:8px;padding:12px;overflow-wrap:anywhere;white-space:pre-line}
			.timeline{list-style:none;padding:0;margin:0}
			.timeline li{background:#fff;border-radius:8px;padding:10px 12px;margin-bottom:8px;overflow-wrap:anywhere}
			.timeline time{display:block;color:#666;font-size:13px}
			.notice{background:#fdecea;color:#b3261e;border-radius:8px;padding:10px 12px}
			.card{background:#fff;border-radius:8px;padding:12px;margin:12px 0}
			.stars{display:flex;flex-wrap:wrap;gap:8px}
			.stars label{border:1px solid #ccc;border-radius:6px;padding:6px 10px}
			textarea{box-sizing:border-box;width:100%;font:inherit;margin:8px 0}
			button{font:inherit;width:100%;padding:10px;border:0;border-radius:8px;background:#2f7d5b;color:#fff;margin:8px 0}
			button:disabled{background:#bbb}
			""";

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final CaseService cases;

	private final CaseClocks clocks;

	private final OwnerView.Reader ownerViews;

	TrackingPage(CaseService cases, CaseClocks clocks, OwnerView.Reader ownerViews) {
		this.cases = cases;
		this.clocks = clocks;
		this.ownerViews = ownerViews;
	}

	@GetMapping(value = "/track/{caseNo}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> track(@PathVariable String caseNo, @RequestParam(defaultValue = "") String token) {
		CaseRecord found = owned(caseNo, token);
		if (found == null) {
			return notFound();
		}
		return render(found, null, null);
	}

	/**
	 * The rating control's form (the page runs no script, so it posts a plain form): the same rules as the
	 * feedback API; after it the page shows the case closed, or what was wrong.
	 */
	@PostMapping(value = "/track/{caseNo}/feedback", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> rate(@PathVariable String caseNo, @RequestParam(defaultValue = "") String token,
			@RequestParam(required = false) Integer score, @RequestParam(required = false) String comment) {
		CaseRecord found = owned(caseNo, token);
		if (found == null) {
			return notFound();
		}
		try {
			cases.feedback(caseNo, new Feedback(score, comment), CaseService.OWNER);
		}
		catch (InvalidRequestException bad) {
			// the form again, with what the owner wrote, and what to change
			boolean scoreWrong = bad.problems().stream().anyMatch(p -> "score".equals(p.field()));
			String notice = !scoreWrong ? "评价内容最长 1000 个字" : score == null ? "请先选择评分（1 到 5 星）" : "评分应为 1 到 5 星";
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML).body(render(found, notice, comment).getBody());
		}
		catch (ProblemException conflict) {
			return render(cases.find(caseNo).orElseThrow(), "这个事项现在不能评价，可能已经评价过了", null);
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(found.trackingPath())).build();
	}

	/** The forms' addresses opened as pages (a reload, a shared link): back to the owner's page. */
	@GetMapping({ "/track/{caseNo}/feedback", "/track/{caseNo}/urge" })
	ResponseEntity<Void> backToPage(@PathVariable String caseNo, @RequestParam(defaultValue = "") String token) {
		String page = "/track/" + UriUtils.encodePathSegment(caseNo, StandardCharsets.UTF_8)
				+ (token.isEmpty() ? "" : "?token=" + UriUtils.encodeQueryParam(token, StandardCharsets.UTF_8));
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(page)).build();
	}

	private CaseRecord owned(String caseNo, String token) {
		return cases.find(caseNo).filter(c -> c.isTrackedWith(token)).orElse(null);
	}

	private static ResponseEntity<String> notFound() {
		return page(HttpStatus.NOT_FOUND, "未找到事项", "<p class=\"muted\">没有这个事项，或链接已失效。请核对短信中的链接。</p>");
	}

	private ResponseEntity<String> render(CaseRecord found, String notice, String comment) {
		String caseNo = found.caseNo();
		String action = "/track/" + UriUtils.encodePathSegment(caseNo, StandardCharsets.UTF_8);
		String tokenField = "<input type=\"hidden\" name=\"token\" value=\"" + esc(found.trackingToken()) + "\">";
		StringBuilder body = new StringBuilder();
		if (notice != null) {
			body.append("<p class=\"notice\" id=\"notice\">").append(esc(notice)).append("</p>");
		}
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
		OwnerView owner = ownerViews.of(found);
		if (owner.technician() != null) {
			body.append("<p id=\"technician\">维修师傅：").append(esc(owner.technician())).append("</p>");
		}
		if (owner.eta() != null) {
			body.append("<p id=\"eta\">预计到达：").append(esc(SHORT.format(owner.eta()))).append("</p>");
		}
		cases.timeline(caseNo).stream().filter(e -> CaseTimeline.FEEDBACK.code().equals(e.kind())).reduce((a, b) -> b)
				.ifPresent(rated -> body.append("<p class=\"card\" id=\"rated\">感谢您的评价。").append(esc(
						rated.message().replaceFirst("^业主评价：", "您的评价："))).append("</p>"));
		if (owner.awaitingFeedback()) {
			body.append("<form class=\"card\" id=\"rate\" method=\"post\" action=\"").append(action).append("/feedback\">")
					.append(tokenField).append("<h2>请为这次服务评分</h2><p class=\"stars\">");
			for (int score = 1; score <= 5; score++) {
				body.append("<label><input type=\"radio\" name=\"score\" required value=\"").append(score).append("\">")
						.append(score).append(" 星</label>");
			}
			body.append("</p><textarea name=\"comment\" maxlength=\"1000\" rows=\"3\" placeholder=\"说说您的意见（选填）\">")
					.append(comment == null ? "" : esc(comment)).append("</textarea>")
					.append("<button type=\"submit\">提交评价</button></form>");
		}
		if (found.status() != CaseStatus.CLOSED && found.status() != CaseStatus.PROMOTED) {
			body.append("<form id=\"urge\" method=\"post\" action=\"").append(action).append("/urge\">").append(tokenField);
			if (!owner.mayUrge()) {
				body.append("<button type=\"submit\" disabled>催办</button><p class=\"muted\" id=\"next-urge\">已催办，")
						.append(SHORT.format(owner.nextUrgeAt())).append(" 后可再次催办</p>");
			}
			else {
				body.append("<button type=\"submit\">催办</button>");
			}
			body.append("</form>");
		}
		if (owner.hotline() != null) {
			body.append("<p>服务热线：<a id=\"hotline\" href=\"tel:").append(esc(owner.hotline().replaceAll("[^0-9+]", "")))
					.append("\">").append(esc(owner.hotline())).append("</a></p>");
		}
		if (found.answer() != null) {
			body.append("<h2>答复</h2><p class=\"answer\" id=\"answer\">").append(esc(found.answer())).append("</p>");
		}
		List<CaseEvent> told = cases.timeline(caseNo).stream().filter(CaseService::ownerSees).map(CaseService::asOwnerReads)
				.toList();
		if (!told.isEmpty()) {
			body.append("<h2>处理进展</h2><ol class=\"timeline\">");
			// newest first, as the owner looks for what happened last
			for (int i = told.size() - 1; i >= 0; i--) {
				CaseEvent event = told.get(i);
				body.append("<li><time>").append(SHORT.format(event.at())).append("</time><span>")
						.append(esc(event.message())).append("</span></li>");
			}
			body.append("</ol>");
		}
		return page(HttpStatus.OK, found.type().label() + "进度", body.toString());
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		return OwnerPage.of(status, title, STYLE, body);
	}

	private static String esc(String text) {
		return OwnerPage.esc(text);
	}

}
