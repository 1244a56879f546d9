package com.propdesk.inquiry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a question into the terms that carry its meaning. Chinese has no spaces between words, and
 * owners write colloquially, with typos: instead of a dictionary segmenter, every run of Chinese
 * characters is cut into overlapping character pairs (bigrams — the standard approach of Chinese
 * retrieval, robust to unknown words and one-character slips) and single characters, after the words
 * owners use for the same thing (管理费, 物管费 → 物业费) are replaced by one canonical concept — also when
 * typed with a homophone (物业废). Latin words and numbers stay whole. Filler (请问, 一下, 吗) is dropped.
 */
final class QuestionTerms {

	/** A term and how much it says: concepts most, pairs of characters fully, single characters little. */
	record Term(String text, double weight) {
	}

	static final double CONCEPT = 1.5;

	static final double PAIR = 1.0;

	static final double SINGLE = 0.3;

	static final Set<String> FILLER_PAIRS = Set.of("请问", "你好", "您好", "一下", "问一", "想问", "问下", "我们", "我家",
			"我的", "你们", "您们", "怎么", "什么", "怎样", "可以", "能不", "不能", "是不", "不是", "需要", "谢谢", "麻烦", "这个", "那个",
			"有没", "没有", "如果", "现在", "还是", "就是", "因为", "所以", "小区", "物业", "的话", "一个", "我想", "想要", "请帮", "帮我",
			"知道", "告诉", "要怎", "该怎", "么办", "么弄", "么样", "么回", "回事", "应该", "是否", "咨询", "问题", "你们的",
			"一般", "大概", "是什", "了吗", "的吗", "吗？", "有什");

	static final String FILLER_SINGLES = "的了吗呢啊吧呀哦嗯哈我你您他她它是在有和也都就要会能可这那么请问一个下还怎什该想得着过很太又再从把被给对让向";

	private final List<Map.Entry<String, String>> variants;

	private QuestionTerms(Map<String, String> variantToConcept) {
		this.variants = new ArrayList<>(variantToConcept.entrySet());
		// the longest variant wins where two overlap: 人脸识别 before 人脸
		this.variants.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
	}

	/** The synonyms of {@code knowledge/synonyms.txt}: {@code canonical: variant variant …}. */
	static QuestionTerms fromResource(String resource) {
		try (InputStream in = QuestionTerms.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing synonyms resource " + resource);
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static QuestionTerms parse(String synonyms) {
		Map<String, String> variantToConcept = new HashMap<>();
		for (String line : synonyms.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int colon = trimmed.indexOf(':');
			if (colon <= 0) {
				throw new IllegalArgumentException("Synonym line without 'canonical:': " + trimmed);
			}
			String concept = normalize(trimmed.substring(0, colon));
			variantToConcept.put(concept, concept);
			for (String variant : trimmed.substring(colon + 1).strip().split("\\s+")) {
				if (!variant.isEmpty()) {
					variantToConcept.put(normalize(variant), concept);
				}
			}
		}
		return new QuestionTerms(variantToConcept);
	}

	/** Whether a term is a concept of the synonym list (a topic such as 物业费 or 门禁卡). */
	static boolean isConcept(String term) {
		return term.startsWith("#");
	}

	/** Full-width to half-width, compatibility forms folded, lower case. */
	static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
	}

	/** The words of the synonym list, canonical terms and variants (a segmenter's user dictionary). */
	Set<String> words() {
		Set<String> words = new LinkedHashSet<>();
		variants.forEach(v -> words.add(v.getKey()));
		return words;
	}

	/**
	 * A text with the synonym list's words folded: the concepts it names, and the rest of the text, aligned with it (a
	 * space for each character of a folded word).
	 */
	record Folded(Set<String> concepts, String rest) {
	}

	/** The distinct terms of a text, each with its weight. */
	List<Term> terms(String text) {
		Folded folded = fold(normalize(text));
		Map<String, Double> terms = new HashMap<>();
		for (String concept : folded.concepts()) {
			terms.put("#" + concept, CONCEPT);
		}
		for (String run : runs(folded.rest())) {
			if (isHan(run.codePointAt(0))) {
				// by code point: characters beyond the basic plane (CJK extension B) are two chars in Java
				int[] chars = run.codePoints().toArray();
				for (int c = 0; c < chars.length; c++) {
					String single = Character.toString(chars[c]);
					if (FILLER_SINGLES.indexOf(single) < 0) {
						terms.merge(single, SINGLE, Math::max);
					}
					if (c + 1 < chars.length) {
						String pair = single + Character.toString(chars[c + 1]);
						if (!FILLER_PAIRS.contains(pair)) {
							terms.merge(pair, PAIR, Math::max);
						}
					}
				}
			}
			else if (run.codePointCount(0, run.length()) > 1 || Character.isDigit(run.charAt(0))) {
				terms.merge(run, PAIR, Math::max);
			}
		}
		return terms.entrySet().stream().map(e -> new Term(e.getKey(), e.getValue()))
				.sorted(Comparator.comparing(Term::text)).toList();
	}

	/** Folds the synonym list's words (written exactly or with a homophone, longest first) in a normalized text. */
	Folded fold(String normalized) {
		Set<String> concepts = new LinkedHashSet<>();
		StringBuilder rest = new StringBuilder();
		String[] sounds = new String[normalized.length()];
		for (int c = 0; c < sounds.length; c++) {
			sounds[c] = Pinyin.of(normalized.charAt(c));
		}
		int i = 0;
		while (i < normalized.length()) {
			Map.Entry<String, String> hit = variantAt(normalized, sounds, i);
			if (hit != null) {
				concepts.add(hit.getValue());
				rest.append(" ".repeat(hit.getKey().length()));
				i += hit.getKey().length();
			}
			else {
				rest.append(normalized.charAt(i));
				i++;
			}
		}
		return new Folded(concepts, rest.toString());
	}

	/**
	 * The variant at this position: written exactly, or — for words of two or more characters — typed
	 * with a homophone by a pinyin input method (物业废 for 物业费, 门经卡 for 门禁卡), as long as at least
	 * half of its characters are the right ones.
	 * @return the variant, and how many characters of the text it covers
	 */
	private Map.Entry<String, String> variantAt(String text, String[] sounds, int at) {
		// longest first; of two as long, the word written exactly wins over one it sounds like (访客, not 房客)
		Map.Entry<String, String> soundsLike = null;
		for (Map.Entry<String, String> variant : variants) {
			String word = variant.getKey();
			if (soundsLike != null && word.length() < soundsLike.getKey().length()) {
				return soundsLike;
			}
			if (text.startsWith(word, at)) {
				return variant;
			}
			if (soundsLike == null && word.length() >= 2 && at + word.length() <= text.length()
					&& soundsLike(text, sounds, at, word)) {
				soundsLike = variant;
			}
		}
		return soundsLike;
	}

	private boolean soundsLike(String text, String[] sounds, int at, String word) {
		int same = 0;
		for (int i = 0; i < word.length(); i++) {
			char written = text.charAt(at + i);
			char meant = word.charAt(i);
			if (written == meant) {
				same++;
			}
			else if (sounds[at + i] == null || !sounds[at + i].equals(Pinyin.of(meant))) {
				return false;
			}
		}
		return same * 2 >= word.length() && same < word.length();
	}

	/** Runs of Chinese characters and runs of Latin letters or digits; everything else separates. */
	static List<String> runs(String text) {
		List<String> runs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int kind = 0;
		for (int c : text.codePoints().toArray()) {
			int k = isHan(c) ? 1 : Character.isLetterOrDigit(c) ? 2 : 0;
			if (k != kind && current.length() > 0) {
				runs.add(current.toString());
				current.setLength(0);
			}
			if (k != 0) {
				current.appendCodePoint(c);
			}
			kind = k;
		}
		if (current.length() > 0) {
			runs.add(current.toString());
		}
		return runs;
	}

	static boolean isHan(int c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

}
