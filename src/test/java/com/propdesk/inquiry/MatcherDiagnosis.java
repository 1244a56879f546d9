package com.propdesk.inquiry;

import org.junit.jupiter.api.Test;

class MatcherDiagnosis {

	@Test
	void print() throws Exception {
		InquiryProperties properties = new InquiryProperties(Double.valueOf(System.getProperty("above", "0.35")),
				Double.valueOf(System.getProperty("lead", "0.1")), null, null);
		KnowledgeMatcher matcher = InquiryMatchingEvaluation.demoMatcher(properties);
		boolean details = Boolean.getBoolean("details");
		for (String set : System.getProperty("sets", "near-development.tsv,near-development-2.tsv,development.tsv").split(",")) {
			java.util.List<InquirySets.Question> questions = InquirySets.read("inquiry/" + set);
			InquirySets.Figures f = InquirySets.evaluate(questions, q -> {
				KnowledgeMatcher.Match m = matcher.match(q);
				return m.confident() ? new InquirySets.Outcome(true, m.best().entry().code(), m.rest() != null) : InquirySets.Outcome.declined();
			});
			System.out.println("DIAG " + f.row(set));
			if (details) {
				for (InquirySets.Question q : questions) {
					KnowledgeMatcher.Match m = matcher.match(q.text());
					String best = m.best() == null ? "-" : m.best().entry().code();
					boolean ok = m.confident() ? best.equals(q.expected()) : !q.answerable();
					if (!ok) {
						System.out.printf("DIAG XX %-5s %-20s %-18s %s %.2f | %s | %s%n", q.kind(), q.expected(),
								m.confident() ? "AUTO " + best : "desk " + best, m.declined(), m.best() == null ? 0 : m.best().score(), m.rest(), q.text());
					}
				}
			}
		}
	}

}
