package com.propdesk.inquiry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import com.huaban.analysis.jieba.WordDictionary;

/**
 * The words a text is about, cut by a real segmenter (jieba, with its general dictionary and the knowledge base's
 * own words added): 产权, 年卡, 救生员, 摄像头 come out whole, and nothing like the pairs across word boundaries
 * (去物, 业那) that character bigrams make. Question words and filler are left out; what remains is what the owner
 * asks about, for telling whether an entry speaks of it.
 */
final class ContentWords {

	private static final JiebaSegmenter SEGMENTER = new JiebaSegmenter();

	/** Words that carry no topic: pronouns, places everyone is in, politeness, time fillers. */
	private static final Set<String> FILLER = Set.of("我们", "你们", "您们", "他们", "她们", "咱们", "自己", "大家", "物业", "小区",
			"请问", "你好", "您好", "一下", "谢谢", "麻烦", "现在", "这个", "那个", "这边", "那边", "这里", "那里", "一个", "一般",
			"大概", "还是", "就是", "的话", "知道", "问问", "想问", "问下", "一些", "有点", "东西", "时候", "已经", "准备", "打算",
			"应该", "是不是", "有没有", "能不能", "可不可以", "可以", "需要", "需不需要", "要不要", "会不会", "不能", "不是", "没有",
			"什么", "怎么", "怎么样", "怎样", "如何", "为什么", "多少", "哪里", "哪儿", "一直", "一次", "之前", "以后", "的时候",
			"今天", "明天", "昨天", "最近", "马上", "赶紧", "直接", "比较", "特别", "真的", "还有", "另外", "顺便", "对了",
			"还要", "或者", "只能", "必须", "一定", "能够", "可能", "所以", "因为", "但是", "不过", "然后", "而且", "如果", "是否",
			"有人", "在吗", "方便", "还能", "是的", "好的", "不好意思", "打扰", "交给", "还在",
			// when, as a circumstance of the ask, not its topic
			"周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天", "每天", "天天", "每周", "晚上", "早上", "上午", "中午",
			"下午", "半夜", "今晚", "夏天", "冬天", "平时", "下周", "下个月", "这周", "月份", "几个月", "两个月", "三个月");

	private ContentWords() {
	}

	/** Adds words the general dictionary lacks (the synonym list's and the entries' keywords), so they stay whole. */
	static synchronized void know(Collection<String> words) {
		List<String> lines = new ArrayList<>();
		for (String word : words) {
			String w = QuestionTerms.normalize(word);
			if (w.codePointCount(0, w.length()) >= 2 && !w.contains(" ") && !WordDictionary.getInstance().containsWord(w)) {
				lines.add(w + " 3000");
			}
		}
		if (lines.isEmpty()) {
			return;
		}
		try {
			Path dict = Files.createTempFile("propdesk-words", ".dict");
			try {
				Files.write(dict, lines, StandardCharsets.UTF_8);
				WordDictionary.getInstance().loadUserDict(dict, StandardCharsets.UTF_8);
			}
			finally {
				Files.deleteIfExists(dict);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The words of a text that say what it is about, in order, each once. */
	static List<String> of(String text) {
		Set<String> words = new LinkedHashSet<>();
		for (SegToken token : SEGMENTER.process(QuestionTerms.normalize(text), JiebaSegmenter.SegMode.SEARCH)) {
			String word = token.word.strip();
			if (word.codePointCount(0, word.length()) >= 2 && !FILLER.contains(word) && word.codePoints().allMatch(Character::isLetterOrDigit)) {
				words.add(word);
			}
		}
		return List.copyOf(words);
	}

}
