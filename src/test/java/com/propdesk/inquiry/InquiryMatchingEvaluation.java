package com.propdesk.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import com.propdesk.PropDeskTest;

/**
 * How well inquiries are answered automatically. Each question goes through what the process does —
 * the triage table, then the matcher — and the test prints the two figures the service standard cares
 * about: the precision of automatic answers (a wrong one is worse than none) and the share answered
 * automatically.
 * <ul>
 * <li>{@code held-out.tsv}: 90 questions written as residents ask them (everyday wording, typos, emoji;
 * disputes, fault reports and other topics sharing words with entries) by someone who saw only the
 * entries' standard questions and reported only how many there are. It was first run after everything
 * else was settled, and twice more for the topic rule a unit test showed was missing (README); only its
 * figures were ever seen. Both targets are asserted on it.</li>
 * <li>{@code validation-1.tsv} (94) and {@code validation-2.tsv} (87): earlier sets of the same kind; only
 * their figures were seen, after each round of changes, so they steered the choice of scoring and of the
 * shipped wordings.</li>
 * <li>{@code development.tsv}: the first set (83 questions); its author's summary named some of its words
 * before the synonym list was written and its misses were read to choose keywords and the scoring, so
 * its figures are printed for comparison only, with the questions it gets wrong.</li>
 * </ul>
 */
@PropDeskTest
class InquiryMatchingEvaluation {

	static final String HELD_OUT = "inquiry/held-out.tsv";

	static final String VALIDATION_1 = "inquiry/validation-1.tsv";

	static final String VALIDATION_2 = "inquiry/validation-2.tsv";

	static final String DEVELOPMENT = "inquiry/development.tsv";

	@Autowired
	DecisionService decisionService;

	@Autowired
	InquiryProperties properties;

	/** The demo knowledge base as shipped: other tests add entries to the shared database. */
	KnowledgeMatcher matcher;

	@BeforeEach
	void demoKnowledgeBase() {
		matcher = new KnowledgeMatcher(new KnowledgeMatcher.Source() {

			@Override
			public String revision() {
				return "demo";
			}

			@Override
			public List<KnowledgeEntry> answerable() {
				return KnowledgeMatcherTests.DEMO;
			}

			@Override
			public Map<String, List<String>> phrasings() {
				return KnowledgeMatcherTests.DEMO_PHRASINGS;
			}

		}, properties);
	}

	record Question(String text, String expected) {
	}

	record Figures(int questions, int automatic, int right, List<String> wrong, List<String> missed) {

		double precision() {
			return automatic == 0 ? 0 : (double) right / automatic;
		}

		double share() {
			return (double) automatic / questions;
		}

		/** The figures; the questions themselves only for the development set, so the held-out set stays unseen. */
		void print(String name, boolean details) {
			System.out.printf("Inquiry matching, %s (%d questions):%n", name, questions);
			System.out.printf("  precision of automatic answers: %d/%d = %.1f%%%n", right, automatic, precision() * 100);
			System.out.printf("  answered automatically:         %d/%d = %.1f%%%n", automatic, questions, share() * 100);
			if (details) {
				wrong.forEach(w -> System.out.println("  WRONG   " + w));
				missed.forEach(m -> System.out.println("  to desk " + m));
			}
		}

	}

	@Test
	void automaticAnswersAreRightAtLeast95PercentOfTheTimeAndCoverAtLeast60PercentOfQuestions() throws IOException {
		Figures development = evaluate(read(DEVELOPMENT));
		development.print("development set (influenced the synonyms; for comparison)", true);
		evaluate(read(VALIDATION_1)).print("validation set 1 (only its figures were seen)", false);
		evaluate(read(VALIDATION_2)).print("validation set 2 (only its figures were seen)", false);
		Figures heldOut = evaluate(read(HELD_OUT));
		heldOut.print("held-out set", false);

		assertThat(heldOut.questions()).isGreaterThanOrEqualTo(60);
		// the target that matters most, met: a wrong automatic answer is worse than none
		assertThat(heldOut.precision()).as("precision of automatic answers").isGreaterThanOrEqualTo(0.95);
		assertThat(heldOut.share()).as("share answered automatically").isGreaterThanOrEqualTo(0.60);
	}

	private Figures evaluate(List<Question> questions) {
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
				missed.add(q.text() + " → " + route + " " + match.candidates().stream().limit(2)
						.map(c -> c.entry().code() + String.format(" %.2f/%d", c.score(), c.sharedTerms())).toList());
			}
		}
		return new Figures(questions.size(), automatic, right, wrong, missed);
	}

	static List<Question> read(String resource) throws IOException {
		String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
		return text.lines().filter(l -> !l.isBlank()).map(l -> l.split("\t"))
				.map(cols -> new Question(cols[0].strip(), cols[1].strip())).toList();
	}

}
