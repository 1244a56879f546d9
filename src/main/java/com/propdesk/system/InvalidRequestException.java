package com.propdesk.system;

import java.util.List;

/** A request that is invalid in one or more fields; answered 400 and nothing is changed. */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidRequestException(List<FieldProblem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	public static String describe(List<FieldProblem> problems) {
		return String.join("；", problems.stream().map(p -> p.field() + "：" + p.message()).toList());
	}

}
