package com.propdesk.inquiry;

import static com.propdesk.inquiry.InquiryProcess.AUTO;
import static com.propdesk.inquiry.InquiryProcess.DESK;
import static com.propdesk.inquiry.InquiryProcess.SPECIALIST;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import com.propdesk.security.Groups;

/**
 * The decisions of an inquiry, without an engine: where a triaged question goes, what kind of answer the owner got,
 * what a hand-over promises, and what the owner and the timeline are told. A rule broken by what staff typed throws
 * {@link IllegalArgumentException} with the message their form shows.
 */
final class InquiryRules {

	private static final DateTimeFormatter PROMISE = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	/** Groups an inquiry may be handed to. */
	static final List<String> SPECIALIST_GROUPS = List.of(Groups.SERVICE_DESK, Groups.ENGINEERING, Groups.CLEANING,
			Groups.SECURITY, Groups.MANAGEMENT);

	/** The desk's choices that turn the inquiry into another case type. */
	static final List<String> LINKED_MODES = List.of("repair", "emergency", "mediation");

	/** How much of an answer the event (and so the SMS) carries; the status page shows all of it. */
	static final int SUMMARY_ANSWER = 400;

	// what kind of answer the owner got, as the knowledge base's statistics count it
	static final String CANDIDATE = "candidate";
	static final String LINKED = "linked";
	static final String OWN = "own";

	private InquiryRules() {
	}

	/** Where a triaged and matched inquiry goes, its priority, the group that owns it and what the timeline says. */
	record Routing(String route, String priority, String group, String note) {
	}

	/**
	 * What the table sends to a specialist is never answered from the knowledge base; a confident match of a
	 * question the table leaves to the knowledge base is answered at once; everything else goes to the desk. A
	 * suspected danger is P1, every other inquiry normal.
	 */
	static Routing route(InquiryProcess.Triage triage, KnowledgeMatcher.Match match) {
		String route;
		if (SPECIALIST.equals(triage.route())) {
			route = SPECIALIST;
		}
		else if ("knowledge".equals(triage.route()) && match.confident()) {
			route = AUTO;
		}
		else {
			route = DESK;
		}
		KnowledgeMatcher.Candidate best = match.best();
		String note = switch (route) {
			case AUTO -> String.format("知识库匹配「%s」（置信度 %.0f%%），自动答复", best.entry().question(), best.score() * 100);
			case SPECIALIST -> "咨询分流：" + triage.reason();
			default -> DESK.equals(triage.route()) ? "咨询分流：" + triage.reason() : best == null ? "知识库没有相关条目，交客服答复"
					: String.format("知识库最接近「%s」（置信度 %.0f%%），%s自动答复，交客服从候选答案中选择或自行答复",
							best.entry().question(), best.score() * 100, match.declined() == null ? "不足以" : "但" + match.declined() + "，不");
		};
		if (AUTO.equals(route) && match.rest() != null) {
			note += "；业主还问了：" + match.rest() + "，交客服答复";
		}
		return new Routing(route, triage.urgent() ? "P1" : "P3",
				SPECIALIST.equals(route) ? triage.specialistGroup() : Groups.SERVICE_DESK, note);
	}

	/** A candidate's score as the desk's form shows it. */
	static String percent(double score) {
		return String.format("%.0f%%", score * 100);
	}

	static String urgentPage(String caseNo, String description, String phone) {
		return "【疑似险情】" + caseNo + " 业主咨询：" + description + "，联系电话 " + phone;
	}

	/**
	 * What kind of answer the owner gets on a route with the desk's {@code answerMode}: the automatic one, a linked
	 * case's number, a candidate the desk chose, a specialist's words or the desk's own.
	 */
	static String outcome(String route, String answerMode) {
		if (AUTO.equals(route)) {
			return AUTO;
		}
		if (LINKED_MODES.contains(answerMode)) {
			return LINKED;
		}
		if (answerMode.startsWith("candidate") && !SPECIALIST.equals(route)) {
			return CANDIDATE;
		}
		return SPECIALIST.equals(route) || SPECIALIST.equals(answerMode) ? SPECIALIST : OWN;
	}

	/** An answer written by hand must be there and fit. */
	static String writtenAnswer(String text) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("请填写给业主的答复");
		}
		if (text.length() > 4000) {
			throw new IllegalArgumentException("答复最长 4000 个字符");
		}
		return text;
	}

	/** Only an answer written by hand, by the desk or a specialist, may be proposed for the knowledge base. */
	static boolean proposesEntry(String outcome, boolean addToKnowledge) {
		return (OWN.equals(outcome) || SPECIALIST.equals(outcome)) && addToKnowledge;
	}

	/** The owner's event: the answer, cut short for the SMS. */
	static String answeredMessage(String answer) {
		return "您的咨询答复：" + abbreviate(answer, SUMMARY_ANSWER);
	}

	/** The owner's event when the main ask is answered and the desk answers the rest. */
	static String partialAnsweredMessage(String answer) {
		return "您的咨询答复（您问的其他问题客服将尽快答复）：" + abbreviate(answer, SUMMARY_ANSWER);
	}

	/** The owner's event when the desk has answered the rest. */
	static String restAnsweredMessage(String answer) {
		return "您咨询的其他问题答复：" + abbreviate(answer, SUMMARY_ANSWER);
	}

	/** The case's written answer while the rest waits for the desk. */
	static String partialAnswer(String answer, String rest) {
		return answer + "\n\n（您还问了：" + rest + "——客服将尽快答复）";
	}

	/** The case's written answer once both are answered. */
	static String bothAnswers(String first, String rest, String answer) {
		return first + "\n\n关于「" + rest + "」：" + answer;
	}

	static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…（完整答复请查看事项进度页）";
	}

	/** A hand-over to a specialist group: when the reply is promised, and what the forms, the timeline and the owner read. */
	record HandOver(String group, String groupLabel, OffsetDateTime promisedAt, String promisedAtText, String note,
			String ownerMessage) {
	}

	/**
	 * Hands over to {@code group} with the promise the desk chose in hours, else the triage table's ISO-8601
	 * duration, else 24 hours.
	 */
	static HandOver handOver(String group, String promiseHours, String promiseWithin, OffsetDateTime now) {
		if (!SPECIALIST_GROUPS.contains(group)) {
			throw new IllegalArgumentException("请选择接手的专员部门：" + String.join("、", SPECIALIST_GROUPS.stream().map(Groups::label).toList()));
		}
		OffsetDateTime promisedAt = now.plus(promise(promiseHours, promiseWithin));
		String label = Groups.label(group);
		String at = PROMISE.format(promisedAt);
		return new HandOver(group, label, promisedAt, at, "转" + label + "专员，承诺 " + at + " 前答复",
				"您的咨询已转交" + label + "专员，将于 " + at + " 前答复您");
	}

	static Duration promise(String promiseHours, String promiseWithin) {
		if (!promiseHours.isEmpty()) {
			long h = promiseHours.matches("\\d{1,3}") ? Long.parseLong(promiseHours) : 0;
			if (h < 1 || h > 24 * 14) {
				throw new IllegalArgumentException("承诺答复时限应为 1 到 336 小时");
			}
			return Duration.ofHours(h);
		}
		try {
			return Duration.parse(promiseWithin.isEmpty() ? "PT24H" : promiseWithin);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("分流表的承诺答复时限不是 ISO-8601 时长：" + promiseWithin, e);
		}
	}

	/** The case type the desk's {@code answerMode} opens from an inquiry: an emergency, a neighbour dispute or a repair. */
	static String linkedType(String answerMode) {
		return "emergency".equals(answerMode) || "mediation".equals(answerMode) ? answerMode : "repair";
	}

	/** A linked repair needs its category, an emergency its incident type; a dispute's kind is found in the talks. */
	static String linkedCategory(String type, String category) {
		if ("mediation".equals(type)) {
			return null;
		}
		if (category.isEmpty()) {
			throw new IllegalArgumentException("emergency".equals(type) ? "请选择紧急事件类型" : "请选择报修类别");
		}
		return category;
	}

	static String linkedRefused(String type, String reason) {
		return "无法转" + linkedLabel(type) + "：" + reason;
	}

	private static String linkedLabel(String type) {
		return switch (type) {
			case "emergency" -> "紧急事件";
			case "mediation" -> "邻里纠纷调解";
			default -> "报修";
		};
	}

	/** The inquiry's answer when it became a linked case: the new case's number. */
	static String linkedAnswer(String type, String linkedCaseNo) {
		if ("mediation".equals(type)) {
			return "您反映的邻里纠纷已转为调解（事项编号 " + linkedCaseNo + "），客服会在 24 小时内分别联系双方。";
		}
		return "emergency".equals(type)
				? "您反映的情况已转为紧急事件（事项编号 " + linkedCaseNo + "），值班人员正在处置，请注意安全。"
				: "您反映的问题已转为报修（事项编号 " + linkedCaseNo + "），维修人员会尽快与您联系。";
	}

	/** A draft's category: the one the desk chose if it is an inquiry category, else the case's, else {@code other}. */
	static String draftCategory(String chosen, String caseCategory) {
		if (InquiryCaseType.CATEGORIES.containsKey(chosen)) {
			return chosen;
		}
		return caseCategory != null ? caseCategory : "other";
	}

	/** A draft is reviewed by someone else than its author; the review's note fits its column. */
	static String reviewNote(String reviewer, String proposedBy, String note) {
		if (reviewer.equals(proposedBy)) {
			throw new IllegalArgumentException("不能审核自己提交的草稿，请由本部门其他同事或管理层审核");
		}
		if (note.length() > 1000) {
			throw new IllegalArgumentException("审核意见最长 1000 个字符");
		}
		return note;
	}

	/** The entry an approved draft becomes: the reviewer's edits, else the draft's own words. */
	record Entry(String question, String answer, List<String> keywords) {
	}

	static Entry approvedEntry(String editedQuestion, String editedAnswer, String keywords, String draftQuestion,
			String draftAnswer) {
		String question = editedQuestion.isEmpty() ? draftQuestion : editedQuestion;
		String answer = editedAnswer.isEmpty() ? draftAnswer : editedAnswer;
		List<String> words = Arrays.stream(keywords.split("[,，、\\s]+")).filter(k -> !k.isBlank()).toList();
		if (question.length() > 500 || answer.length() > 4000) {
			throw new IllegalArgumentException("标准问题最长 500 个字符，标准答案最长 4000 个字符，请精简后收录");
		}
		if (words.size() > 30 || String.join(",", words).length() > 1000 || words.stream().anyMatch(k -> k.length() > 30)) {
			throw new IllegalArgumentException("关键词最多 30 个，每个最长 30 个字符");
		}
		return new Entry(question, answer, words);
	}

	/** A note, when there is one, after a colon. */
	static String withNote(String text, String note) {
		return text + (note.isEmpty() ? "" : "：" + note);
	}

}
