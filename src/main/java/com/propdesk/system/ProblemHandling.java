package com.propdesk.system;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Every error of PropDesk's own API as {@code application/problem+json}; never a stack trace to a client. */
@RestControllerAdvice(basePackages = "com.propdesk")
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

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
		// a value of the wrong type (a date that is not a date) names its field, as other bad fields do
		if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath().stream()
					.map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
					.collect(Collectors.joining(".")).replace(".[", "[");
			return ResponseEntity.badRequest().body(invalidProblem(List.of(new FieldProblem(field, "格式或类型不对"))));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"请求体不是有效的 JSON，或字段类型不对");
		problem.setTitle("请求无效");
		problem.setProperty("errors", List.of(new FieldProblem("body", "无法解析")));
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
				.map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
				.toList();
		return ResponseEntity.badRequest().body(invalidProblem(problems));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected error in PropDesk API", e);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"服务器内部错误，请稍后重试；请求未被受理");
		problem.setTitle("内部错误");
		return problem;
	}

}
