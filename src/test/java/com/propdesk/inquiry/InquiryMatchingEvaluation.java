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
 * <li>{@code held-out.tsv}: 87 questions written as residents ask them (colloquial, typos, other words;
 * disputes, fault reports and other topics sharing words with entries) by someone who saw only the
 * entries' standard questions and reported only how many there are. It was run once, after everything
 * else was settled; the precision target is asserted on it and the share is printed.</li>
 * <li>{@code validation.tsv}: an earlier set of the same kind (94 questions); only its two figures were
 * seen, after each of three rounds of changes, so it steered the choice of the scoring a little.</li>
 * <li>{@code development.tsv}: the first set (83 questions); its author's summary named some of its
 * words before the synonym list was written and its misses were read to choose keywords and the
 * scoring, so its figures are printed for comparison only, with the questions it gets wrong.</li>
 * </ul>
 */
@PropDeskTest
class InquiryMatchingEvaluation {

	static final String HELD_OUT = "inquiry/held-out.tsv";

	static final String VALIDATION = "inquiry/validation.tsv";

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
	void automaticAnswersAreRightAtLeast95PercentOfTheTimeAndTheShareAnsweredIsPrinted() throws IOException {
		Figures development = evaluate(read(DEVELOPMENT));
		development.print("development set (influenced the synonyms; for comparison)", true);
		evaluate(read(VALIDATION)).print("validation set (only its figures were ever seen)", false);
		Figures heldOut = evaluate(read(HELD_OUT));
		heldOut.print("held-out set", false);

		assertThat(heldOut.questions()).isGreaterThanOrEqualTo(60);
		// the target that matters most, met: a wrong automatic answer is worse than none
		assertThat(heldOut.precision()).as("precision of automatic answers").isGreaterThanOrEqualTo(0.95);
		// the target for the share is 60 %; the held-out set gets 56 % (README): this floor only keeps
		// a change from making it worse unnoticed
		assertThat(heldOut.share()).as("share answered automatically (target 60 %, not met yet)").isGreaterThanOrEqualTo(0.50);
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
