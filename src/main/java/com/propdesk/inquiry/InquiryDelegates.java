package com.propdesk.inquiry;

import static com.propdesk.intake.CaseService.caseNo;
import static com.propdesk.inquiry.InquiryProcess.ANSWER_CODE;
import static com.propdesk.inquiry.InquiryProcess.ANSWER_MODE;
import static com.propdesk.inquiry.InquiryProcess.ANSWER_TEXT;
import static com.propdesk.inquiry.InquiryProcess.AUTO;
import static com.propdesk.inquiry.InquiryProcess.DESK;
import static com.propdesk.inquiry.InquiryProcess.ROUTE;
import static com.propdesk.inquiry.InquiryProcess.SPECIALIST;
import static com.propdesk.inquiry.InquiryProcess.SPECIALIST_GROUP;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.notify.Notifications;
import com.propdesk.notify.OwnerEvents;
import com.propdesk.security.Groups;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;
import com.propdesk.system.Actor;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.InvalidRequestException;

/** The steps of {@code processes/inquiry.bpmn}; each reads the process, calls a shared service, writes results. */
final class InquiryDelegates {

	private static final DateTimeFormatter PROMISE = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	/** Groups an inquiry may be handed to. */
	static final List<String> SPECIALIST_GROUPS = List.of(Groups.SERVICE_DESK, Groups.ENGINEERING, Groups.CLEANING,
			Groups.SECURITY, Groups.MANAGEMENT);

	private InquiryDelegates() {
	}

	/** The desk's choices that turn the inquiry into another case type. */
	static final List<String> LINKED_MODES = List.of("repair", "emergency");

	/** How much of an answer the event (and so the SMS) carries; the status page shows all of it. */
	static final int SUMMARY_ANSWER = 400;

	static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…（完整答复请查看事项进度页）";
	}

	/**
	 * {@code ${matchKnowledgeDelegate}}: after the triage table, asks the knowledge base. A confident
	 * match is answered automatically; otherwise the desk gets the best three candidates; what the table
	 * sends to a specialist is never answered from the knowledge base.
	 */
	@Component("matchKnowledgeDelegate")
	static class Match implements JavaDelegate {

		private final KnowledgeMatcher matcher;

		private final KnowledgeBase knowledge;

		private final CaseService cases;

		private final Notifications notifications;

		Match(KnowledgeMatcher matcher, KnowledgeBase knowledge, CaseService cases, Notifications notifications) {
			this.matcher = matcher;
			this.knowledge = knowledge;
			this.cases = cases;
			this.notifications = notifications;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			CaseRecord record = cases.find(caseNo).orElseThrow();
			InquiryProcess.Triage triage = InquiryProcess.TRIAGE_RESULT.get(execution);
			String tableRoute = triage.route();
			KnowledgeMatcher.Match match = matcher.match(record.description());
			String route;
			if (SPECIALIST.equals(tableRoute)) {
				route = SPECIALIST;
				SPECIALIST_GROUP.set(execution, triage.specialistGroup());
				InquiryProcess.PROMISE_WITHIN.set(execution, triage.promiseWithin());
			}
			else if ("knowledge".equals(tableRoute) && match.confident()) {
				route = AUTO;
				ANSWER_CODE.set(execution, match.best().entry().code());
			}
			else {
				route = DESK;
			}
			ROUTE.set(execution, route);
			// a suspected danger is P1, every other inquiry normal; the desk answers it unless the table names a specialist
			boolean urgent = triage.urgent();
			cases.classify(caseNo, record.category(), urgent ? "P1" : "P3",
					SPECIALIST.equals(route) ? triage.specialistGroup() : Groups.SERVICE_DESK);
			List<KnowledgeMatcher.Candidate> candidates = match.candidates();
			for (int n = 1; n <= 3; n++) {
				KnowledgeMatcher.Candidate c = n <= candidates.size() ? candidates.get(n - 1) : null;
				InquiryProcess.Candidate offered = InquiryProcess.CANDIDATES.get(n - 1);
				offered.code().set(execution, c == null ? null : c.entry().code());
				offered.question().set(execution, c == null ? "（无）" : c.entry().question());
				offered.answer().set(execution, c == null ? "" : c.entry().answer());
				offered.score().set(execution, c == null ? "" : String.format("%.0f%%", c.score() * 100));
			}
			KnowledgeMatcher.Candidate best = match.best();
			knowledge.asked(caseNo, record.createdAt(), record.description(), best == null ? null : best.entry().code(),
					best == null ? null : best.score(), route);
			String message = switch (route) {
				case AUTO -> String.format("知识库匹配「%s」（置信度 %.0f%%），自动答复", best.entry().question(), best.score() * 100);
				case SPECIALIST -> "咨询分流：" + triage.reason();
				default -> DESK.equals(tableRoute) ? "咨询分流：" + triage.reason() : best == null ? "知识库没有相关条目，交客服答复"
						: String.format("知识库最接近「%s」（置信度 %.0f%%），不足以自动答复，交客服从候选答案中选择或自行答复",
								best.entry().question(), best.score() * 100);
			};
			cases.record(caseNo, InquiryCaseType.Timeline.TRIAGED, message);
			InquiryProcess.TRIAGE_REASON.set(execution, triage.reason());
			if (urgent) {
				notifications.page("inquiry-urgent:" + caseNo, Groups.DUTY_OFFICER, caseNo,
						"【疑似险情】" + caseNo + " 业主咨询：" + record.description() + "，联系电话 " + record.reporterPhone());
			}
		}

	}

	/**
	 * {@code ${answerInquiryDelegate}}: sends the answer — the matched entry's, a candidate the desk
	 * chose, or the desk's or specialist's own words — in writing to the owner, meets the clocks and
	 * closes the case.
	 */
	@Component("answerInquiryDelegate")
	static class Answer implements JavaDelegate {

		private final KnowledgeBase knowledge;

		private final CaseService cases;

		private final OwnerEvents events;

		private final SlaService slas;

		Answer(KnowledgeBase knowledge, CaseService cases, OwnerEvents events, SlaService slas) {
			this.knowledge = knowledge;
			this.cases = cases;
			this.events = events;
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			String route = ROUTE.get(execution);
			String mode = ANSWER_MODE.text(execution);
			String code = null;
			String outcome;
			String text;
			if (AUTO.equals(route)) {
				code = ANSWER_CODE.get(execution);
				outcome = AUTO;
			}
			else if (LINKED_MODES.contains(mode)) {
				outcome = "linked";
			}
			else if (mode.startsWith("candidate") && !SPECIALIST.equals(route)) {
				code = InquiryProcess.chosen(mode).map(c -> c.code().get(execution)).orElse(null);
				if (code == null) {
					throw new ProcessEngineException("所选候选答案不存在，请选择其他候选或自行答复");
				}
				outcome = "candidate";
			}
			else {
				outcome = SPECIALIST.equals(route) || SPECIALIST.equals(mode) ? SPECIALIST : "own";
			}
			if (code != null) {
				String entryCode = code;
				text = knowledge.latest(code).filter(e -> e.validOn(Clock.now().toLocalDate()))
						.orElseThrow(() -> new ProcessEngineException("知识库条目 " + entryCode + " 已撤下，请选择其他候选或自行答复"))
						.answer();
			}
			else {
				text = ANSWER_TEXT.text(execution);
				if (text.isEmpty()) {
					throw new ProcessEngineException("请填写给业主的答复");
				}
				if (text.length() > 4000) {
					throw new ProcessEngineException("答复最长 4000 个字符");
				}
			}
			ANSWER_TEXT.set(execution, text);
			InquiryProcess.PROPOSE_ENTRY.set(execution, ("own".equals(outcome) || SPECIALIST.equals(outcome))
					&& Boolean.TRUE.equals(InquiryProcess.ADD_TO_KNOWLEDGE.get(execution)));
			cases.answer(caseNo, text);
			cases.changeStatus(caseNo, CaseStatus.CLOSED);
			knowledge.answered(caseNo, outcome, code);
			if ("candidate".equals(outcome)) {
				// the desk confirmed the entry answers this wording: the next owner asking so is answered at once
				knowledge.confirm(code, cases.find(caseNo).orElseThrow().description(), caseNo, Actor.current(execution));
			}
			slas.meet(caseNo, SlaNames.INQUIRY_FIRST_RESPONSE);
			slas.meet(caseNo, SlaNames.INQUIRY_PROMISED_REPLY);
			events.publish(caseNo, "answered", "您的咨询答复：" + abbreviate(text, SUMMARY_ANSWER), null);
		}

	}

	/**
	 * {@code ${handOverInquiryDelegate}}: hands the inquiry to a specialist group with a promised reply
	 * time the owner is told (event {@code promised}); that meets the first response, and the promise
	 * becomes a clock that escalates to management.
	 */
	@Component("handOverInquiryDelegate")
	static class HandOver implements JavaDelegate {

		private final CaseService cases;

		private final OwnerEvents events;

		private final SlaService slas;

		HandOver(CaseService cases, OwnerEvents events, SlaService slas) {
			this.cases = cases;
			this.events = events;
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			String group = SPECIALIST_GROUP.text(execution);
			if (!SPECIALIST_GROUPS.contains(group)) {
				throw new ProcessEngineException("请选择接手的专员部门：" + String.join("、", SPECIALIST_GROUPS.stream().map(Groups::label).toList()));
			}
			Duration within = promise(execution);
			OffsetDateTime promisedAt = Clock.now().plus(within);
			InquiryProcess.PROMISED_AT.set(execution, promisedAt);
			InquiryProcess.SPECIALIST_GROUP_LABEL.set(execution, Groups.label(group));
			InquiryProcess.PROMISED_AT_TEXT.set(execution, PROMISE.format(promisedAt));
			CaseRecord record = cases.find(caseNo).orElseThrow();
			cases.classify(caseNo, record.category(), record.priority(), group);
			cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
			cases.record(caseNo, InquiryCaseType.Timeline.HANDED_OVER, "转" + Groups.label(group) + "专员，承诺 " + PROMISE.format(promisedAt) + " 前答复");
			slas.meet(caseNo, SlaNames.INQUIRY_FIRST_RESPONSE);
			slas.startUntil(caseNo, SlaNames.INQUIRY_PROMISED_REPLY, promisedAt, "承诺答复时间");
			events.publish(caseNo, "promised", "您的咨询已转交" + Groups.label(group) + "专员，将于 " + PROMISE.format(promisedAt)
					+ " 前答复您", promisedAt);
		}

		private static Duration promise(DelegateExecution execution) {
			String hours = InquiryProcess.PROMISE_HOURS.text(execution);
			if (!hours.isEmpty()) {
				long h = hours.matches("\\d{1,3}") ? Long.parseLong(hours) : 0;
				if (h < 1 || h > 24 * 14) {
					throw new ProcessEngineException("承诺答复时限应为 1 到 336 小时");
				}
				return Duration.ofHours(h);
			}
			String within = InquiryProcess.PROMISE_WITHIN.text(execution);
			try {
				return Duration.parse(within.isEmpty() ? "PT24H" : within);
			}
			catch (DateTimeParseException e) {
				throw new ProcessEngineException("分流表的承诺答复时限不是 ISO-8601 时长：" + within, e);
			}
		}

	}

	/**
	 * {@code ${openLinkedFromInquiryDelegate}}: the owner reported a fault or a danger, not a question; the
	 * desk turns it into a linked repair or emergency case (same reporter, place and callback) and the
	 * inquiry answers with its number.
	 */
	@Component("openLinkedFromInquiryDelegate")
	static class OpenLinked implements JavaDelegate {

		private final CaseService cases;

		OpenLinked(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			String mode = ANSWER_MODE.text(execution);
			boolean emergency = "emergency".equals(mode);
			String category = (emergency ? InquiryProcess.INCIDENT_TYPE : InquiryProcess.REPAIR_CATEGORY).text(execution);
			if (category.isEmpty()) {
				throw new ProcessEngineException(emergency ? "请选择紧急事件类型" : "请选择报修类别");
			}
			CaseRecord record = cases.find(caseNo).orElseThrow();
			cases.locate(caseNo, CaseVariables.BUILDING.text(execution), CaseVariables.UNIT.text(execution));
			String linked;
			try {
				linked = cases.openLinked(caseNo, emergency ? "emergency" : "repair", category, record.description());
			}
			catch (InvalidRequestException e) {
				throw new ProcessEngineException("无法转" + (emergency ? "紧急事件" : "报修") + "：" + e.getMessage(), e);
			}
			CaseVariables.LINKED_CASE_NO.set(execution, linked);
			ANSWER_TEXT.set(execution, emergency
					? "您反映的情况已转为紧急事件（事项编号 " + linked + "），值班人员正在处置，请注意安全。"
					: "您反映的问题已转为报修（事项编号 " + linked + "），维修人员会尽快与您联系。");
		}

	}

	/** {@code ${draftKnowledgeEntryDelegate}}: the hand-written answer becomes a draft for the category's owners. */
	@Component("draftKnowledgeEntryDelegate")
	static class Draft implements JavaDelegate {

		private final KnowledgeBase knowledge;

		private final CaseService cases;

		Draft(KnowledgeBase knowledge, CaseService cases) {
			this.knowledge = knowledge;
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			CaseRecord record = cases.find(caseNo).orElseThrow();
			String category = InquiryProcess.KNOWLEDGE_CATEGORY.text(execution);
			if (!InquiryCaseType.CATEGORIES.containsKey(category)) {
				category = record.category() != null ? record.category() : "other";
			}
			String department = InquiryCaseType.OWNERS.get(category);
			long id = knowledge.propose(caseNo, category, department, record.description(),
					ANSWER_TEXT.text(execution), Actor.current(execution));
			InquiryProcess.DRAFT_ID.set(execution, id);
			InquiryProcess.DRAFT_DEPARTMENT.set(execution, department);
			InquiryProcess.DRAFT_QUESTION.set(execution, record.description());
			InquiryProcess.DRAFT_ANSWER.set(execution, ANSWER_TEXT.text(execution));
			InquiryProcess.DRAFT_CATEGORY_LABEL.set(execution, InquiryCaseType.CATEGORIES.get(category));
			cases.record(caseNo, InquiryCaseType.Timeline.KB_DRAFT, "答复已提交知识库草稿，待" + Groups.label(department) + "审核");
		}

	}

	/** {@code ${reviewKnowledgeEntryDelegate}}: the owners approve the draft as a new entry (edited) or reject it. */
	@Component("reviewKnowledgeEntryDelegate")
	static class Review implements JavaDelegate {

		private final KnowledgeBase knowledge;

		private final CaseService cases;

		Review(KnowledgeBase knowledge, CaseService cases) {
			this.knowledge = knowledge;
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			// the draft of this case, still pending: a variable sent with the task cannot point the review elsewhere
			KnowledgeBase.Draft draft = knowledge.pendingDraftOf(caseNo)
					.orElseThrow(() -> new ProcessEngineException("事项 " + caseNo + " 没有待审核的知识库草稿"));
			long id = draft.id();
			String reviewer = Actor.current(execution);
			if (reviewer.equals(draft.proposedBy())) {
				throw new ProcessEngineException("不能审核自己提交的草稿，请由本部门其他同事或管理层审核");
			}
			String note = InquiryProcess.REVIEW_NOTE.text(execution);
			if (note.length() > 1000) {
				throw new ProcessEngineException("审核意见最长 1000 个字符");
			}
			if (!Boolean.TRUE.equals(InquiryProcess.APPROVED.get(execution))) {
				knowledge.reviewed(id, "rejected", null, reviewer, note);
				cases.record(caseNo, InquiryCaseType.Timeline.KB_REJECTED, "知识库草稿未采纳" + (note.isEmpty() ? "" : "：" + note));
				return;
			}
			String question = orDefault(InquiryProcess.DRAFT_QUESTION.text(execution), draft.question());
			String answer = orDefault(InquiryProcess.DRAFT_ANSWER.text(execution), draft.answer());
			List<String> keywords = Arrays.stream(InquiryProcess.DRAFT_KEYWORDS.text(execution).split("[,，、\\s]+"))
					.filter(k -> !k.isBlank()).toList();
			if (question.length() > 500 || answer.length() > 4000) {
				throw new ProcessEngineException("标准问题最长 500 个字符，标准答案最长 4000 个字符，请精简后收录");
			}
			if (keywords.size() > 30 || String.join(",", keywords).length() > 1000 || keywords.stream().anyMatch(k -> k.length() > 30)) {
				throw new ProcessEngineException("关键词最多 30 个，每个最长 30 个字符");
			}
			String code = "kb-" + id;
			knowledge.publish(code, draft.category(), draft.department(), question, answer, keywords,
					Clock.now().toLocalDate(), null, reviewer, "由 " + caseNo + " 的答复整理" + (note.isEmpty() ? "" : "：" + note));
			knowledge.reviewed(id, "approved", code, reviewer, note);
			cases.record(caseNo, InquiryCaseType.Timeline.KB_APPROVED, "答复已收入知识库，条目 " + code);
		}

		private static String orDefault(String value, String fallback) {
			return value.isEmpty() ? fallback : value;
		}

	}

}
