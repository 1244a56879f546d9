package com.propdesk.mediation;

import static com.propdesk.intake.CaseService.caseNo;
import static com.propdesk.system.StaffInput.checked;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.security.Groups;
import com.propdesk.system.Actor;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.Refusal;
import com.propdesk.system.Step;
import com.propdesk.worklog.UploadTypes;
import com.propdesk.worklog.UploadPurposes;

/**
 * The steps of {@code processes/mediation.bpmn}: each reads the process's typed variables, asks {@link MediationRules}
 * what follows, calls the shared services and writes the results. The timeline gets neutral lines only: what the
 * parties said stays in the forms, which staff alone open.
 */
final class MediationDelegates {

	private MediationDelegates() {
	}

	/** The sides a talk or follow-up step's input parameter {@code side} names. */
	public static final class Sides implements Step.Options {

		@Override
		public Map<String, String> values() {
			Map<String, String> sides = new LinkedHashMap<>();
			sides.put(MediationProcess.REPORTER_SIDE, "报事方");
			sides.put(MediationProcess.OTHER_SIDE, "对方");
			return sides;
		}

	}

	/** The follow-up visits a step's input parameter {@code visit} names. */
	public static final class Visits implements Step.Options {

		@Override
		public Map<String, String> values() {
			Map<String, String> visits = new LinkedHashMap<>();
			visits.put("first", "7 天回访");
			visits.put("second", "30 天回访");
			return visits;
		}

	}

	/**
	 * {@code ${recordDisputePartiesDelegate}}: the dispute's units are kept, and a dispute between the same units
	 * within 90 days is flagged as recurring.
	 */
	@Step(label = "登记纠纷双方")
	@Component("recordDisputePartiesDelegate")
	static class RecordParties implements JavaDelegate {

		private final CaseService cases;

		private final MediationDisputes disputes;

		RecordParties(CaseService cases, MediationDisputes disputes) {
			this.cases = cases;
			this.disputes = disputes;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			CaseRecord record = cases.find(caseNo).orElseThrow();
			List<String> others = CaseRequest.splitUnits(CaseVariables.OTHER_UNITS.text(execution));
			disputes.saveParties(caseNo, record.unit(), others, record.createdAt());
			List<String> units = new java.util.ArrayList<>(others);
			units.add(record.unit());
			var earlier = MediationRules.recurringOf(record.unit(), others, disputes.involving(units,
					record.createdAt().minusDays(MediationProcess.RECURRING_WINDOW_DAYS), caseNo));
			MediationProcess.RECURRING.set(execution, earlier.isPresent());
			cases.classify(caseNo, record.category(), "P3", Groups.SERVICE_DESK);
			cases.record(caseNo, MediationCaseType.Timeline.PARTIES, MediationRules.partiesNote(record.unit(), others));
			earlier.ifPresent(of -> {
				MediationProcess.RECURRING_OF.set(execution, of);
				cases.record(caseNo, MediationCaseType.Timeline.RECURRING, MediationRules.recurringNote(of));
			});
		}

	}

	/** {@code ${recordMediationTalkDelegate}} with input {@code side}: one side was heard, on its own. */
	@Step(label = "记录分别谈话", inputs = @Step.Input(name = "side", label = "哪一方", options = Sides.class))
	@Component("recordMediationTalkDelegate")
	static class RecordTalk implements JavaDelegate {

		private final CaseService cases;

		RecordTalk(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String side = MediationProcess.SIDE.getLocal(execution);
			boolean reporter = MediationProcess.REPORTER_SIDE.equals(side);
			checked(() -> {
				MediationRules.talk((reporter ? MediationProcess.REPORTER_FACTS : MediationProcess.OTHER_FACTS).text(execution),
						(reporter ? MediationProcess.REPORTER_DEMANDS : MediationProcess.OTHER_DEMANDS).text(execution));
				return null;
			});
			String caseNo = caseNo(execution);
			String units = reporter ? CaseVariables.UNIT.text(execution)
					: String.join("、", CaseRequest.splitUnits(CaseVariables.OTHER_UNITS.text(execution)));
			cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
			cases.record(caseNo, MediationCaseType.Timeline.TALKED, MediationRules.talkNote(side, units));
		}

	}

	/** {@code ${recordMediationEvidenceDelegate}}: the uploads the evidence form names are attached to the dispute. */
	@Step(label = "登记证据")
	@Component("recordMediationEvidenceDelegate")
	static class RecordEvidence implements JavaDelegate {

		private final CaseService cases;

		private final MediationDisputes disputes;

		private final UploadPurposes uploads;

		RecordEvidence(CaseService cases, MediationDisputes disputes, UploadPurposes uploads) {
			this.cases = cases;
			this.disputes = disputes;
			this.uploads = uploads;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Map<String, String> ids = new LinkedHashMap<>();
			ids.put("cctv", MediationProcess.CCTV_UPLOADS.text(execution));
			ids.put("decibel", MediationProcess.DECIBEL_UPLOADS.text(execution));
			ids.put("photos", MediationProcess.PHOTO_UPLOADS.text(execution));
			ids.put("leak-test", MediationProcess.LEAK_TEST_UPLOADS.text(execution));
			List<MediationRules.Evidence> evidence = checked(() -> {
				MediationRules.findings(MediationProcess.EVIDENCE_FINDINGS.text(execution));
				return MediationRules.evidence(ids);
			});
			for (MediationRules.Evidence piece : evidence) {
				if (!uploads.of(piece.uploadId()).map(UploadTypes.EVIDENCE::equals).orElse(false)) {
					throw new Refusal(MediationRules.notEvidence(piece.uploadId()));
				}
			}
			String caseNo = caseNo(execution);
			String by = Actor.current(execution);
			evidence.forEach(piece -> disputes.attach(caseNo, piece, by));
			String summary = MediationRules.evidenceSummary(disputes.evidence(caseNo));
			MediationProcess.EVIDENCE_SUMMARY.set(execution, summary);
			if (!MediationProcess.REFER_TO_POLICE.isSet(execution)) {
				MediationProcess.REFER_TO_POLICE.set(execution, false);
			}
			cases.record(caseNo, MediationCaseType.Timeline.EVIDENCE, "取证：" + summary);
		}

	}

	/** {@code ${recordPoliceOutcomeDelegate}}: what the community police office (社区警务室) did. */
	@Step(label = "记录社区警务室处理结果")
	@Component("recordPoliceOutcomeDelegate")
	static class RecordPoliceOutcome implements JavaDelegate {

		private final CaseService cases;

		RecordPoliceOutcome(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String outcome = checked(() -> MediationRules.policeOutcome(MediationProcess.POLICE_OUTCOME.text(execution)));
			cases.record(caseNo(execution), MediationCaseType.Timeline.POLICE, "转社区警务室，处理结果：" + outcome);
		}

	}

	/** {@code ${recordSettlementDelegate}}: the desk proposed a settlement to both sides. */
	@Step(label = "记录调解方案")
	@Component("recordSettlementDelegate")
	static class RecordSettlement implements JavaDelegate {

		private final CaseService cases;

		RecordSettlement(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			checked(() -> MediationRules.settlement(MediationProcess.SETTLEMENT.text(execution)));
			cases.record(caseNo(execution), MediationCaseType.Timeline.SETTLEMENT, "已向双方提出调解方案");
		}

	}

	/**
	 * {@code ${recordSettlementResponsesDelegate}}: each side's answer, recorded on its own; settled when both accept,
	 * and then the follow-up visits are set for 7 and 30 days later.
	 */
	@Step(label = "记录双方意见")
	@Component("recordSettlementResponsesDelegate")
	static class RecordResponses implements JavaDelegate {

		private final CaseService cases;

		RecordResponses(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			MediationRules.Responses responses = checked(() -> MediationRules.responses(
					MediationProcess.REPORTER_ACCEPTS.isTrue(execution), MediationProcess.REPORTER_RESPONSE.text(execution),
					MediationProcess.OTHER_ACCEPTS.isTrue(execution), MediationProcess.OTHER_RESPONSE.text(execution)));
			String caseNo = caseNo(execution);
			responses.notes().forEach(note -> cases.record(caseNo, MediationCaseType.Timeline.RESPONSE, note));
			MediationProcess.SETTLED.set(execution, responses.settled());
			if (!MediationProcess.REVISE_SETTLEMENT.isSet(execution) || responses.settled()) {
				MediationProcess.REVISE_SETTLEMENT.set(execution, false);
			}
			if (responses.settled()) {
				OffsetDateTime now = Clock.now();
				MediationProcess.FIRST_FOLLOW_UP_AT.set(execution, MediationRules.firstFollowUp(now));
				MediationProcess.SECOND_FOLLOW_UP_AT.set(execution, MediationRules.secondFollowUp(now));
			}
		}

	}

	/** {@code ${recordLongTermMeasureDelegate}}: a recurring dispute's long-term measure (a joint community activity). */
	@Step(label = "记录长效措施")
	@Component("recordLongTermMeasureDelegate")
	static class RecordLongTermMeasure implements JavaDelegate {

		private final CaseService cases;

		RecordLongTermMeasure(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String measure = checked(() -> MediationRules.longTermMeasure(MediationProcess.LONG_TERM_MEASURE.text(execution)));
			cases.record(caseNo(execution), MediationCaseType.Timeline.LONG_TERM, "长效措施：" + measure);
		}

	}

	/** {@code ${recordMediationFollowUpDelegate}} with input {@code visit}: the 7- or 30-day follow-up visit. */
	@Step(label = "记录回访", inputs = @Step.Input(name = "visit", label = "第几次回访", options = Visits.class))
	@Component("recordMediationFollowUpDelegate")
	static class RecordFollowUp implements JavaDelegate {

		private final CaseService cases;

		RecordFollowUp(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String visit = MediationProcess.VISIT.getLocal(execution);
			String note = ("first".equals(visit) ? MediationProcess.FIRST_FOLLOW_UP_NOTE : MediationProcess.SECOND_FOLLOW_UP_NOTE)
					.text(execution);
			cases.record(caseNo(execution), MediationCaseType.Timeline.FOLLOW_UP, checked(() -> MediationRules.followUpNote(visit, note)));
		}

	}

	/** {@code ${closeMediationDelegate}}: the mediation closes in writing, settled or not. */
	@Step(label = "书面结案")
	@Component("closeMediationDelegate")
	static class Close implements JavaDelegate {

		private final CaseService cases;

		Close(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			checked(() -> MediationRules.closingLetter(MediationProcess.CLOSING_LETTER.text(execution)));
			cases.close(caseNo(execution), MediationRules.closedNote(MediationProcess.SETTLED.isTrue(execution)));
		}

	}

}
