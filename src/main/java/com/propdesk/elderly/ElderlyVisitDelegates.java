package com.propdesk.elderly;

import static com.propdesk.system.StaffInput.checked;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.propdesk.elderly.CareRecord.Visit;
import com.propdesk.elderly.CareRules.Findings;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseTypes;
import com.propdesk.notify.Notifications;
import com.propdesk.security.Groups;
import com.propdesk.security.TaskCards;
import com.propdesk.system.Actor;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Step;

/** The steps of {@code elderly-visit}: thin, the logic is in {@link CareRules}, {@link CareRecords} and {@link CareVisits}. */
final class ElderlyVisitDelegates {

	private ElderlyVisitDelegates() {
	}

	private static long residentId(DelegateExecution execution) {
		return ElderlyVisitProcess.RESIDENT_ID.get(execution);
	}

	private static long visitId(DelegateExecution execution) {
		return ElderlyVisitProcess.VISIT_ID.get(execution);
	}

	/**
	 * {@code ${scheduleElderlyVisit}}: the next visit from the care record as it is now (interval, visitor), with what
	 * the visitor reads on the form; a withdrawn record ends the visits.
	 */
	@Step(label = "排定下次探访", offered = false)
	@Component("scheduleElderlyVisit")
	static class ScheduleVisit implements JavaDelegate {

		private final CareRecords records;

		private final CareVisits visits;

		ScheduleVisit(CareRecords records, CareVisits visits) {
			this.records = records;
			this.visits = visits;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long residentId = residentId(execution);
			Optional<Visit> next = visits.planNext(residentId, execution.getProcessInstanceId());
			ElderlyVisitProcess.UNDER_CARE.set(execution, next.isPresent());
			if (next.isEmpty()) {
				return;
			}
			Visit visit = next.get();
			CareRecord care = records.find(residentId).orElseThrow();
			ElderlyVisitProcess.VISIT_ID.set(execution, visit.id());
			ElderlyVisitProcess.VISIT_OPENS_AT.set(execution, visit.opensAt());
			ElderlyVisitProcess.VISIT_DUE_AT.set(execution, visit.dueAt());
			ElderlyVisitProcess.VISITOR_GROUP.set(execution, visit.visitorGroup());
			ElderlyVisitProcess.RESIDENT_NAME.set(execution, care.residentName());
			ElderlyVisitProcess.RESIDENT_UNIT.set(execution, care.unit());
			ElderlyVisitProcess.RESIDENT_PHONE.set(execution, care.residentPhone());
			ElderlyVisitProcess.VISIT_EVERY_LABEL.set(execution, care.visitEveryLabel() + "（" + care.visitedByLabel() + "）");
			ElderlyVisitProcess.VISIT_WINDOW.set(execution, CareRules.window(visit.opensAt(), visit.dueAt()));
			ElderlyVisitProcess.EMERGENCY_CONTACTS.set(execution, care.contactsText());
			ElderlyVisitProcess.HEALTH_NOTES.set(execution, care.healthConsent() ? care.healthNotes() : null);
			ElderlyVisitProcess.PREVIOUS_VISIT.set(execution, visits.previousText(residentId));
			// the task cards say whom each visit is for
			execution.setVariable(TaskCards.VARIABLE, care.unit() + " " + care.residentName() + " · "
					+ CareRules.window(visit.opensAt(), visit.dueAt()));
		}

	}

	/**
	 * {@code ${recordElderlyVisit}}: the visit form's findings, checked and kept with who visited; each request flag is
	 * written true or false, so the requests gateway reads all three.
	 */
	@Step(label = "记录探访", offered = false)
	@Component("recordElderlyVisit")
	static class RecordVisit implements JavaDelegate {

		private final CareVisits visits;

		private final CaseTypes types;

		RecordVisit(CareVisits visits, CaseTypes types) {
			this.visits = visits;
			this.types = types;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Map<String, String> checks = new LinkedHashMap<>();
			checks.put("燃气", ElderlyVisitProcess.GAS.get(execution));
			checks.put("用水", ElderlyVisitProcess.WATER.get(execution));
			checks.put("用电", ElderlyVisitProcess.ELECTRICITY.get(execution));
			checks.put("紧急呼叫按钮", ElderlyVisitProcess.EMERGENCY_BUTTON.get(execution));
			List<String> categories = new ArrayList<>(types.get("repair").categories().keySet());
			Findings findings = checked(() -> CareRules.findings(ElderlyVisitProcess.WELLBEING.get(execution), checks,
					ElderlyVisitProcess.VISIT_NOTES.get(execution), ElderlyVisitProcess.REPAIR_REQUESTED.isTrue(execution),
					ElderlyVisitProcess.REPAIR_CATEGORY.get(execution), ElderlyVisitProcess.REPAIR_DESCRIPTION.get(execution),
					categories, ElderlyVisitProcess.ERRAND_REQUESTED.isTrue(execution), ElderlyVisitProcess.ERRAND.get(execution),
					ElderlyVisitProcess.INQUIRY_REQUESTED.isTrue(execution), ElderlyVisitProcess.INQUIRY_QUESTION.get(execution)));
			visits.done(visitId(execution), findings, Actor.current(execution));
			ElderlyVisitProcess.VISITED_ID.set(execution, visitId(execution));
			ElderlyVisitProcess.REPAIR_REQUESTED.set(execution, findings.repairDescription() != null);
			ElderlyVisitProcess.ERRAND_REQUESTED.set(execution, findings.errand() != null);
			ElderlyVisitProcess.INQUIRY_REQUESTED.set(execution, findings.inquiry() != null);
		}

	}

	/**
	 * {@code ${openVisitRepair}}: a repair the resident asked for at the visit opens as a repair case with the resident
	 * as its reporter (channel walk-in, the visit as its external id, so a retried step opens it once).
	 */
	@Step(label = "为住户报修", offered = false)
	@Component("openVisitRepair")
	static class OpenRepair implements JavaDelegate {

		private final CaseService cases;

		private final CareVisits visits;

		OpenRepair(CaseService cases, CareVisits visits) {
			this.cases = cases;
			this.visits = visits;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long visitId = ElderlyVisitProcess.VISITED_ID.get(execution);
			String caseNo = cases.open(report(execution, "repair", "elderly-visit-" + visitId + "-repair",
					ElderlyVisitProcess.REPAIR_CATEGORY.get(execution),
					"独居老人探访时报修：" + ElderlyVisitProcess.REPAIR_DESCRIPTION.get(execution))).record().caseNo();
			visits.repairOpened(visitId, caseNo);
		}

	}

	/** {@code ${openVisitInquiry}}: a question the resident asked at the visit opens as an inquiry with the resident as reporter. */
	@Step(label = "为住户登记咨询", offered = false)
	@Component("openVisitInquiry")
	static class OpenInquiry implements JavaDelegate {

		private final CaseService cases;

		private final CareVisits visits;

		OpenInquiry(CaseService cases, CareVisits visits) {
			this.cases = cases;
			this.visits = visits;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long visitId = ElderlyVisitProcess.VISITED_ID.get(execution);
			String caseNo = cases.open(report(execution, "inquiry", "elderly-visit-" + visitId + "-inquiry", null,
					ElderlyVisitProcess.INQUIRY_QUESTION.get(execution))).record().caseNo();
			visits.inquiryOpened(visitId, caseNo);
		}

	}

	private static CaseRequest report(DelegateExecution execution, String type, String externalId, String category,
			String description) {
		String unit = ElderlyVisitProcess.RESIDENT_UNIT.get(execution);
		return new CaseRequest(type, "walk-in", externalId, new CaseRequest.Reporter(ElderlyVisitProcess.RESIDENT_NAME.get(execution),
				ElderlyVisitProcess.RESIDENT_PHONE.get(execution)), unit.substring(0, unit.indexOf('-')), unit, category,
				description, null);
	}

	/** {@code ${recordVisitErrand}}, when the desk completes an errand (代办): its result is kept on the visit. */
	@Step(label = "记录代办结果", offered = false)
	@Component("recordVisitErrand")
	static class RecordErrand implements TaskListener {

		private final CareVisits visits;

		RecordErrand(CareVisits visits) {
			this.visits = visits;
		}

		@Override
		public void notify(DelegateTask task) {
			// the form requires the result: Tasklist and the REST API refuse a completion without it
			visits.errandDone(ElderlyVisitProcess.ERRAND_VISIT_ID.get(task), ElderlyVisitProcess.ERRAND_RESULT.text(task).strip(),
					Actor.current(task.getProcessEngineServices().getIdentityService()));
		}

	}

	/** {@code ${recordMissedVisit}}: the window ended without a visit; the duty officer is paged. */
	@Step(label = "记录未探访并通知值班", offered = false)
	@Component("recordMissedVisit")
	static class RecordMissed implements JavaDelegate {

		private final CareVisits visits;

		private final Notifications notifications;

		RecordMissed(CareVisits visits, Notifications notifications) {
			this.visits = visits;
			this.notifications = notifications;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long visitId = visitId(execution);
			int inRow = visits.missed(visitId);
			ElderlyVisitProcess.MISSED_VISIT_ID.set(execution, visitId);
			ElderlyVisitProcess.MISSED_IN_ROW.set(execution, inRow);
			ElderlyVisitProcess.MISSED_VISITS.set(execution, visits.missedText(residentId(execution), inRow));
			notifications.page("elderly-visit-missed:" + visitId, Groups.DUTY_OFFICER, null,
					"独居老人 " + ElderlyVisitProcess.RESIDENT_UNIT.get(execution) + " " + ElderlyVisitProcess.RESIDENT_NAME.get(execution)
							+ " 的探访未按时完成（" + ElderlyVisitProcess.VISIT_WINDOW.get(execution) + "），连续 " + inRow + " 次，请安排");
		}

	}

	/** {@code ${smsEmergencyContacts}}: two visits missed in a row: every emergency contact gets an SMS. */
	@Step(label = "短信通知紧急联系人", offered = false)
	@Component("smsEmergencyContacts")
	static class SmsContacts implements JavaDelegate {

		private final CareRecords records;

		private final Notifications notifications;

		SmsContacts(CareRecords records, Notifications notifications) {
			this.records = records;
			this.notifications = notifications;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long visitId = ElderlyVisitProcess.MISSED_VISIT_ID.get(execution);
			CareRecord care = records.find(residentId(execution)).orElseThrow();
			for (CareRecord.Contact contact : care.contacts()) {
				notifications.sms("elderly-visit-contact:" + visitId, contact.phone(), null, "【翠湖花园物业】您好，" + contact.name()
						+ "：我们已连续 " + ElderlyVisitProcess.MISSED_IN_ROW.get(execution) + " 次未能按时探访" + care.residentName()
						+ "（" + care.unit() + "），客服将致电与您联系，也请您方便时联系老人。");
			}
		}

	}

	/** {@code ${recordContactCall}}, when the desk completes its call to the emergency contacts: the call is kept on the visit. */
	@Step(label = "记录联系紧急联系人", offered = false)
	@Component("recordContactCall")
	static class RecordContactCall implements TaskListener {

		private final CareVisits visits;

		RecordContactCall(CareVisits visits) {
			this.visits = visits;
		}

		@Override
		public void notify(DelegateTask task) {
			// the form requires the note: Tasklist and the REST API refuse a completion without it
			visits.contactCalled(ElderlyVisitProcess.CONTACT_VISIT_ID.get(task), ElderlyVisitProcess.CONTACT_CALL_NOTE.text(task).strip(),
					Actor.current(task.getProcessEngineServices().getIdentityService()));
		}

	}

	/**
	 * {@code ${listElderlyResidents}}, when an emergency's acknowledgement task is created: the elderly residents
	 * living alone in the emergency's building and their contacts, for the duty officer, the evacuation team and the
	 * commander (read-only on their forms).
	 */
	@Step(label = "列出本楼独居老人")
	@Component("listElderlyResidents")
	static class ListElderlyResidents implements TaskListener {

		private final CareRecords records;

		ListElderlyResidents(CareRecords records) {
			this.records = records;
		}

		@Override
		public void notify(DelegateTask task) {
			String building = CaseVariables.BUILDING.get(task);
			List<String> lines = building == null ? List.of() : records.ofBuilding(building);
			task.getExecution().getProcessInstance().setVariable(ElderlyVisitProcess.ELDERLY_RESIDENTS.name(),
					lines.isEmpty() ? "本楼没有登记的独居老人" : String.join("\n", lines));
		}

	}

}
