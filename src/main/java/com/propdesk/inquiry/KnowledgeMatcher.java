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
 * Answering automatically needs a confident best match that is also clearly ahead of the second
 * (see {@link InquiryProperties}); a wrong automatic answer is worse than none.
 */
@Service
public class KnowledgeMatcher {

	/**
	 * An entry, how well it matches (0 to 1), how many terms it shares with the question, and whether they
	 * share its topic (a concept of the synonym list, when the wording has one).
	 */
	public record Candidate(KnowledgeEntry entry, double score, int sharedTerms, boolean sameTopic) {
	}

	/**
	 * An automatic answer needs the question and the entry to share at least this many terms: one word
	 * in common (燃气 in "家里有燃气味") is a topic, not an answer. It also needs them to share the entry's
	 * topic: "晚上几点以后" in common does not make a question about the east gate one about rubbish.
	 */
	static final int MIN_SHARED_TERMS = 2;

	/**
	 * The best candidates, best first, and whether the best may be sent without a person looking; {@code rest} is
	 * what the question asks besides what the best entry answers (a second ask), for the desk, or {@code null}.
	 */
	public record Match(List<Candidate> candidates, boolean confident, String rest) {

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

	/** How a text becomes terms: {@link QuestionTerms} with the synonym list; another reader only to compare readers. */
	private final Function<String, List<QuestionTerms.Term>> terms;

	private volatile Index index;

	@org.springframework.beans.factory.annotation.Autowired
	KnowledgeMatcher(Source source, InquiryProperties properties) {
		this(source, properties, QuestionTerms.fromResource(SYNONYMS)::terms);
	}

	KnowledgeMatcher(Source source, InquiryProperties properties, Function<String, List<QuestionTerms.Term>> terms) {
		this.source = source;
		this.properties = properties;
		this.terms = terms;
	}

	public Match match(String question) {
		return match(question, properties.candidates());
	}

	public Match match(String question, int limit) {
		Index current = index();
		Map<String, Double> query = current.weigh(terms.apply(question));
		double queryNorm = norm(query.values());
		// an entry scores as its best-matching wording: its own question and keywords, or a confirmed phrasing
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
					Candidate candidate = new Candidate(document.entry(), Math.sqrt(cosine * coverage), shared, sameTopic);
					best.merge(document.entry().code(), candidate, (a, b) -> a.score() >= b.score() ? a : b);
				}
			}
		}
		List<Candidate> candidates = new ArrayList<>(best.values());
		candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
		boolean confident = !candidates.isEmpty() && candidates.get(0).score() >= properties.answerAbove()
				&& candidates.get(0).sharedTerms() >= MIN_SHARED_TERMS && candidates.get(0).sameTopic()
				&& (candidates.size() == 1 || candidates.get(0).score() - candidates.get(1).score() >= properties.leadBy());
		return new Match(List.copyOf(candidates.subList(0, Math.min(limit, candidates.size()))), confident, null);
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

	private record Index(String revision, List<Document> documents, Map<String, Double> idf, double unknownIdf) {

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
			for (int i = 0; i < entries.size(); i++) {
				for (Wording wording : wordings.get(i)) {
					Map<String, Double> weights = new HashMap<>();
					wording.terms().forEach((term, weight) -> weights.put(term, weight * idf.get(term)));
					documents.add(new Document(entries.get(i), weights, norm(weights.values()), wording.topics()));
				}
			}
			return new Index(revision, documents, idf, Math.log(1.0 + n) * UNKNOWN);
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
