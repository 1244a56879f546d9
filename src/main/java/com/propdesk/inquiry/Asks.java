package com.propdesk.inquiry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks, as opposed to what it is about. An owner's message is cut into clauses at punctuation and
 * spaces; a clause that asks something carries a question word (多少钱, 什么时候, 在哪里, 怎么, 能不能, … 吗). The
 * kind of ask matters: an entry that says how to rent a parking space does not say where a moving truck may stop,
 * nor what a space costs to buy. A message may hold more than one ask ("燃气怎么开通？另外宽带能装哪几家"): a word
 * such as 另外, 还有, 顺便 starts another; the first is the main one.
 */
final class Asks {

	/**
	 * The kinds of ask. All but two are specific: an entry answers such an ask only if one of its wordings asks the
	 * same — "租户能办月卡吗" (may I) is not answered by "怎么办理月租车位" (how). How and what-is-the-rule are
	 * general: any entry on the topic says them. A clause's 能 or 吗 beside another question word only helps it ask.
	 */
	enum Kind {
		COST("价钱"), WHEN("时间"), AFTER("后果"), WHERE("地点"), WHY("原因"), WHO("找谁"), HOW("办法"), CAN("可否"), WHAT("规定");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** How the desk's note names the kind: 问的是价钱. */
		String label() {
			return label;
		}

		boolean specific() {
			return this != HOW && this != WHAT;
		}
	}

	/** One clause: its text, the kinds it asks (empty for a clause that only tells, "家里快欠费了"). */
	record Clause(String text, Set<Kind> kinds) {

		boolean asks() {
			return !kinds.isEmpty();
		}

	}

	/** One ask: its clauses (the telling clauses before it belong to it) and the kinds they ask. */
	record Ask(List<Clause> clauses) {

		String text() {
			return String.join("，", clauses.stream().map(Clause::text).toList());
		}

		/** The clauses that ask, joined: what the owner wants to know, without the story around it. */
		String askingText() {
			return String.join("，", clauses.stream().filter(Clause::asks).map(Clause::text).toList());
		}

		Set<Kind> kinds() {
			Set<Kind> kinds = EnumSet.noneOf(Kind.class);
			clauses.forEach(c -> kinds.addAll(c.kinds()));
			return kinds;
		}


	}

	/** Question words by kind; the longer ones first where one contains another. */
	private static final List<Marker> MARKERS = List.of(
			new Marker(Kind.WHY, "为什么|为啥|凭什么|怎么会|咋会|干嘛|怎么回事|咋回事"),
			// what follows if one does or does not (逾期没交会怎样) is an ask of its own, not how to do something
			new Marker(Kind.AFTER, "会怎样|会怎么样|会咋样|有什么后果|有啥后果|什么后果|会有什么影响|会不会影响|有没有影响|有影响吗"),
			// a number asked for is whom to call, not a price: 经理电话多少
			new Marker(Kind.WHO, "(电话|号码|手机|联系方式)(号码)?(是)?多少"),
			new Marker(Kind.COST, "多少钱|加钱|另收|额外收|收不收|几块钱|几块|多少|收费|收钱|要钱|花钱|价格|价钱|费用|贵不贵|贵吗|免费|怎么算钱|怎么收|咋收|便宜|贵"),
			new Marker(Kind.WHEN, "什么时候|啥时候|啥时|几点|多久|多长时间|哪天|几号|何时|几月|什么时间|啥时间|时间"),
			// where to apply, pay or register is how to do it: the answer names the place
			new Marker(Kind.HOW, "(在|去|到)?(哪里|哪儿|哪)(办理|补办|办|申请|交|缴|登记|录入|录|预约|报名|开|弄)"),
			new Marker(Kind.WHERE, "哪里|哪儿|哪边|在哪|去哪|放哪|扔哪|停哪|到哪|交哪|哪栋|什么地方|啥地方|哪个位置|位置|地址"),
			new Marker(Kind.WHO, "找谁|是谁|谁来|谁出|谁管|谁负责|谁"),
			new Marker(Kind.HOW, "怎么|咋|如何|怎样|流程|手续|步骤|办法"),
			new Marker(Kind.WHAT, "哪些|哪个|哪家|哪几|什么|啥|规定|要求"),
			new Marker(Kind.CAN, "(\\p{IsHan})不\\1|能不能|可不可以|可以|能否|能|允许|让不让|行不行|行吗|要不要|需要|需不需要|会不会|是不是|有没有|是否|吗|么$|不$|了没$|没有$|呢$"));

	private record Marker(Kind kind, Pattern pattern) {

		Marker(Kind kind, String words) {
			this(kind, Pattern.compile(words));
		}

	}

	/** Words that begin another ask. */
	private static final Pattern ANOTHER = Pattern.compile("^(另外|还有(?![没人吗])|顺便|对了|以及|再问|另问|还想问|还要问|同时|再就是|又问)");

	/** What may follow such a word before the ask itself: 顺便问一下, 再问下, 还有就是. */
	private static final Pattern ANOTHER_FILLER = Pattern.compile("^(问一下|问下|问问|一下|说一下|就是|个问题|一个问题)");

	/** Clauses end at anything that is not a letter, a digit or a Chinese character: punctuation, spaces, &, emoji. */
	private static final Pattern BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

	private Asks() {
	}

	/** The question's asks, the main one first; a question without a question word is one ask. */
	static List<Ask> of(String question) {
		return of(question, clause -> Set.of());
	}

	/**
	 * The question's asks, the main one first. Besides a word such as 另外, a clause that asks about other topics
	 * ({@code topics}: the synonym list's) than the asking clauses before it starts another ask: "垃圾几点能扔？旧沙发
	 * 又扔哪" asks two things. What follows 另外 is another ask even when it only tells ("还有我家楼道灯坏了").
	 */
	static List<Ask> of(String question, Function<String, Set<String>> topics) {
		List<Ask> asks = new ArrayList<>();
		List<Clause> current = new ArrayList<>();
		Set<String> asked = new HashSet<>();
		boolean announced = false;
		for (String part : BREAK.split(QuestionTerms.normalize(question))) {
			if (part.isEmpty()) {
				continue;
			}
			Matcher another = ANOTHER.matcher(part);
			boolean startsAnother = another.find();
			if (startsAnother) {
				part = ANOTHER_FILLER.matcher(part.substring(another.end())).replaceFirst("");
				if (part.isEmpty()) {
					continue;
				}
			}
			Clause clause = new Clause(part, kinds(part));
			Set<String> about = clause.asks() ? topics.apply(part) : Set.of();
			boolean otherTopic = !about.isEmpty() && !asked.isEmpty() && about.stream().noneMatch(asked::contains);
			if ((startsAnother || otherTopic) && current.stream().anyMatch(Clause::asks)) {
				asks.add(new Ask(List.copyOf(current)));
				current.clear();
				asked.clear();
				announced = startsAnother;
			}
			current.add(clause);
			asked.addAll(about);
		}
		if (!current.isEmpty()) {
			if (!asks.isEmpty() && !announced && current.stream().noneMatch(Clause::asks)) {
				// telling clauses after the last ask belong to it
				List<Clause> last = new ArrayList<>(asks.remove(asks.size() - 1).clauses());
				last.addAll(current);
				asks.add(new Ask(List.copyOf(last)));
			}
			else {
				asks.add(new Ask(List.copyOf(current)));
			}
		}
		return asks;
	}

	/**
	 * The owner's own words from the first of these clauses to the last (as normalized: full-width folded), for the
	 * desk; pieces that are not contiguous are joined with "；".
	 */
	static String wording(String question, List<Clause> clauses) {
		String text = QuestionTerms.normalize(question);
		List<String> pieces = new ArrayList<>();
		int from = 0;
		int start = -1;
		int end = -1;
		for (Clause clause : clauses) {
			int at = text.indexOf(clause.text(), from);
			if (at < 0) {
				continue;
			}
			if (start >= 0 && !BREAK.matcher(text.substring(end, at)).replaceAll("").isEmpty()) {
				pieces.add(text.substring(start, end));
				start = -1;
			}
			start = start < 0 ? at : start;
			end = at + clause.text().length();
			from = end;
		}
		if (start >= 0) {
			pieces.add(text.substring(start, end));
		}
		return joined(pieces);
	}

	/** Pieces of the owner's words, each once, joined with "；" and cut at 200 characters. */
	static String joined(java.util.Collection<String> pieces) {
		String wording = String.join("；", new java.util.LinkedHashSet<>(pieces));
		// a message that repeats itself is not read out to the desk a hundred times
		return wording.length() <= MAX_WORDING ? wording : wording.substring(0, MAX_WORDING - 1) + "…";
	}

	private static final int MAX_WORDING = 200;

	/** Whether a clause says anything: letters or Chinese, not only emoji and signs. */
	static boolean saysSomething(String text) {
		return text.codePoints().anyMatch(Character::isLetterOrDigit);
	}

	/** The kinds of ask in a clause. */
	static Set<Kind> kinds(String clause) {
		Set<Kind> kinds = said(clause);
		if (kinds.size() > 1) {
			// 能 and 吗 beside another question word only help it ask: 押金啥时候能退 asks when, not whether
			kinds.remove(Kind.CAN);
		}
		return kinds;
	}

	/**
	 * Every kind of ask a wording of an entry says: "有哪些宽带可以装" tells which, and whether one may — it answers
	 * "能装移动的吗".
	 */
	static Set<Kind> said(String clause) {
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		String rest = clause;
		for (Marker marker : MARKERS) {
			Matcher m = marker.pattern().matcher(rest);
			if (m.find()) {
				kinds.add(marker.kind());
				// a word counts once: 怎么会 is why, not also how
				rest = m.replaceAll(" ");
			}
		}
		return kinds;
	}

	/** The text without its question words, so that only what the owner asks about is compared. */
	static String withoutQuestionWords(String text) {
		String rest = text;
		for (Marker marker : MARKERS) {
			rest = marker.pattern().matcher(rest).replaceAll(" ");
		}
		return rest;
	}

}
