package com.propdesk.system;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages owners open from an SMS link without logging in (a case's progress, a building's monthly report):
 * phone-sized Chinese HTML built on the server, every text escaped, no script, nothing loaded from anywhere, never
 * framed, cached or sent on as a referrer (the link holds the owner's token).
 */
public final class OwnerPage {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

	private static final String STYLE = """
			body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;color:#222;background:#f6f7f8}
			main{max-width:640px;margin:0 auto;padding:16px}
			h1{font-size:20px;margin:8px 0}
			h2{font-size:16px;margin:20px 0 8px}
			.muted{color:#666;margin:0}
			""";

	private OwnerPage() {
	}

	/**
	 * The page: {@code title} (escaped here) as its title and heading, then {@code body}, HTML whose texts the caller
	 * has escaped with {@link #esc}; {@code style} is the page's own CSS after the shared one.
	 */
	public static ResponseEntity<String> of(HttpStatus status, String title, String style, String body) {
		String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + esc(title) + "</title>\n"
				+ "<style>\n" + STYLE + style + "</style></head>\n<body><main><h1>" + esc(title) + "</h1>" + body
				+ "</main></body></html>\n";
		return ResponseEntity.status(status).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
				.header("Content-Security-Policy", CONTENT_SECURITY_POLICY).header("X-Content-Type-Options", "nosniff")
				.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").body(html);
	}

	/** Text as HTML text or attribute value; null as nothing. */
	public static String esc(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
