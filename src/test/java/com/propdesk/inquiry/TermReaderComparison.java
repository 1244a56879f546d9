package com.propdesk.inquiry;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;
import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import com.huaban.analysis.jieba.WordDictionary;
import com.propdesk.PropDeskTest;

/**
 * Chinese NLP libraries as the matcher's term reader, measured against today's {@link QuestionTerms} (issue 20). The
 * matcher is built on the demo knowledge base with each reader; everything else (thresholds, triage, routing) stays the
 * same, so only the reader differs. Prints one table: per set and reader, {@link InquirySets.Figures#row}, then the time
 * to read 1,000 questions per reader. Run by hand (Surefire's includes leave {@code *Comparison} out):
 * {@code ./mvnw -B -q test -Dtest=TermReaderComparison -Dsurefire.failIfNoSpecifiedTests=false}; add
 * {@code -Dreader.details=jieba-search} (a reader's name) to list its wrong and missed questions of the two sets read
 * while tuning. Results and reading: docs/inquiry-term-readers.md.
 */
@PropDeskTest
class TermReaderComparison {

	/** The sets compared; near-held-out.tsv is never run here. Only the first two may be read question by question. */
	static final List<String> SETS = List.of("development", "near-development", "validation-1", "validation-2",
			"near-validation", "held-out");

	static final List<String> READABLE = List.of("development", "near-development");

	@Autowired
	DecisionService decisionService;

	@Autowired
	InquiryProperties properties;

	@Test
	void compareTermReaders() throws IOException {
		QuestionTerms synonyms = QuestionTerms.fromResource("knowledge/synonyms.txt");
		Map<String, Function<String, List<QuestionTerms.Term>>> readers = readers(synonyms);

		Map<String, List<InquirySets.Question>> sets = new LinkedHashMap<>();
		for (String set : SETS) {
			sets.put(set, InquirySets.read(InquiryMatchingEvaluation.DIRECTORY + set + ".tsv"));
		}
		String details = System.getProperty("reader.details", "");
		// -Dreader.terms=N: each reader's terms of the first N questions of development.tsv, to look for bugs in a reader
		// or -Dreader.text=… : each reader's terms of that text
		int show = Integer.getInteger("reader.terms", 0);
		List<String> shown = new ArrayList<>();
		sets.get("development").stream().limit(show).forEach(q -> shown.add(q.text()));
		if (System.getProperty("reader.text") != null) {
			shown.add(System.getProperty("reader.text"));
		}
		for (String text : shown) {
			System.out.println(text);
			readers.forEach((name, reader) -> System.out.printf("  %-22s %s%n", name,
					reader.apply(text).stream().map(t -> t.text() + (t.weight() == QuestionTerms.PAIR ? "" : "/" + t.weight()))
							.collect(Collectors.joining(" "))));
		}
		StringBuilder table = new StringBuilder();
		table.append(String.format("%-28s %4s  %-15s  %-15s  %-15s  %s%n", "set / reader", "n", "precision",
				"near declined", "answered", "actions"));
		for (Map.Entry<String, List<InquirySets.Question>> set : sets.entrySet()) {
			table.append(set.getKey()).append(READABLE.contains(set.getKey()) ? " (read while tuning)" : " (figures only)")
					.append('\n');
			for (Map.Entry<String, Function<String, List<QuestionTerms.Term>>> reader : readers.entrySet()) {
				Function<String, List<QuestionTerms.Term>> read = reader.getValue();
				KnowledgeMatcher matcher = new KnowledgeMatcher(InquiryMatchingEvaluation.demoSource(), properties) {

					@Override
					List<QuestionTerms.Term> read(String text) {
						return read.apply(text);
					}

				};
				InquirySets.Figures figures = InquirySets.evaluate(set.getValue(),
						InquiryMatchingEvaluation.propDesk(decisionService, matcher));
				table.append("  ").append(figures.row(reader.getKey())).append('\n');
				if (reader.getKey().equals(details) && READABLE.contains(set.getKey())) {
					figures.print(set.getKey() + " with " + reader.getKey(), true);
				}
			}
		}

		// reading speed on the questions that may be read (the reader alone, not triage or matching)
		List<String> texts = new ArrayList<>();
		READABLE.forEach(s -> sets.get(s).forEach(q -> texts.add(q.text())));
		table.append("\ntime to read 1,000 questions (the reader alone; best of 5 rounds after a warm-up of 2,000 reads)\n");
		for (Map.Entry<String, Function<String, List<QuestionTerms.Term>>> reader : readers.entrySet()) {
			read(reader.getValue(), texts, 2000);
			double best = Double.MAX_VALUE;
			int terms = 0;
			for (int round = 0; round < 5; round++) {
				long start = System.nanoTime();
				terms = read(reader.getValue(), texts, 1000);
				best = Math.min(best, (System.nanoTime() - start) / 1e6);
			}
			table.append(String.format("  %-28s %8.1f ms  (%.1f terms per question)%n", reader.getKey(), best, terms / 1000.0));
		}
		table.append("\nloading a library (its first read, dictionaries and models)\n");
		LOADING.forEach((library, ms) -> table.append(String.format("  %-28s %8.0f ms%n", library, ms)));
		System.out.println();
		System.out.print(table);
	}

	private static int read(Function<String, List<QuestionTerms.Term>> reader, List<String> texts, int count) {
		int terms = 0;
		for (int i = 0; i < count; i++) {
			terms += reader.apply(texts.get(i % texts.size())).size();
		}
		return terms;
	}

	/** How long each library took to load (its first read), in milliseconds. */
	static final Map<String, Double> LOADING = new LinkedHashMap<>();

	static Map<String, Function<String, List<QuestionTerms.Term>>> readers(QuestionTerms synonyms) {
		// the first reads load each library's dictionaries and models: how long a start takes with it
		long start = System.nanoTime();
		Function<String, List<Word>> jiebaSearch = jieba(synonyms, JiebaSegmenter.SegMode.SEARCH);
		jiebaSearch.apply("物业费怎么交");
		LOADING.put("jieba", (System.nanoTime() - start) / 1e6);
		Function<String, List<Word>> jiebaIndex = jieba(synonyms, JiebaSegmenter.SegMode.INDEX);
		start = System.nanoTime();
		hanlpDictionary(synonyms);
		hanlp(w -> true).apply("物业费怎么交");
		LOADING.put("hanlp", (System.nanoTime() - start) / 1e6);
		start = System.nanoTime();
		Function<String, List<Word>> smartcn = smartcn();
		smartcn.apply("物业费怎么交");
		LOADING.put("smartcn", (System.nanoTime() - start) / 1e6);
		Map<String, Function<String, List<QuestionTerms.Term>>> readers = new LinkedHashMap<>();
		readers.put("bigrams", synonyms::terms);
		// search mode is the jieba reader kept: on the two sets read while tuning it declined more near misses and
		// answered more precisely than index mode (index mode stays in the table, not in the union)
		readers.put("jieba (search mode)", segmentThenFold(synonyms, jiebaSearch));
		readers.put("jieba (index mode)", segmentThenFold(synonyms, jiebaIndex));
		readers.put("hanlp", segmentThenFold(synonyms, hanlp(w -> true)));
		readers.put("hanlp (POS filter)", segmentThenFold(synonyms, hanlp(TermReaderComparison::contentWord)));
		readers.put("smartcn (no user dict)", segmentThenFold(synonyms, smartcn));
		readers.put("jieba+bigrams", union(synonyms::terms, readers.get("jieba (search mode)")));
		readers.put("hanlp+bigrams", union(synonyms::terms, readers.get("hanlp")));
		return readers;
	}

	// ---- the libraries' segmenters, each given the synonym list's words so domain words stay whole

	/** jieba with the synonym list's words of two or more characters as a user dictionary, frequent enough to win. */
	static Function<String, List<Word>> jieba(QuestionTerms synonyms, JiebaSegmenter.SegMode mode) {
		jiebaDictionary(synonyms);
		JiebaSegmenter segmenter = new JiebaSegmenter();
		return text -> segmenter.process(text, mode).stream().map((SegToken t) -> new Word(t.word, t.startOffset, t.endOffset))
				.toList();
	}

	private static boolean jiebaLoaded;

	private static synchronized void jiebaDictionary(QuestionTerms synonyms) {
		if (jiebaLoaded) {
			return;
		}
		try {
			Path dictionary = Files.createTempFile("propdesk-synonyms", ".dict");
			dictionary.toFile().deleteOnExit();
			String lines = synonyms.words().stream().filter(w -> w.codePointCount(0, w.length()) >= 2 && !w.contains(" "))
					.map(w -> w + " 100000").collect(Collectors.joining("\n", "", "\n"));
			Files.writeString(dictionary, lines, StandardCharsets.UTF_8);
			WordDictionary.getInstance().loadUserDict(dictionary, StandardCharsets.UTF_8);
			jiebaLoaded = true;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** HanLP portable's standard (Viterbi) segmenter with the synonym list's words as custom dictionary words. */
	static void hanlpDictionary(QuestionTerms synonyms) {
		synonyms.words().stream().filter(w -> w.codePointCount(0, w.length()) >= 2).forEach(w -> CustomDictionary.add(w, "nz 1024"));
	}

	static Function<String, List<Word>> hanlp(Predicate<com.hankcs.hanlp.seg.common.Term> keep) {
		return text -> {
			// the standard segmenter's words follow each other without gaps or overlaps
			List<Word> words = new ArrayList<>();
			int at = 0;
			for (com.hankcs.hanlp.seg.common.Term term : StandardTokenizer.segment(text)) {
				int start = text.indexOf(term.word, at);
				if (start < 0) {
					throw new IllegalStateException("HanLP word not in the text: " + term.word + " in " + text);
				}
				at = start + term.word.length();
				if (keep.test(term)) {
					words.add(new Word(term.word, start, at));
				}
			}
			return words;
		};
	}

	/** Nouns (and time and place words), verbs, Latin strings and numbers, question pronouns; not particles, pronouns, adverbs. */
	static boolean contentWord(com.hankcs.hanlp.seg.common.Term term) {
		String pos = term.nature == null ? "" : term.nature.toString();
		return pos.startsWith("n") || pos.startsWith("v") || pos.startsWith("t") || pos.startsWith("s")
				|| pos.startsWith("ry") || pos.startsWith("m") || pos.startsWith("g");
	}

	/** Lucene's smartcn (HMM over a bigram dictionary); it takes no user dictionary. */
	static Function<String, List<Word>> smartcn() {
		SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer(false);
		return text -> {
			List<Word> words = new ArrayList<>();
			try (TokenStream stream = analyzer.tokenStream("q", new StringReader(text))) {
				CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
				OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
				stream.reset();
				while (stream.incrementToken()) {
					words.add(new Word(term.toString(), offset.startOffset(), offset.endOffset()));
				}
				stream.end();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return words;
		};
	}

	// ---- from words to terms, folded and weighted like QuestionTerms

	/** A word of a segmenter and where it stands in the text it was given. */
	record Word(String text, int start, int end) {
	}

	/**
	 * Segments the normalized text, and folds the synonyms over the whole text exactly as QuestionTerms does (also
	 * those typed with a homophone, which a segmenter cuts apart: 物业废 → 物业 / 废能): the concepts found, and of each
	 * word the part outside the synonyms.
	 */
	static Function<String, List<QuestionTerms.Term>> segmentThenFold(QuestionTerms synonyms,
			Function<String, List<Word>> segmenter) {
		return text -> {
			String normalized = QuestionTerms.normalize(text);
			QuestionTerms.Folded folded = synonyms.fold(normalized);
			Map<String, Double> terms = new HashMap<>();
			folded.concepts().forEach(c -> terms.put("#" + c, QuestionTerms.CONCEPT));
			for (Word word : segmenter.apply(normalized)) {
				QuestionTerms.runs(folded.rest().substring(word.start(), word.end())).forEach(run -> addWord(terms, run));
			}
			return sorted(terms);
		};
	}

	/** A word of two or more characters weighs like a pair, a single character like one; filler is dropped. */
	private static void addWord(Map<String, Double> terms, String run) {
		int length = run.codePointCount(0, run.length());
		if (QuestionTerms.isHan(run.codePointAt(0))) {
			if (length == 1) {
				if (QuestionTerms.FILLER_SINGLES.indexOf(run) < 0) {
					terms.merge(run, QuestionTerms.SINGLE, Math::max);
				}
			}
			else if (!filler(run)) {
				terms.merge(run, QuestionTerms.PAIR, Math::max);
			}
		}
		else if (length > 1 || Character.isDigit(run.charAt(0))) {
			terms.merge(run, QuestionTerms.PAIR, Math::max);
		}
	}

	/** Filler as QuestionTerms sees it: a filler pair, or a word whose pairs are all filler (怎么办) or whose characters all are (这么). */
	static boolean filler(String word) {
		if (QuestionTerms.FILLER_PAIRS.contains(word)) {
			return true;
		}
		int[] chars = word.codePoints().toArray();
		boolean pairs = true;
		boolean singles = true;
		for (int c = 0; c < chars.length; c++) {
			singles &= QuestionTerms.FILLER_SINGLES.indexOf(Character.toString(chars[c])) >= 0;
			if (c + 1 < chars.length) {
				pairs &= QuestionTerms.FILLER_PAIRS.contains(Character.toString(chars[c]) + Character.toString(chars[c + 1]));
			}
		}
		return pairs || singles;
	}

	/** The union of two readers' terms, each term at the higher of its weights (a library's words and today's bigrams). */
	static Function<String, List<QuestionTerms.Term>> union(Function<String, List<QuestionTerms.Term>> a,
			Function<String, List<QuestionTerms.Term>> b) {
		return text -> {
			Map<String, Double> terms = new HashMap<>();
			a.apply(text).forEach(t -> terms.merge(t.text(), t.weight(), Math::max));
			b.apply(text).forEach(t -> terms.merge(t.text(), t.weight(), Math::max));
			return sorted(terms);
		};
	}

	private static List<QuestionTerms.Term> sorted(Map<String, Double> terms) {
		return terms.entrySet().stream().map(e -> new QuestionTerms.Term(e.getKey(), e.getValue()))
				.sorted(java.util.Comparator.comparing(QuestionTerms.Term::text)).toList();
	}

}
