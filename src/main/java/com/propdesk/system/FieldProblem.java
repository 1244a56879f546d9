package com.propdesk.system;

/** One bad field of a request: its path in the request body ({@code reporter.phone}) and what is wrong. */
public record FieldProblem(String field, String message) {
}
