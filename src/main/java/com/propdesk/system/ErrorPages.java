package com.propdesk.system;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * What a refusal or failure outside PropDesk's controllers looks like — the webapps' own filters refusing a
 * department's login to Cockpit (403), a call without a session (401), an address no servlet knows: in Chinese, as
 * a page for a browser and as {@code application/problem+json} for everything else, instead of Spring Boot's English
 * "Whitelabel Error Page" and its JSON. Neither says more than the status: no exception, path details or stack trace.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages implements ErrorController {

	private record Text(String title, String detail) {
	}

	private static final Map<Integer, Text> TEXTS = Map.ofEntries(
			Map.entry(400, new Text("请求无效", "服务器无法处理此请求：请检查地址和提交的内容")),
			Map.entry(401, new Text("未登录", "请先登录，再打开此页面")),
			Map.entry(403, new Text("没有权限", "您的账号没有使用此页面或应用的权限。部门员工请在「任务列表」（Tasklist）中办理任务；如需其他权限，请联系管理员")),
			Map.entry(404, new Text("未找到", "没有这个页面或地址，请检查地址是否输入正确")),
			Map.entry(405, new Text("不支持的请求方法", "此地址不支持这种请求方法")),
			Map.entry(406, new Text("无法提供所需格式", "此地址无法以所要求的格式回答")),
			Map.entry(413, new Text("请求过大", "提交的内容超过了允许的大小")),
			Map.entry(415, new Text("不支持的内容类型", "此地址不接受这种内容类型")),
			Map.entry(429, new Text("请求过于频繁", "请稍后再试")),
			Map.entry(503, new Text("暂时无法处理", "服务暂时无法处理请求，请稍后重试")));

	private static final Text CLIENT = new Text("请求无效", "服务器无法处理此请求");

	private static final Text SERVER = new Text("内部错误", "服务器内部错误，请稍后重试；如果一再出现，请联系管理员");

	static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(HttpServletRequest request) {
		HttpStatus status = status(request);
		return ResponseEntity.status(status).contentType(HTML).body(html(status));
	}

	/** The page a browser shows for this status. */
	static String html(HttpStatus status) {
		Text text = text(status);
		String back = "<p><a href=\"/camunda/app/tasklist/\">返回任务列表</a></p>";
		return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
				+ "content=\"width=device-width, initial-scale=1\"><title>" + status.value() + " " + text.title()
				+ " · PropDesk</title><style>body{font-family:system-ui,'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;"
				+ "max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}</style></head><body><h1>"
				+ status.value() + " " + HtmlUtils.htmlEscape(text.title()) + "</h1><p>" + HtmlUtils.htmlEscape(text.detail())
				+ "</p>" + back + "</body></html>";
	}

	/**
	 * A call refused outside a page (an API call of the webapps): not always the account's rights — a page open for
	 * long sends a CSRF token that is no longer valid, which Camunda refuses with 403 too.
	 */
	private static final Text CALL_FORBIDDEN = new Text("没有权限",
			"没有权限执行此操作，或页面的登录状态已失效：请刷新页面（必要时重新登录）后再试");

	/** The webapps' login refused: the user name or the password is wrong (PropDesk locks no account). */
	private static final Text LOGIN_REFUSED = new Text("登录失败", "用户名或密码不正确");

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		boolean login = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
				&& uri.contains("/auth/user/") && uri.contains("/login/");
		Text text = status == HttpStatus.UNAUTHORIZED && login ? LOGIN_REFUSED
				: status == HttpStatus.FORBIDDEN ? CALL_FORBIDDEN : text(status);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text.detail());
		problem.setTitle(text.title());
		// the webapps show an error's message
		problem.setProperty("message", text.detail());
		// the address asked for, not this controller's own (a path Tomcat could not decode never gets here)
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			try {
				problem.setInstance(new java.net.URI(uri));
			}
			catch (java.net.URISyntaxException e) {
				// left out
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	private static Text text(HttpStatus status) {
		return TEXTS.getOrDefault(status.value(), status.is4xxClientError() ? CLIENT : SERVER);
	}

}
