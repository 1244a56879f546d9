package com.propdesk.inquiry;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;

/**
 * The things a text is about: its nouns, cut and tagged by a real segmenter (HanLP, with its general dictionary and
 * the knowledge base's own words added as nouns). 产权, 年卡, 救生员, 摄像头, 租户 come out whole and tagged as
 * nouns; verbs and the owner's manner of speaking (进来, 上楼, 罚钱, 咋样) do not count, nor do pairs of characters
 * across word boundaries (去物, 业那) that bigrams make. What remains tells whether an entry speaks of what is asked.
 */
final class ContentWords {

	/** Nouns that carry no topic: places everyone is in, people everyone is, time. */
	private static final Set<String> FILLER = Set.of("物业", "小区", "我们", "你们", "咱们", "我家", "我们家", "咱家", "大家", "自己", "时候", "东西", "事情",
			"问题", "情况", "人家", "家里", "这边", "那边", "现在", "今天", "明天", "昨天", "最近", "以后", "之前", "平时", "每天",
			"晚上", "早上", "上午", "中午", "下午", "半夜", "今晚", "夏天", "冬天", "周末", "周六", "周日", "礼拜天", "下周", "月份",
			"一下", "办法", "意思", "样子", "地方");

	private ContentWords() {
	}

	/** Adds words the general dictionary may lack or tag otherwise (the synonym list's, the entries' keywords) as nouns. */
	static synchronized void know(Collection<String> words) {
		for (String word : words) {
			String w = QuestionTerms.normalize(word);
			if (w.codePointCount(0, w.length()) >= 2 && !w.contains(" ")) {
				CustomDictionary.insert(w, "nz 1024");
			}
		}
	}

	/** Verbs that say how one asks or wants, not what one wants to do. */
	private static final Set<String> MANNER = Set.of("需要", "可以", "能够", "知道", "请问", "想要", "打算", "准备", "应该", "觉得",
			"允许", "不能", "不可", "不行", "要求", "希望", "麻烦", "进行", "没有", "不要", "想问", "问问", "得要", "必须", "还要",
			"还能", "不会", "可能", "是不是", "能不能", "有没有");

	/**
	 * What a text asks to do: its verbs (升级, 邮寄, 打扫), without the verbs of asking and wanting ({@link #MANNER}) and
	 * those that only give a direction (进来, 上去).
	 */
	static List<String> actions(String text) {
		return words(text, (word, nature) -> nature.startsWith("v") && !nature.equals("vn") && !nature.equals("vf")
				&& !nature.startsWith("vshi") && !nature.startsWith("vyou") && !MANNER.contains(word));
	}

	/** The nouns of a text, not names of people or places (个旧 in 扔个旧床垫 is a city only to the dictionary). */
	static List<String> of(String text) {
		return words(text, (word, nature) -> (nature.startsWith("n") && !nature.startsWith("nr") && !nature.startsWith("ns")
				|| nature.equals("vn")) && !FILLER.contains(word));
	}

	/**
	 * The words of a text of two characters or more that {@code keep} keeps by word and part of speech, in order, each
	 * once. HanLP's custom dictionary is one for the whole JVM and not safe to read while {@link #know} adds to it (a
	 * knowledge base changed while an owner asks): reading and adding take turns.
	 */
	private static synchronized List<String> words(String text, BiPredicate<String, String> keep) {
		Set<String> words = new LinkedHashSet<>();
		for (Term term : StandardTokenizer.segment(QuestionTerms.normalize(text))) {
			String word = term.word.strip();
			String nature = term.nature == null ? "" : term.nature.toString();
			if (word.codePointCount(0, word.length()) >= 2 && word.codePoints().allMatch(Character::isLetterOrDigit)
					&& keep.test(word, nature)) {
				words.add(word);
			}
		}
		return List.copyOf(words);
	}

}
