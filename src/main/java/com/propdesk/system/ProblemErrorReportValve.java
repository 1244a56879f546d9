package com.propdesk.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error answers — to a request it refuses before any servlet runs (a malformed request line,
 * an invalid %-escape or character in the path, a bad or too large header) — as a small problem+json on the
 * JSON APIs and a plain page elsewhere, in Chinese, without Tomcat's name, version or a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		String title = title(status);
		try {
			String body;
			if (json(request)) {
				response.setContentType("application/problem+json");
				body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
						+ detail(status) + "\"}";
			}
			else {
				response.setContentType("text/html");
				body = "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>" + status + " " + title
						+ "</title><h1>" + status + " " + title + "</h1><p>" + detail(status) + "</p></html>";
			}
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone or the response cannot be written: nothing more to tell
		}
	}

	/** The raw path, as a request whose path could not be decoded still has it. */
	private static boolean json(Request request) {
		String uri = request.getCoyoteRequest().requestURI().toString();
		return uri == null || uri.startsWith("/api") || uri.startsWith("/engine-rest") || !uri.startsWith("/");
	}

	private static String title(int status) {
		return switch (status) {
			case 400 -> "请求无效";
			case 404 -> "未找到";
			case 405 -> "不支持的请求方法";
			case 408 -> "请求超时";
			case 413 -> "请求过大";
			case 414 -> "地址过长";
			case 431 -> "请求头过大";
			case 501 -> "不支持的请求";
			case 503 -> "暂时无法处理";
			case 505 -> "不支持的 HTTP 版本";
			default -> status < 500 ? "请求无效" : "内部错误";
		};
	}

	private static String detail(int status) {
		return switch (status) {
			case 400 -> "请求格式不正确（请求行、路径中的字符或 %-转义、请求头无效或过大），服务器无法处理";
			case 505 -> "请使用 HTTP/1.1";
			default -> status < 500 ? "服务器无法处理此请求" : "服务器内部错误，请稍后重试";
		};
	}

}
