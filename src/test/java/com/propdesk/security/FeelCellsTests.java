package com.propdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.propdesk.security.FeelCells.Kind;

/** The FEEL a decision table's cells may hold: what routing and targets need, and nothing that runs long or large. */
class FeelCellsTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "-", "\"P1\"", "\"plumbing\",\"electrical\",\"door-access\"", "true", "< 3", ">= 2.5",
			"!= \"P4\"", "[1..5]", "(1..5]", "not(\"P1\", \"P2\")", "contains(?, \"停水\") or contains(?, \"没水\")",
			"starts with(?, \"3-\") and not(ends with(?, \"01\"))", "(contains(?, \"a\") or contains(?, \"b\")) and contains(?, \"c\")",
			"contains(?, \"说\\\"漏水\\\"\")" })
	void conditionsRoutingNeedsAreAllowed(String cell) {
		assertThat(FeelCells.problem(Kind.CONDITION, cell)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "count(for i in 1..100000000 return i) > 0", "for i in 1..100000000 return i",
			"some x in [1..100000000] satisfies x > 0", "matches(?, \"(a+)+$\")", "string length(?) > 3",
			"date and time(\"2026-11-30T00:00:00\")", "? > 3", "contains(description, \"a\")", "contains(?, ?)",
			"function(x) x", "if true then 1 else 2", "\"a\" + \"b\"", "contains(?, \"a\") or", "not(",
			"list contains([1,2], ?)", "@\"P1D\"", "x" })
	void anythingElseInAConditionIsRefused(String cell) {
		assertThat(FeelCells.problem(Kind.CONDITION, cell)).isEqualTo(FeelCells.HINT_CONDITION);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"PT10M\"", "\"duty-officer\"", "3", "-1.5", "true", "null", "" })
	void aResultIsOneValue(String cell) {
		assertThat(FeelCells.problem(Kind.RESULT, cell)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "string(count(for i in 1..100000000 return i))", "\"PT\" + \"10M\"", "duration(\"PT10M\")",
			"priority", "[1..100000000]", "\"a\", \"b\"" })
	void aResultThatComputesIsRefused(String cell) {
		assertThat(FeelCells.problem(Kind.RESULT, cell)).isEqualTo(FeelCells.HINT_RESULT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "priority", "caseType", "triage.category" })
	void aColumnReadsAVariable(String cell) {
		assertThat(FeelCells.problem(Kind.COLUMN, cell)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "caseNo.class", "count(for i in 1..100000000 return i)", "string(priority)", "for", "\"P1\"" })
	void aColumnThatComputesIsRefused(String cell) {
		assertThat(FeelCells.problem(Kind.COLUMN, cell)).isEqualTo(FeelCells.HINT_COLUMN);
	}


	@ParameterizedTest
	@ValueSource(strings = { "building = null or building = \"\"", "(category = null or category = \"\") and (notes = null)",
			"(drill != true) and (ackNote = null or ackNote = \"\")", "accepted != false", "not(score > 2)" })
	void aFormHidesFieldsByComparingVariablesWithValues(String condition) {
		assertThat(FeelCells.problem(Kind.FORM_CONDITION, condition)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "count(for i in 1..100000000 return i) > 0", "string length(note) > 3", "a + 1 > 2",
			"some x in [1..100000000] satisfies x > 0", "is defined(note)" })
	void aFormConditionThatComputesIsRefused(String condition) {
		assertThat(FeelCells.problem(Kind.FORM_CONDITION, condition)).isEqualTo(FeelCells.HINT_FORM_CONDITION);
	}

}
