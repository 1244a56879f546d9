package com.propdesk.inquiry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.propdesk.system.Var;

/** Names in {@code processes/inquiry.bpmn} that code, forms and tests refer to. */
public final class InquiryProcess {

	public static final String KEY = "inquiry";

	public static final String TRIAGE_DECISION = "inquiry-triage";

	// element ids
	public static final String DESK_ANSWER = "Task_DeskAnswer";
	public static final String SPECIALIST_REPLY = "Task_SpecialistReply";
	public static final String REVIEW_ENTRY = "Task_ReviewEntry";
	public static final String END_AUTO_ANSWERED = "Event_AutoAnswered";
	public static final String END_ANSWERED = "Event_Answered";

	// variables
	/** Result of the triage table: route, specialistGroup, promiseWithin, reason. */
	public static final Var<Triage> TRIAGE_RESULT = Var.decision("triage", Triage.class, Triage::of);
	/** Why the table routed the inquiry as it did, shown to the desk. */
	public static final Var<String> TRIAGE_REASON = Var.text("triageReason");
	/** How the inquiry goes on after matching: auto, desk or specialist. */
	public static final Var<String> ROUTE = Var.text("route");
	public static final String AUTO = "auto";
	public static final String DESK = "desk";
	public static final String SPECIALIST = "specialist";

	/** A second ask the knowledge base did not answer ("另外宽带能装哪几家"): for the desk, after the main ask was answered. */
	public static final Var<String> REST_QUESTION = Var.text("restQuestion");
	public static final Var<Boolean> REST_TO_DESK = Var.flag("restToDesk");
	/** The answer already sent for the main ask, shown to the desk and kept with the desk's answer to the rest. */
	public static final Var<String> PARTIAL_ANSWER = Var.text("partialAnswer");
	/** The entry the knowledge base answered with. */
	public static final Var<String> ANSWER_CODE = Var.text("answerCode");
	/** The desk's choice: candidate1, candidate2, candidate3, own, specialist, repair or emergency. */
	public static final Var<String> ANSWER_MODE = Var.text("answerMode");
	public static final Var<String> ANSWER_TEXT = Var.text("answerText");
	public static final Var<String> SPECIALIST_GROUP = Var.text("specialistGroup");
	public static final Var<String> SPECIALIST_GROUP_LABEL = Var.text("specialistGroupLabel");
	/** A promise the desk chose, in hours; a triage-table promise comes as an ISO duration in {@code promiseWithin}. */
	public static final Var<String> PROMISE_HOURS = Var.text("promiseHours");
	public static final Var<String> PROMISE_WITHIN = Var.text("promiseWithin");
	public static final Var<OffsetDateTime> PROMISED_AT = Var.time("promisedAt");
	/** The promised time as the specialist's form shows it. */
	public static final Var<String> PROMISED_AT_TEXT = Var.text("promisedAtText");
	public static final Var<Boolean> ADD_TO_KNOWLEDGE = Var.flag("addToKnowledgeBase");
	public static final Var<String> KNOWLEDGE_CATEGORY = Var.text("knowledgeCategory");
	/** The desk's category and incident type when it turns the inquiry into a repair or an emergency. */
	public static final Var<String> REPAIR_CATEGORY = Var.text("repairCategory");
	public static final Var<String> INCIDENT_TYPE = Var.text("incidentType");
	public static final Var<Boolean> PROPOSE_ENTRY = Var.flag("proposeEntry");
	/** The draft's id, for the record: the review reads the case's own pending draft, never this variable. */
	public static final Var<Long> DRAFT_ID = Var.of("draftId", Long.class);
	public static final Var<String> DRAFT_DEPARTMENT = Var.text("draftDepartment");
	public static final Var<String> DRAFT_QUESTION = Var.text("draftQuestion");
	public static final Var<String> DRAFT_ANSWER = Var.text("draftAnswer");
	public static final Var<String> DRAFT_KEYWORDS = Var.text("draftKeywords");
	public static final Var<String> DRAFT_CATEGORY_LABEL = Var.text("draftCategoryLabel");
	public static final Var<Boolean> APPROVED = Var.flag("approved");
	public static final Var<String> REVIEW_NOTE = Var.text("reviewNote");

	/** The n-th candidate (1-based) offered to the desk: its entry code, question, answer and score. */
	public record Candidate(Var<String> code, Var<String> question, Var<String> answer, Var<String> score) {

		static Candidate of(int n) {
			return new Candidate(Var.text("candidate" + n + "Code"), Var.text("candidate" + n + "Question"),
					Var.text("candidate" + n + "Answer"), Var.text("candidate" + n + "Score"));
		}

		public List<Var<String>> variables() {
			return List.of(code, question, answer, score);
		}

	}

	/** The three candidates; the desk's {@code answerMode} {@code candidateN} names the n-th. */
	public static final List<Candidate> CANDIDATES = List.of(Candidate.of(1), Candidate.of(2), Candidate.of(3));

	/** What {@code inquiry-triage} decided. */
	public record Triage(String route, String specialistGroup, String promiseWithin, String reason, boolean urgent) {

		static Triage of(Map<String, Object> result) {
			return new Triage((String) result.get("route"), (String) result.get("specialistGroup"),
					(String) result.get("promiseWithin"), (String) result.get("reason"), Boolean.TRUE.equals(result.get("urgent")));
		}

	}

	/** The candidate the desk's {@code answerMode} names ({@code candidate2}), if it names one. */
	static Optional<Candidate> chosen(String answerMode) {
		for (int n = 1; n <= CANDIDATES.size(); n++) {
			if (answerMode.equals("candidate" + n)) {
				return Optional.of(CANDIDATES.get(n - 1));
			}
		}
		return Optional.empty();
	}

	private InquiryProcess() {
	}

}
