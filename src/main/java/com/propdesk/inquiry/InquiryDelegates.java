package com.propdesk.inquiry;

import static com.propdesk.intake.CaseService.caseNo;
import static com.propdesk.inquiry.InquiryProcess.ANSWER_CODE;
import static com.propdesk.inquiry.InquiryProcess.ANSWER_MODE;
import static com.propdesk.inquiry.InquiryProcess.ANSWER_TEXT;
import static com.propdesk.inquiry.InquiryProcess.AUTO;
import static com.propdesk.inquiry.InquiryProcess.ROUTE;
import static com.propdesk.inquiry.InquiryProcess.SPECIALIST;
import static com.propdesk.inquiry.InquiryProcess.SPECIALIST_GROUP;
import static com.propdesk.system.StaffInput.checked;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseRequest;
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
import com.propdesk.system.Step;

/**
 * The steps of {@code processes/inquiry.bpmn}: each reads the process, asks {@link InquiryRules} what follows,
 * calls the shared services and writes the results.
 */
final class InquiryDelegates {

	private InquiryDelegates() {
	}

	/**
	 * {@code ${matchKnowledgeDelegate}}: after the triage table, asks the knowledge base. A confident
	 * match is answered automatically; otherwise the desk gets the best three candidates; what the table
	 * sends to a specialist is never answered from the knowledge base.
	 */
	@Step(label = "检索知识库")
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
			KnowledgeMatcher.Match match = matcher.match(record.description());
			InquiryRules.Routing routing = InquiryRules.route(triage, match);
			String route = routing.route();
			KnowledgeMatcher.Candidate best = match.best();
			if (SPECIALIST.equals(route)) {
				SPECIALIST_GROUP.set(execution, triage.specialistGroup());
				InquiryProcess.PROMISE_WITHIN.set(execution, triage.promiseWithin());
			}
			else if (AUTO.equals(route)) {
				ANSWER_CODE.set(execution, best.entry().code());
			}
			boolean restToDesk = AUTO.equals(route) && match.rest() != null;
			InquiryProcess.REST_TO_DESK.set(execution, restToDesk);
			InquiryProcess.REST_QUESTION.set(execution, restToDesk ? match.rest() : null);
			ROUTE.set(execution, route);
			cases.classify(caseNo, record.category(), routing.priority(), routing.group());
			// the desk answers the rest of a question whose main ask was answered: its candidates are for the rest
			List<KnowledgeMatcher.Candidate> candidates = restToDesk ? matcher.match(match.rest()).candidates().stream()
					.filter(c -> !c.entry().code().equals(best.entry().code())).toList() : match.candidates();
			for (int n = 1; n <= 3; n++) {
				KnowledgeMatcher.Candidate c = n <= candidates.size() ? candidates.get(n - 1) : null;
				InquiryProcess.Candidate offered = InquiryProcess.CANDIDATES.get(n - 1);
				offered.code().set(execution, c == null ? null : c.entry().code());
				offered.question().set(execution, c == null ? "（无）" : c.entry().question());
				offered.answer().set(execution, c == null ? "" : c.entry().answer());
				offered.score().set(execution, c == null ? "" : InquiryRules.percent(c.score()));
			}
			knowledge.asked(caseNo, record.createdAt(), record.description(), best == null ? null : best.entry().code(),
					best == null ? null : best.score(), route);
			cases.record(caseNo, InquiryCaseType.Timeline.TRIAGED, routing.note());
			// what the desk reads first: why the table routed it, or why the knowledge base did not answer it
			InquiryProcess.TRIAGE_REASON.set(execution, "knowledge".equals(triage.route()) ? routing.note() : triage.reason());
			if (triage.urgent()) {
				notifications.page("inquiry-urgent:" + caseNo, Groups.DUTY_OFFICER, caseNo,
						InquiryRules.urgentPage(caseNo, record.description(), record.reporterPhone()));
			}
		}

	}

	/**
	 * {@code ${answerInquiryDelegate}}: sends the answer — the matched entry's, a candidate the desk
	 * chose, or the desk's or specialist's own words — in writing to the owner, meets the clocks and
	 * closes the case.
	 */
	@Step(label = "答复业主")
	@Component("answerInquiryDelegate")
	static class Answer implements JavaDelegate {

		private final KnowledgeBase knowledge;

		private final KnowledgeMatcher matcher;

		private final CaseService cases;

		private final OwnerEvents events;

		private final SlaService slas;

		Answer(KnowledgeBase knowledge, KnowledgeMatcher matcher, CaseService cases, OwnerEvents events, SlaService slas) {
			this.knowledge = knowledge;
			this.matcher = matcher;
			this.cases = cases;
			this.events = events;
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			String mode = ANSWER_MODE.text(execution);
			String outcome = InquiryRules.outcome(ROUTE.get(execution), mode);
			String code = switch (outcome) {
				case AUTO -> ANSWER_CODE.get(execution);
				case InquiryRules.CANDIDATE -> InquiryProcess.chosen(mode).map(c -> c.code().get(execution))
						.orElseThrow(() -> new ProcessEngineException("所选候选答案不存在，请选择其他候选或自行答复"));
				default -> null;
			};
			String text;
			if (code != null) {
				text = knowledge.latest(code).filter(e -> e.validOn(Clock.now().toLocalDate()))
						.orElseThrow(() -> new ProcessEngineException("知识库条目 " + code + " 已撤下，请选择其他候选或自行答复"))
						.answer();
			}
			else {
				text = checked(() -> InquiryRules.writtenAnswer(ANSWER_TEXT.text(execution)));
			}
			if (AUTO.equals(outcome) && InquiryProcess.REST_TO_DESK.isTrue(execution)) {
				answerMainAsk(execution, caseNo, code, text);
				return;
			}
			String partial = InquiryProcess.PARTIAL_ANSWER.text(execution);
			String rest = InquiryProcess.REST_QUESTION.text(execution);
			ANSWER_TEXT.set(execution, text);
			InquiryProcess.PROPOSE_ENTRY.set(execution,
					InquiryRules.proposesEntry(outcome, Boolean.TRUE.equals(InquiryProcess.ADD_TO_KNOWLEDGE.get(execution))));
			cases.answer(caseNo, partial.isEmpty() ? text : InquiryRules.bothAnswers(partial, rest, text));
			cases.changeStatus(caseNo, CaseStatus.CLOSED);
			knowledge.answered(caseNo, outcome, code);
			if (InquiryRules.CANDIDATE.equals(outcome)) {
				// the desk confirmed the entry answers this wording — the rest of a two-ask question, or the whole
				// question: the next owner asking so is answered at once
				String wording = rest.isEmpty() ? cases.find(caseNo).orElseThrow().description() : rest;
				if (matcher.mayLearn(code, wording)) {
					knowledge.confirm(code, wording, caseNo, Actor.current(execution));
				}
				else {
					// a candidate far from the question (chosen for its answer, or by mistake) teaches nothing
					cases.record(caseNo, InquiryCaseType.Timeline.NOT_LEARNED, "所选候选与问题相似度过低，未记为条目 " + code + " 的问法");
				}
			}
			slas.meet(caseNo, SlaNames.INQUIRY_FIRST_RESPONSE);
			slas.meet(caseNo, SlaNames.INQUIRY_PROMISED_REPLY);
			events.publish(caseNo, "answered", partial.isEmpty() ? InquiryRules.answeredMessage(text)
					: InquiryRules.restAnsweredMessage(text), null);
		}

		/**
		 * The main ask of a two-ask question answered from the knowledge base: the owner gets that answer now, the case
		 * stays open and the desk answers the rest within the first response's time — never half-answered silently.
		 */
		private void answerMainAsk(DelegateExecution execution, String caseNo, String code, String text) {
			String rest = InquiryProcess.REST_QUESTION.text(execution);
			InquiryProcess.PARTIAL_ANSWER.set(execution, text);
			// from here on the inquiry is the desk's: its answer to the rest is a desk answer
			ROUTE.set(execution, InquiryProcess.DESK);
			cases.answer(caseNo, InquiryRules.partialAnswer(text, rest));
			cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
			knowledge.answered(caseNo, AUTO, code);
			cases.record(caseNo, InquiryCaseType.Timeline.PARTLY_ANSWERED, "已用知识库条目 " + code + " 答复主要问题；其余问题交客服答复：" + rest);
			// the first response is the whole answer: its clock runs on, so the desk's task for the rest is due when it is
			events.publish(caseNo, "answered", InquiryRules.partialAnsweredMessage(text), null);
		}

	}

	/**
	 * {@code ${handOverInquiryDelegate}}: hands the inquiry to a specialist group with a promised reply
	 * time the owner is told (event {@code promised}); that meets the first response, and the promise
	 * becomes a clock that escalates to management.
	 */
	@Step(label = "转专员并承诺答复时间")
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
			InquiryRules.HandOver handOver = checked(() -> InquiryRules.handOver(SPECIALIST_GROUP.text(execution),
					InquiryProcess.PROMISE_HOURS.text(execution), InquiryProcess.PROMISE_WITHIN.text(execution), Clock.now()));
			InquiryProcess.PROMISED_AT.set(execution, handOver.promisedAt());
			InquiryProcess.SPECIALIST_GROUP_LABEL.set(execution, handOver.groupLabel());
			InquiryProcess.PROMISED_AT_TEXT.set(execution, handOver.promisedAtText());
			CaseRecord record = cases.find(caseNo).orElseThrow();
			cases.classify(caseNo, record.category(), record.priority(), handOver.group());
			cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
			cases.record(caseNo, InquiryCaseType.Timeline.HANDED_OVER, handOver.note());
			slas.meet(caseNo, SlaNames.INQUIRY_FIRST_RESPONSE);
			slas.startUntil(caseNo, SlaNames.INQUIRY_PROMISED_REPLY, handOver.promisedAt(), "承诺答复时间");
			events.publish(caseNo, "promised", handOver.ownerMessage(), handOver.promisedAt());
		}

	}

	/**
	 * {@code ${openLinkedFromInquiryDelegate}}: the owner reported a fault or a danger, or asks the property to
	 * mediate a dispute with a neighbour, not a question; the desk turns it into a linked repair, emergency or
	 * mediation (the other party's units from the form) case (same reporter, place and callback) and the
	 * inquiry answers with its number.
	 */
	@Step(label = "转报修、紧急事件或调解")
	@Component("openLinkedFromInquiryDelegate")
	static class OpenLinked implements JavaDelegate {

		private final CaseService cases;

		OpenLinked(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			String type = InquiryRules.linkedType(ANSWER_MODE.text(execution));
			String category = checked(() -> InquiryRules.linkedCategory(type,
					("emergency".equals(type) ? InquiryProcess.INCIDENT_TYPE : InquiryProcess.REPAIR_CATEGORY).text(execution)));
			CaseRecord record = cases.find(caseNo).orElseThrow();
			cases.locate(caseNo, CaseVariables.BUILDING.text(execution), CaseVariables.UNIT.text(execution));
			String linked;
			try {
				linked = "mediation".equals(type)
						? cases.openLinked(caseNo, type, category, record.description(),
								CaseRequest.splitUnits(CaseVariables.OTHER_UNITS.text(execution)))
						: cases.openLinked(caseNo, type, category, record.description());
			}
			catch (InvalidRequestException e) {
				throw new ProcessEngineException(InquiryRules.linkedRefused(type, e.getMessage()), e);
			}
			CaseVariables.LINKED_CASE_NO.set(execution, linked);
			ANSWER_TEXT.set(execution, InquiryRules.linkedAnswer(type, linked));
		}

	}

	/** {@code ${draftKnowledgeEntryDelegate}}: the hand-written answer becomes a draft for the category's owners. */
	@Step(label = "起草知识库条目")
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
			String category = InquiryRules.draftCategory(InquiryProcess.KNOWLEDGE_CATEGORY.text(execution), record.category());
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
	@Step(label = "记录审核结果")
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
			String note = checked(() -> InquiryRules.reviewNote(reviewer, draft.proposedBy(),
					InquiryProcess.REVIEW_NOTE.text(execution)));
			if (!Boolean.TRUE.equals(InquiryProcess.APPROVED.get(execution))) {
				knowledge.reviewed(id, "rejected", null, reviewer, note);
				cases.record(caseNo, InquiryCaseType.Timeline.KB_REJECTED, InquiryRules.withNote("知识库草稿未采纳", note));
				return;
			}
			InquiryRules.Entry entry = checked(() -> InquiryRules.approvedEntry(InquiryProcess.DRAFT_QUESTION.text(execution),
					InquiryProcess.DRAFT_ANSWER.text(execution), InquiryProcess.DRAFT_KEYWORDS.text(execution),
					draft.question(), draft.answer()));
			String code = "kb-" + id;
			knowledge.publish(code, draft.category(), draft.department(), entry.question(), entry.answer(), entry.keywords(),
					Clock.now().toLocalDate(), null, reviewer, InquiryRules.withNote("由 " + caseNo + " 的答复整理", note));
			knowledge.reviewed(id, "approved", code, reviewer, note);
			cases.record(caseNo, InquiryCaseType.Timeline.KB_APPROVED, "答复已收入知识库，条目 " + code);
		}

	}

}
