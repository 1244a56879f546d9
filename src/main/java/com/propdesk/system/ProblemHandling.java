package com.propdesk.system;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of PropDesk's own API as {@code application/problem+json} in Chinese; never a stack trace to a
 * client. It applies to every request Spring MVC handles, not only to PropDesk's controllers: a wrong method,
 * media type or path is decided before any controller is chosen.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	/** Titles for the statuses Spring MVC answers by itself. */
	private static final Map<Integer, String> TITLES = Map.ofEntries(Map.entry(400, "请求无效"), Map.entry(404, "未找到"),
			Map.entry(405, "不支持的请求方法"), Map.entry(406, "无法提供所需格式"), Map.entry(413, "请求过大"),
			Map.entry(415, "不支持的内容类型"), Map.entry(500, "内部错误"), Map.entry(503, "暂时无法处理"));

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalid(InvalidRequestException e) {
		return invalidProblem(e.problems());
	}

	public static ProblemDetail invalidProblem(List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				InvalidRequestException.describe(problems));
		problem.setTitle("请求无效");
		problem.setProperty("errors", problems);
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(invalidProblem(List.of(unreadable(e.getCause()))));
	}

	/** The field a body could not be read at, and why: a wrong type, an unknown field, a field twice. */
	static FieldProblem unreadable(Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new FieldProblem(path(unknown), "不认识的字段，此接口不接受它（请检查拼写，或不要发送由系统决定的值）");
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return new FieldProblem(path(mismatch), "类型不对：" + expected(mismatch.getTargetType()));
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			return new FieldProblem(path(mapping), "格式或类型不对");
		}
		if (cause instanceof MismatchedInputException mismatch && mismatch.getMessage().startsWith("Trailing token")) {
			return new FieldProblem("body", "JSON 之后还有多余的内容；请求体只能是一个 JSON 对象");
		}
		if (cause instanceof StreamReadException read && read.getProcessor() != null
				&& read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field")) {
			String field = field(read.getProcessor().getParsingContext().pathAsPointer());
			return new FieldProblem(field.isEmpty() ? "body" : field, "字段重复出现，只能出现一次");
		}
		return new FieldProblem("body", "无法解析：请求体须为有效的 JSON 对象（UTF-8）");
	}

	private static String path(JsonMappingException e) {
		return e.getPath().stream()
				.map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
				.collect(Collectors.joining(".")).replace(".[", "[");
	}

	/** {@code /reporter/name} → {@code reporter.name}, {@code /keywords/1} → {@code keywords[1]}. */
	private static String field(JsonPointer pointer) {
		StringBuilder field = new StringBuilder();
		for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
			if (p.mayMatchElement() && !p.mayMatchProperty()) {
				field.append('[').append(p.getMatchingIndex()).append(']');
			}
			else {
				field.append(field.isEmpty() ? "" : ".").append(p.getMatchingProperty());
			}
		}
		return field.toString();
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "请按接口说明填写";
		}
		if (type == String.class) {
			return "应为文本（带引号的字符串）";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "应为整数";
		}
		if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
			return "应为数字";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "应为 true 或 false";
		}
		if (type.isEnum()) {
			return "应为以下之一：" + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
					.collect(Collectors.joining("、"));
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "应为数组";
		}
		if (type.getName().startsWith("java.time.")) {
			return "应为日期或时间（ISO-8601，如 2026-12-01）";
		}
		return "应为 JSON 对象";
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
				.map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
				.toList();
		return ResponseEntity.badRequest().body(invalidProblem(problems));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
				.body(invalidProblem(List.of(new FieldProblem(e.getParameterName(), "必填的查询参数"))));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
		return ResponseEntity.badRequest().body(invalidProblem(List.of(new FieldProblem(field == null ? "path" : field,
				"类型不对：" + expected(e.getRequiredType())))));
	}

	/** The problems Spring MVC raises by itself (wrong method, media type, path), said in Chinese. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (e instanceof NoResourceFoundException && isPage(request)) {
			// an address a person typed or followed in a browser, outside the APIs: the page, not JSON
			return ResponseEntity.status(status).contentType(ErrorPages.HTML).body(ErrorPages.html(HttpStatus.NOT_FOUND));
		}
		if (body == null && e instanceof ErrorResponse response) {
			body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		if (body instanceof ProblemDetail problem && !(e instanceof ProblemException)) {
			problem.setTitle(TITLES.getOrDefault(status.value(), status.is5xxServerError() ? "内部错误" : "请求无效"));
			problem.setDetail(detail(e, status, request));
		}
		return super.handleExceptionInternal(e, body, headers, status, request);
	}

	/** A browser's request for a page: it accepts HTML, and the address is not one of the JSON APIs. */
	private static boolean isPage(WebRequest request) {
		if (!(request instanceof ServletWebRequest servlet)) {
			return false;
		}
		String path = servlet.getRequest().getRequestURI();
		String accept = servlet.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("text/html") && !path.startsWith("/engine-rest") && !path.contains("/api/");
	}

	private static String detail(Exception e, HttpStatusCode status, WebRequest request) {
		if (e instanceof HttpRequestMethodNotSupportedException method) {
			return "此地址不支持 " + method.getMethod() + " 请求" + (method.getSupportedHttpMethods() == null ? ""
					: "，可用：" + method.getSupportedHttpMethods().stream().map(HttpMethod::name)
							.collect(Collectors.joining("、")));
		}
		if (e instanceof HttpMediaTypeNotSupportedException media) {
			return "不支持内容类型 " + (media.getContentType() == null ? "（未指定）" : media.getContentType().toString())
					+ "，请求体须为 application/json（UTF-8）";
		}
		if (e instanceof HttpMediaTypeNotAcceptableException accept) {
			return "无法按 Accept 请求头要求的格式答复；此接口答复 "
					+ accept.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining("、"));
		}
		if (e instanceof NoResourceFoundException none) {
			// the whole address asked for: the resource path is relative to the handler that looked for it
			return "没有这个地址：" + (request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI()
					: "/" + none.getResourcePath());
		}
		if (e instanceof NoHandlerFoundException none) {
			return "没有这个地址：" + none.getRequestURL();
		}
		if (e instanceof MaxUploadSizeExceededException) {
			return "上传的文件过大";
		}
		return status.is5xxServerError() ? "服务器暂时无法处理，请稍后重试" : "请求无效";
	}

	/**
	 * A multipart body that cannot be parsed (a missing closing boundary, a part without a name): the client's
	 * error, also when Spring meets it while rendering another error of the webapps' engine API.
	 */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail badMultipart(MultipartException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"multipart 请求体无法解析：请检查边界（boundary）和各部分的 Content-Disposition");
		problem.setTitle("请求无效");
		return problem;
	}

	/**
	 * The engine refused the caller (a department's user opening a case, say): 403, not an unexpected error. The
	 * engine's own words name permissions in English; PropDesk's rules refuse in Chinese and are shown as written.
	 */
	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail refusedByTheEngine(AuthorizationException e) {
		String message = e.getMessage() == null ? "" : e.getMessage();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? message
						: "当前用户无权执行此操作（流程引擎的授权不允许）；请求未被受理");
		problem.setTitle("无权操作");
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		if (DatabaseUnavailable.causes(e)) {
			log.warn("No database connection for a PropDesk API request: {}", e.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
					.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
					.body(DatabaseUnavailable.problem());
		}
		log.error("Unexpected error in PropDesk API", e);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"服务器内部错误，请稍后重试；请求未被受理");
		problem.setTitle("内部错误");
		return ResponseEntity.internalServerError().body(problem);
	}

}
