package com.propdesk.inquiry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;

/**
 * Finds the knowledge-base entries that answer an owner's question. Each entry is described by its
 * question and keywords, turned into {@link QuestionTerms}; terms are weighted by how rare they are
 * among the entries (inverse document frequency). A question's score for an entry is the geometric
 * mean of two measures: the cosine of the weighted term vectors (how alike they are as a whole) and
 * the share of the question's weight the entry has (how much of what the owner asks it covers — the
 * cosine alone punishes entries with many keywords, the coverage alone favours them). Terms of the
 * question no entry knows count at half weight: a question that says much the knowledge base does
 * not know is not confidently answered by it.
 * <p>
 * Answering automatically needs more than likeness: the entry must answer <em>what is asked</em> ({@link Asks}: the
 * kind of ask, cost, time, place, may-I …, must be one a wording of the entry asks) and be about what is asked (the
 * topics of one of its wordings are in the question, and the nouns of the asking clauses, read by
 * {@link ContentWords}, are mostly the entry's). Of the best few, only entries that answer compete, and the first must
 * score high enough and lead the next (see {@link InquiryProperties}). A message with two asks is answered when one
 * entry answers both; else the main one is, and the rest is told to the desk ({@link Match#rest()}). A wrong automatic
 * answer is worse than none: when in doubt the desk gets the question with candidates and the reason.
 */
@Service
public class KnowledgeMatcher {

	/**
	 * An entry, how well it matches (0 to 1), how many terms it shares with the question, whether they share its topic
	 * (a concept of the synonym list, when the wording has one), and whether its best-matching wording names no topic
	 * (a wording the desk confirmed, "水池什么时候放水": then the question need not name the entry's topic either).
	 */
	public record Candidate(KnowledgeEntry entry, double score, int sharedTerms, boolean sameTopic, boolean byTopiclessWording) {

		public Candidate(KnowledgeEntry entry, double score, int sharedTerms, boolean sameTopic) {
			this(entry, score, sharedTerms, sameTopic, false);
		}

	}

	/**
	 * An automatic answer needs the question and the entry to share at least this many terms: one word
	 * in common (燃气 in "家里有燃气味") is a topic, not an answer. It also needs them to share the entry's
	 * topic: "晚上几点以后" in common does not make a question about the east gate one about rubbish.
	 */
	static final int MIN_SHARED_TERMS = 2;

	/**
	 * Less than this share of what the ask is about (its topics and the asking clauses' words) may be unknown to the
	 * entry; more means the owner asks about something the entry does not speak of.
	 */
	static final double MAX_UNKNOWN = 0.4;

	/** How much more a word counts against an entry when the knowledge base knows it from another entry (停车费 asked of the invoice entry). */
	static final double ELSEWHERE = 1.5;

	/** How much a topic of a telling clause that the entry does not know counts against it. */
	static final double TOLD = 0.5;

	/** Verbs that name the deal asked about; an entry that never says them is about another deal. */
	private static final List<String> DEALS = List.of("买", "卖", "租", "借");

	/**
	 * The best candidates, best first, and whether the best may be sent without a person looking; {@code rest} is
	 * what the question asks besides what the best entry answers (a second ask), for the desk, or {@code null}.
	 */
	public record Match(List<Candidate> candidates, boolean confident, String rest, String declined) {

		Match(List<Candidate> candidates, boolean confident, String rest) {
			this(candidates, confident, rest, null);
		}

		public Candidate best() {
			return candidates.isEmpty() ? null : candidates.get(0);
		}

	}

	private static final String SYNONYMS = "knowledge/synonyms.txt";

	/** The weight of a question's term that no entry has, relative to a term found in one entry. */
	private static final double UNKNOWN = 0.5;

	/** Where the entries come from: the matcher rebuilds its index whenever the revision changes. */
	interface Source {

		String revision();

		List<KnowledgeEntry> answerable();

		/** Other ways owners asked for an entry, confirmed by the desk choosing it: entry code → questions. */
		default Map<String, List<String>> phrasings() {
			return Map.of();
		}

	}

	private final Source source;

	private final InquiryProperties properties;

	private final QuestionTerms questionTerms = QuestionTerms.fromResource(SYNONYMS);

	/** How a text becomes terms; {@link #read} unless a comparison of readers replaces it. */
	private final Function<String, List<QuestionTerms.Term>> terms = this::read;

	private volatile Index index;

	KnowledgeMatcher(Source source, InquiryProperties properties) {
		this.source = source;
		this.properties = properties;
		ContentWords.know(questionTerms.words());
	}

	/** A text's terms: {@link QuestionTerms} with the synonym list (another reader only to compare readers). */
	List<QuestionTerms.Term> read(String text) {
		return questionTerms.terms(text);
	}

	public Match match(String question) {
		return match(question, properties.candidates());
	}

	public Match match(String question, int limit) {
		Index current = index();
		List<Candidate> whole = rank(current, question);
		List<Asks.Ask> asks = Asks.of(question, clause -> Set.copyOf(subjects(terms.apply(clause))));
		if (asks.size() <= 1) {
			Decision decision = decide(current, whole, asks.isEmpty() ? null : asks.get(0), question);
			boolean confident = decision.declined() == null;
			List<Asks.Clause> rest = confident && !asks.isEmpty() ? unanswered(current, decision.ranked().get(0), asks.get(0)) : List.of();
			return new Match(top(decision.ranked(), limit), confident, rest.isEmpty() ? null : Asks.wording(question, rest),
					decision.declined());
		}
		// more than one ask: answered at once when the best entry for the whole question answers each of them
		if (scoreDeclined(whole) == null) {
			String code = whole.get(0).entry().code();
			if (asks.stream().allMatch(a -> askDeclined(current, code, whole.get(0).byTopiclessWording(), a, reading(a, a.text())) == null
					&& nearTheBest(current, code, a.text()))) {
				return new Match(top(whole, limit), true, null, null);
			}
		}
		// else the main one must be answered on its own; the others go to the desk unless the same entry answers them
		Asks.Ask main = asks.get(0);
		Decision decision = decide(current, rank(current, main.text()), main, main.text());
		if (decision.declined() != null) {
			return new Match(top(whole, limit), false, null, decision.declined());
		}
		List<Candidate> ranked = decision.ranked();
		String code = ranked.get(0).entry().code();
		List<Asks.Clause> unanswered = unanswered(current, ranked.get(0), main);
		Set<String> rest = new java.util.LinkedHashSet<>();
		if (!unanswered.isEmpty()) {
			rest.add(Asks.wording(question, unanswered));
		}
		for (Asks.Ask other : asks.subList(1, asks.size())) {
			if (!Asks.saysSomething(other.text())) {
				continue;
			}
			List<Candidate> otherRanked = rank(current, other.text());
			boolean same = !otherRanked.isEmpty() && otherRanked.get(0).entry().code().equals(code)
					&& declined(current, otherRanked, other, other.text()) == null;
			if (!same) {
				rest.add(Asks.wording(question, other.clauses()));
			}
		}
		return new Match(top(ranked, limit), true, rest.isEmpty() ? null : Asks.joined(rest));
	}

	/**
	 * The asking clauses of an ask the entry answering it does not answer on their own: "遛狗要拴绳吗，小区能养大狗吗"
	 * answered with the walking rules leaves the second for the desk. Only where the ask has more than one.
	 */
	private List<Asks.Clause> unanswered(Index current, Candidate best, Asks.Ask ask) {
		List<Asks.Clause> asking = ask.clauses().stream().filter(Asks.Clause::asks).toList();
		if (asking.size() < 2) {
			return List.of();
		}
		Facts facts = current.facts().get(best.entry().code());
		return asking.stream().filter(c -> {
			Asks.Ask alone = new Asks.Ask(List.of(c));
			// beside another ask, how to do something is asked too: "物业费多少钱一平？怎么交" asks the price and how to pay
			if (c.kinds().stream().anyMatch(k -> k != Asks.Kind.WHAT && !facts.kinds().contains(k))) {
				return true;
			}
			// a clause that names nothing of its own ("能退吗") asks about what the others name
			Reading reading = reading(alone, c.text());
			boolean names = !reading.nouns().isEmpty() || !reading.topics().isEmpty();
			return names && about(current, best.entry().code(), true, reading) != null;
		}).toList();
	}

	/** How alike a question must be to an entry the desk chose for it before it becomes one of the entry's wordings. */
	static final double LEARN_ABOVE = 0.2;

	/**
	 * Whether the desk's choice of this entry for this question may teach the entry a new wording: not when the entry
	 * is far from the question (a 4 % candidate chosen by mistake would answer every later owner asking so).
	 */
	boolean mayLearn(String code, String question) {
		return rank(index(), question).stream()
				.anyMatch(c -> c.entry().code().equals(code) && c.score() >= LEARN_ABOVE && c.sharedTerms() >= MIN_SHARED_TERMS);
	}

	/** Whether the entry is the best for this text, or as good as the best (within the lead the best needs). */
	private boolean nearTheBest(Index current, String code, String text) {
		List<Candidate> ranked = rank(current, text);
		double score = ranked.stream().filter(c -> c.entry().code().equals(code)).mapToDouble(Candidate::score).findFirst().orElse(0);
		return !ranked.isEmpty() && ranked.get(0).score() - score < properties.leadBy();
	}

	/** The entries that share terms with a text, best first; an entry scores as its best-matching wording. */
	private List<Candidate> rank(Index current, String text) {
		Map<String, Double> query = current.weigh(terms.apply(text));
		double queryNorm = norm(query.values());
		Map<String, Candidate> best = new HashMap<>();
		if (queryNorm > 0) {
			for (Document document : current.documents()) {
				double dot = 0;
				double covered = 0;
				int shared = 0;
				for (Map.Entry<String, Double> term : query.entrySet()) {
					Double weight = document.weights().get(term.getKey());
					if (weight != null) {
						dot += weight * term.getValue();
						covered += term.getValue() * term.getValue();
						shared++;
					}
				}
				if (dot > 0) {
					double cosine = dot / (queryNorm * document.norm());
					double coverage = covered / (queryNorm * queryNorm);
					boolean sameTopic = document.topics().isEmpty() || query.keySet().stream().anyMatch(document.topics()::contains);
					Candidate candidate = new Candidate(document.entry(), Math.sqrt(cosine * coverage), shared, sameTopic,
							document.topics().isEmpty());
					best.merge(document.entry().code(), candidate, (a, b) -> a.score() >= b.score() ? a : b);
				}
			}
		}
		List<Candidate> candidates = new ArrayList<>(best.values());
		candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
		return candidates;
	}

	private static List<Candidate> top(List<Candidate> candidates, int limit) {
		return List.copyOf(candidates.subList(0, Math.min(limit, candidates.size())));
	}

	/** Whether the best entry may answer, and the candidates with the one that may first. */
	private record Decision(String declined, List<Candidate> ranked) {
	}

	/**
	 * Decides on a ranking. An entry that does not answer what is asked is no candidate for answering, however alike
	 * ("物业费怎么交" is as alike to the invoice entry as to the payment one, but asks nothing about 发票): of the best
	 * few, those that answer are ranked on their own, the first must score high enough and lead the next that answers.
	 */
	private Decision decide(Index current, List<Candidate> ranked, Asks.Ask ask, String text) {
		if (ask == null || ranked.isEmpty()) {
			return new Decision(scoreDeclined(ranked), ranked);
		}
		// what the ask is about is read once and weighed against each of the few
		Reading reading = reading(ask, text);
		List<Candidate> answering = ranked.stream().limit(RIVALS)
				.filter(c -> askDeclined(current, c.entry().code(), c.byTopiclessWording(), ask, reading) == null).toList();
		if (answering.isEmpty()) {
			String declined = scoreDeclined(ranked);
			declined = declined != null ? declined
					: askDeclined(current, ranked.get(0).entry().code(), ranked.get(0).byTopiclessWording(), ask, reading);
			// the desk sees first the entries about what is asked: "物业费交哪" is as alike to the invoice entry, which
			// is about 发票, as to the payment one
			List<Candidate> aboutFirst = new ArrayList<>();
			List<Candidate> others = new ArrayList<>();
			for (int i = 0; i < ranked.size(); i++) {
				Candidate c = ranked.get(i);
				boolean about = i < RIVALS && about(current, c.entry().code(), c.byTopiclessWording(), reading) == null;
				(about ? aboutFirst : others).add(c);
			}
			aboutFirst.addAll(others);
			return new Decision(declined, aboutFirst);
		}
		String declined = scoreDeclined(answering);
		if (declined != null) {
			return new Decision(declined, ranked);
		}
		List<Candidate> reordered = new ArrayList<>(ranked);
		reordered.remove(answering.get(0));
		reordered.add(0, answering.get(0));
		return new Decision(null, reordered);
	}

	/** How many of the best-ranked entries are weighed for answering what is asked. */
	private static final int RIVALS = 5;

	private String declined(Index current, List<Candidate> ranked, Asks.Ask ask, String text) {
		return decide(current, ranked, ask, text).declined();
	}

	private static final String LEAD = "有两个条目同样接近";

	/** Why the best entry is not alike enough, or clearly enough the best, to answer; {@code null} when it is. */
	private String scoreDeclined(List<Candidate> ranked) {
		if (ranked.isEmpty()) {
			return "知识库没有相关条目";
		}
		Candidate best = ranked.get(0);
		if (best.score() < properties.answerAbove()) {
			return "与最接近的条目相似度不足";
		}
		if (best.sharedTerms() < MIN_SHARED_TERMS) {
			return "与条目相同的词太少";
		}
		if (!best.sameTopic()) {
			return "没有问到条目的话题";
		}
		if (ranked.size() > 1 && best.score() - ranked.get(1).score() < properties.leadBy()) {
			return LEAD;
		}
		return null;
	}

	/** Why the entry does not answer what this ask asks, or {@code null} when it does. */
	private String askDeclined(Index current, String code, boolean byTopiclessWording, Asks.Ask ask, Reading reading) {
		Facts facts = current.facts().get(code);
		for (Asks.Kind kind : ask.kinds()) {
			if (kind.specific() && !facts.kinds().contains(kind)) {
				return "问的是" + kind.label() + "，条目没有说";
			}
		}
		String about = about(current, code, byTopiclessWording, reading);
		return about == null ? null : about.isEmpty() ? "没有说要问什么" : "?".equals(about) ? "问题的大部分内容条目没有提到"
				: about.startsWith("!") ? "没有问到条目的话题「" + about.substring(1) + "」" : "问到「" + about + "」，条目没有提到";
	}

	/**
	 * What an ask is about, read once: the terms of the text it is judged by, the text and terms of its asking clauses
	 * (the whole text when none asks), the topics of all its clauses that are not question words, the nouns of the
	 * asking clauses, those of them that fold into no topic, and, when it asks whether one may, what one would do.
	 */
	private record Reading(Set<String> asked, String asking, Set<String> askingTerms, List<String> topics, List<String> nouns,
			List<String> plainNouns, List<String> actions) {
	}

	private Reading reading(Asks.Ask ask, String text) {
		Set<String> asked = new java.util.HashSet<>();
		terms.apply(text).forEach(t -> asked.add(t.text()));
		String asking = ask.askingText().isEmpty() ? text : ask.askingText();
		Set<String> askingTerms = new java.util.HashSet<>();
		terms.apply(asking).forEach(t -> askingTerms.add(t.text()));
		String about = Asks.withoutQuestionWords(asking);
		List<String> nouns = ContentWords.of(about);
		if (nouns.isEmpty() && subjects(terms.apply(asking)).isEmpty()) {
			// an ask that names nothing ("小区让他们骑进来吗") asks about what the clauses before it tell ("外卖骑手骑电动车")
			about = Asks.withoutQuestionWords(ask.text());
			nouns = ContentWords.of(about);
			terms.apply(ask.text()).forEach(t -> askingTerms.add(t.text()));
		}
		List<String> plainNouns = nouns.stream()
				.filter(word -> terms.apply(word).stream().noneMatch(t -> QuestionTerms.isConcept(t.text()))).toList();
		List<String> actions = ask.kinds().contains(Asks.Kind.CAN) ? ContentWords.actions(about) : List.of();
		return new Reading(asked, asking, askingTerms, subjects(terms.apply(ask.text())), nouns, plainNouns, actions);
	}

	/**
	 * Why the entry does not speak of what the ask is about, or {@code null} when it does: the ask names a topic of
	 * the synonym list the entry does not know, or a word the knowledge base knows from another entry only, or too
	 * many words nobody knows, or it asks whether one may do what the entry never speaks of.
	 */
	private String about(Index current, String code, boolean byTopiclessWording, Reading reading) {
		Facts facts = current.facts().get(code);
		// the entry's topic must be asked about: all the topics of one of its wordings (养狗 + 登记, not 狗 alone) —
		// unless the question is closest to a wording without a topic word, which the desk confirmed ("水池什么时候放水")
		if (!byTopiclessWording && !facts.topics().isEmpty() && facts.topics().stream().noneMatch(reading.asked()::containsAll)) {
			Set<String> missing = new java.util.TreeSet<>(facts.topics().get(0));
			missing.removeAll(reading.asked());
			return missing.isEmpty() ? "?" : "!" + missing.iterator().next().substring(1);
		}
		double known = 0;
		double other = 0;
		String named = null;
		// the topics of every clause, telling ones too ("我是租户，能办月卡吗" asks about a tenant's card), those of the
		// asking clauses counting fully
		for (String topic : reading.topics()) {
			if (facts.terms().contains(topic)) {
				known += 1;
			}
			else {
				other += reading.askingTerms().contains(topic) ? ELSEWHERE : TOLD;
				named = named == null ? topic.substring(1) : named;
			}
		}
		for (String deal : DEALS) {
			if (reading.asking().contains(deal) && !facts.text().contains(deal)) {
				// buying is not renting: 车位卖不卖 is not asked of the monthly-rent entry
				other += ELSEWHERE;
				named = named == null ? deal : named;
			}
		}
		// whether one may do something asks about that doing: an entry that never says it (升级, 邮寄, 挂牌) does not answer
		for (String action : reading.actions()) {
			if (!facts.text().contains(action)) {
				return action;
			}
			known += 1;
		}
		for (String word : reading.plainNouns()) {
			if (facts.text().contains(word)) {
				known += 1;
			}
			else if (current.facts().values().stream().anyMatch(f -> f.text().contains(word))) {
				other += ELSEWHERE;
				named = named == null ? word : named;
			}
			else {
				other += 1;
			}
		}
		if (known == 0) {
			return "";
		}
		return other / (known + other) >= MAX_UNKNOWN ? named == null ? "?" : named : null;
	}

	/** The topics among terms that say what about, not what is asked (多少钱, 手续, 交 are asking), in their order. */
	private static List<String> subjects(List<QuestionTerms.Term> terms) {
		return terms.stream().map(QuestionTerms.Term::text).filter(QuestionTerms::isConcept)
				.filter(t -> !ASKING_TOPICS.contains(t)).toList();
	}

	/**
	 * The questions as term vectors weighted like the entries', for comparing questions with each other
	 * (grouping unanswered ones) with {@link #similarity}.
	 */
	List<Map<String, Double>> vectors(List<String> questions) {
		Index current = index();
		return questions.stream().map(q -> current.weigh(terms.apply(q))).toList();
	}

	/** How alike two questions' vectors are, 0 to 1. */
	static double similarity(Map<String, Double> x, Map<String, Double> y) {
		double dot = 0;
		for (Map.Entry<String, Double> term : x.entrySet()) {
			dot += term.getValue() * y.getOrDefault(term.getKey(), 0.0);
		}
		double norms = norm(x.values()) * norm(y.values());
		return norms == 0 ? 0 : dot / norms;
	}

	private Index index() {
		String now = source.revision();
		Index current = index;
		if (current == null || !current.revision().equals(now)) {
			current = Index.of(now, source.answerable(), source.phrasings(), terms);
			index = current;
		}
		return current;
	}

	private record Document(KnowledgeEntry entry, Map<String, Double> weights, double norm, Set<String> topics) {
	}

	/** What an entry knows over all its wordings: its terms, and the kinds of ask its wordings ask. */
	private record Facts(Set<String> terms, Set<Asks.Kind> kinds, String text, List<Set<String>> topics) {
	}

	/** Topics of the synonym list that say what is asked rather than what about (多少钱, 手续, 几点上班, 交). */
	private static final Set<String> ASKING_TOPICS = Set.of("#收费标准", "#手续", "#营业时间", "#缴费");

	private record Index(String revision, List<Document> documents, Map<String, Double> idf, double unknownIdf,
			Map<String, Facts> facts) {

		static Index of(String revision, List<KnowledgeEntry> entries, Map<String, List<String>> phrasings,
				Function<String, List<QuestionTerms.Term>> terms) {
			// rarity is counted per entry, over all its wordings together
			Map<String, Integer> frequency = new HashMap<>();
			List<List<Wording>> wordings = new ArrayList<>();
			for (KnowledgeEntry entry : entries) {
				List<Wording> ofEntry = new ArrayList<>();
				String own = entry.question() + " " + String.join(" ", entry.keywords());
				ofEntry.add(new Wording(described(terms, own), topics(terms, own)));
				// a wording is read with the entry's own question, so a short one ("要去物业登记吗") keeps its
				// topic, which a question must share; a wording with no topic word of its own (an owner's, which
				// the desk confirmed: "水池什么时候放水") is trusted as it is
				phrasings.getOrDefault(entry.code(), List.of()).forEach(p -> {
					String read = p + " " + entry.question();
					ofEntry.add(new Wording(described(terms, read), topics(terms, p).isEmpty() ? Set.of() : topics(terms, read)));
				});
				wordings.add(ofEntry);
				ofEntry.stream().flatMap(w -> w.terms().keySet().stream()).distinct()
						.forEach(t -> frequency.merge(t, 1, Integer::sum));
			}
			int n = entries.size();
			Map<String, Double> idf = new HashMap<>();
			frequency.forEach((term, df) -> idf.put(term, Math.log(1.0 + (double) n / df)));
			List<Document> documents = new ArrayList<>();
			Map<String, Facts> facts = new HashMap<>();
			for (int i = 0; i < entries.size(); i++) {
				KnowledgeEntry entry = entries.get(i);
				Set<String> known = new java.util.HashSet<>();
				for (Wording wording : wordings.get(i)) {
					Map<String, Double> weights = new HashMap<>();
					wording.terms().forEach((term, weight) -> weights.put(term, weight * idf.get(term)));
					documents.add(new Document(entry, weights, norm(weights.values()), wording.topics()));
					known.addAll(weights.keySet());
				}
				Set<Asks.Kind> kinds = java.util.EnumSet.noneOf(Asks.Kind.class);
				List<String> said = new ArrayList<>();
				said.add(entry.question());
				said.addAll(phrasings.getOrDefault(entry.code(), List.of()));
				said.forEach(w -> Asks.of(w).forEach(a -> a.clauses().forEach(c -> kinds.addAll(Asks.said(c.text())))));
				said.addAll(entry.keywords());
				ContentWords.know(entry.keywords());
				// the topics of each wording (question and wordings, not keywords); one that names none
				// ("开工前要交什么材料") tells nothing of what the entry is about
				List<Set<String>> topics = new ArrayList<>();
				for (int w = 0; w <= phrasings.getOrDefault(entry.code(), List.of()).size(); w++) {
					Set<String> topic = Set.copyOf(subjects(terms.apply(said.get(w))));
					if (!topic.isEmpty()) {
						topics.add(topic);
					}
				}
				facts.put(entry.code(), new Facts(Set.copyOf(known), Set.copyOf(kinds),
						QuestionTerms.normalize(String.join(" ", said)), List.copyOf(topics)));
			}
			return new Index(revision, documents, idf, Math.log(1.0 + n) * UNKNOWN, facts);
		}

		private record Wording(Map<String, Double> terms, Set<String> topics) {
		}

		private static Set<String> topics(Function<String, List<QuestionTerms.Term>> terms, String text) {
			return terms.apply(text).stream().map(QuestionTerms.Term::text).filter(QuestionTerms::isConcept)
					.collect(java.util.stream.Collectors.toUnmodifiableSet());
		}

		private static Map<String, Double> described(Function<String, List<QuestionTerms.Term>> terms, String text) {
			Map<String, Double> weights = new HashMap<>();
			for (QuestionTerms.Term term : terms.apply(text)) {
				weights.put(term.text(), term.weight());
			}
			return weights;
		}

		/** A question's terms weighted like the entries'; single characters no entry has say nothing. */
		Map<String, Double> weigh(List<QuestionTerms.Term> question) {
			Map<String, Double> weights = new HashMap<>();
			for (QuestionTerms.Term term : question) {
				Double known = idf.get(term.text());
				if (known != null) {
					weights.put(term.text(), term.weight() * known);
				}
				else if (term.weight() > QuestionTerms.SINGLE) {
					weights.put("?" + term.text(), term.weight() * unknownIdf);
				}
			}
			return weights;
		}

	}

	private static double norm(Iterable<Double> weights) {
		double sum = 0;
		for (double w : weights) {
			sum += w * w;
		}
		return Math.sqrt(sum);
	}

}
