package com.propdesk.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refusal with a status and a Chinese explanation for the caller, answered as problem+json. */
public class ProblemException extends ErrorResponseException {

	public ProblemException(HttpStatus status, String title, String detail) {
		super(status, problem(status, title, detail), null);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	public static ProblemException notFound(String detail) {
		return new ProblemException(HttpStatus.NOT_FOUND, "未找到", detail);
	}

	public static ProblemException forbidden(String detail) {
		return new ProblemException(HttpStatus.FORBIDDEN, "无权访问", detail);
	}

	public static ProblemException conflict(String detail) {
		return new ProblemException(HttpStatus.CONFLICT, "状态冲突", detail);
	}

}
