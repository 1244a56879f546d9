package com.propdesk.inquiry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.core.io.ClassPathResource;

/**
 * The evaluation sets of inquiry matching ({@code src/test/resources/inquiry/}) and the figures the service standard
 * cares about. A line is {@code question<TAB>expected<TAB>kind}: the entry whose standard answer answers what is
 * asked (or {@code -}), and what kind of question it is. Sets written before kinds were recorded have two columns;
 * their questions count as {@code answer} or {@code other}.
 */
final class InquirySets {

	/** What kind of question a line is, as its writer labelled it. */
	enum Kind {
		/** An entry answers it. */
		ANSWER,
		/** A topic without an entry that shares words with one, or an entry's topic asked something it does not say: must decline. */
		NEAR,
		/** A request for the property to act (mediate, compensate, look up records, complain): must reach a person. */
		ACTION,
		/** Two different asks in one message; expected is the entry answering the first (main) one, or none. */
		TWO,
		/** Anything else no entry answers. */
		OTHER;

		static Kind of(String label) {
			return valueOf(label.strip().toUpperCase(java.util.Locale.ROOT));
		}
	}

	record Question(String text, String expected, Kind kind) {

		boolean answerable() {
			return !"-".equals(expected);
		}

	}

	/** What PropDesk did with a question: answered automatically with an entry (and told the desk the rest), or not. */
	record Outcome(boolean automatic, String code, boolean restToDesk) {

		static Outcome declined() {
			return new Outcome(false, null, false);
		}

	}

	static List<Question> read(String resource) throws IOException {
		String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
		return text.lines().filter(l -> !l.isBlank()).map(l -> l.split("\t")).map(cols -> {
			String expected = cols[1].strip();
			Kind kind = cols.length > 2 ? Kind.of(cols[2]) : "-".equals(expected) ? Kind.OTHER : Kind.ANSWER;
			return new Question(cols[0].strip(), expected, kind);
		}).toList();
	}

	/**
	 * The figures of one set. An automatic answer is right when it is the expected entry and, for a question with two
	 * asks, the desk is told the rest (never half-answered silently).
	 */
	record Figures(int questions, int answerable, int automatic, int right, int automaticOfAnswerable, int near,
			int nearDeclined, int actions, int actionsAnswered, int twoAsks, int twoAsksAnswered, List<String> wrong,
			List<String> missed) {

		double precision() {
			return automatic == 0 ? 1 : (double) right / automatic;
		}

		/** Of the questions an entry answers, the share answered automatically. */
		double share() {
			return answerable == 0 ? 0 : (double) automaticOfAnswerable / answerable;
		}

		/** Of the near misses, the share that declined. */
		double nearPrecision() {
			return near == 0 ? 1 : (double) nearDeclined / near;
		}

		void print(String name, boolean details) {
			System.out.printf("Inquiry matching, %s (%d questions, %d answerable, %d near misses, %d requests for action, %d with two asks):%n",
					name, questions, answerable, near, actions, twoAsks);
			System.out.printf("  precision of automatic answers:  %d/%d = %.1f%%%n", right, automatic, precision() * 100);
			System.out.printf("  near misses declined:            %d/%d = %.1f%%%n", nearDeclined, near, nearPrecision() * 100);
			System.out.printf("  answerable answered automatically: %d/%d = %.1f%%%n", automaticOfAnswerable, answerable, share() * 100);
			System.out.printf("  requests for action answered automatically: %d/%d%n", actionsAnswered, actions);
			System.out.printf("  two asks: main ask answered and the rest told the desk: %d/%d%n", twoAsksAnswered, twoAsks);
			if (details) {
				wrong.forEach(w -> System.out.println("  WRONG   " + w));
				missed.forEach(m -> System.out.println("  to desk " + m));
			}
		}

		/** One line for a table: precision, near misses declined, answerable answered, actions answered. */
		String row(String name) {
			return String.format("%-28s %4d  %3d/%-3d %5.1f%%  %3d/%-3d %5.1f%%  %3d/%-3d %5.1f%%  %d/%d", name, questions, right,
					automatic, precision() * 100, nearDeclined, near, nearPrecision() * 100, automaticOfAnswerable, answerable,
					share() * 100, actionsAnswered, actions);
		}

	}

	static Figures evaluate(List<Question> questions, Function<String, Outcome> propDesk) {
		int answerable = 0, automatic = 0, right = 0, automaticOfAnswerable = 0, near = 0, nearDeclined = 0, actions = 0,
				actionsAnswered = 0, twoAsks = 0, twoAsksAnswered = 0;
		List<String> wrong = new ArrayList<>();
		List<String> missed = new ArrayList<>();
		for (Question q : questions) {
			Outcome outcome = propDesk.apply(q.text());
			boolean rightAnswer = outcome.automatic() && outcome.code().equals(q.expected())
					&& (q.kind() != Kind.TWO || outcome.restToDesk());
			answerable += q.answerable() ? 1 : 0;
			near += q.kind() == Kind.NEAR ? 1 : 0;
			actions += q.kind() == Kind.ACTION ? 1 : 0;
			twoAsks += q.kind() == Kind.TWO ? 1 : 0;
			if (outcome.automatic()) {
				automatic++;
				automaticOfAnswerable += q.answerable() ? 1 : 0;
				actionsAnswered += q.kind() == Kind.ACTION ? 1 : 0;
				if (rightAnswer) {
					right++;
					twoAsksAnswered += q.kind() == Kind.TWO ? 1 : 0;
				}
				else {
					wrong.add(q.text() + " → " + outcome.code() + (outcome.restToDesk() ? " (+rest to desk)" : "") + " (expected "
							+ q.expected() + ", " + q.kind() + ")");
				}
			}
			else {
				nearDeclined += q.kind() == Kind.NEAR ? 1 : 0;
				if (q.answerable()) {
					missed.add(q.text() + " (expected " + q.expected() + ", " + q.kind() + ")");
				}
			}
		}
		return new Figures(questions.size(), answerable, automatic, right, automaticOfAnswerable, near, nearDeclined, actions,
				actionsAnswered, twoAsks, twoAsksAnswered, List.copyOf(wrong), List.copyOf(missed));
	}

	private InquirySets() {
	}

}
