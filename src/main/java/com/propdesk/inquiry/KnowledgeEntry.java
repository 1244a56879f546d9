package com.propdesk.inquiry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One version of a knowledge-base entry: a common question and the company's standard answer to it. */
public record KnowledgeEntry(String code, int version, String category, String department, String question,
		String answer, List<String> keywords, LocalDate validFrom, LocalDate validTo, String changedBy,
		String changeNote, OffsetDateTime createdAt) {

	public boolean validOn(LocalDate day) {
		return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
	}

}
