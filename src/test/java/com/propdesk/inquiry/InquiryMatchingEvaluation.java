package com.propdesk.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import com.propdesk.PropDeskTest;

/**
 * The held-out evaluation: questions written as owners ask them (colloquial, typos, other words),
 * by someone who saw only the entries' standard questions, and never used to tune entries,
 * synonyms or thresholds. Each goes through what the process does — the triage table, then the
 * matcher — and the test prints the two figures the service standard cares about: the precision of
 * automatic answers (a wrong one is worse than none) and the share answered automatically.
 */
@PropDeskTest
class InquiryMatchingEvaluation {

	static final String HELD_OUT = "inquiry/held-out.tsv";

	@Autowired
	DecisionService decisionService;

	@Autowired
	KnowledgeMatcher matcher;

	record Question(String text, String expected) {
	}

	@Test
	void automaticAnswersAreRightAtLeast95PercentOfTheTimeAndCoverAtLeast60PercentOfQuestions() throws IOException {
		List<Question> questions = heldOut();
		int automatic = 0;
		int right = 0;
		List<String> wrong = new ArrayList<>();
		List<String> missed = new ArrayList<>();
		for (Question q : questions) {
			String route = (String) decisionService.evaluateDecisionByKey(InquiryProcess.TRIAGE_DECISION)
					.variables(Map.of("description", q.text())).evaluate().getSingleResult().getEntry("route");
			KnowledgeMatcher.Match match = matcher.match(q.text());
			boolean auto = "knowledge".equals(route) && match.confident();
			if (auto) {
				automatic++;
				if (match.best().entry().code().equals(q.expected())) {
					right++;
				}
				else {
					wrong.add(q.text() + " → " + match.best().entry().code() + " (expected " + q.expected() + ")");
				}
			}
			else if (!"-".equals(q.expected())) {
				missed.add(q.text() + " → " + route + " " + (match.best() == null ? "-"
						: match.best().entry().code() + String.format(" %.2f", match.best().score())));
			}
		}
		double precision = automatic == 0 ? 0 : (double) right / automatic;
		double share = (double) automatic / questions.size();
		System.out.printf("Inquiry matching on %d held-out questions (%d without an answering entry):%n", questions.size(),
				questions.stream().filter(q -> "-".equals(q.expected())).count());
		System.out.printf("  precision of automatic answers: %d/%d = %.1f%%%n", right, automatic, precision * 100);
		System.out.printf("  answered automatically:         %d/%d = %.1f%%%n", automatic, questions.size(), share * 100);
		wrong.forEach(w -> System.out.println("  WRONG  " + w));
		missed.forEach(m -> System.out.println("  to desk " + m));
		assertThat(questions).hasSizeGreaterThanOrEqualTo(60);
		assertThat(precision).as("precision of automatic answers").isGreaterThanOrEqualTo(0.95);
		assertThat(share).as("share answered automatically").isGreaterThanOrEqualTo(0.60);
	}

	static List<Question> heldOut() throws IOException {
		String text = new ClassPathResource(HELD_OUT).getContentAsString(StandardCharsets.UTF_8);
		return text.lines().filter(l -> !l.isBlank()).map(l -> l.split("\t"))
				.map(cols -> new Question(cols[0].strip(), cols[1].strip())).toList();
	}

}
