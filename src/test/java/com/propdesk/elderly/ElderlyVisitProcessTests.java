package com.propdesk.elderly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.CaseProcessTest;
import com.propdesk.ProcessCoverage;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.elderly.CareRecord.Contact;
import com.propdesk.elderly.CareRecord.Visit;
import com.propdesk.emergency.EmergencyProcess;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseRequest;
import com.propdesk.security.Groups;
import com.propdesk.system.Refusal;

/**
 * One test per path through {@code processes/elderly-visit.bpmn}, on the engine with its clock moved: visits on the
 * resident's interval (a changed interval from the next visit on), a visit's requests opening a repair, an errand and an
 * inquiry, missed visits paging the duty officer and then the emergency contact, a withdrawn record ending the visits;
 * and a gas leak listing its building's elderly residents for the emergency's teams.
 */
@PropDeskTest
class ElderlyVisitProcessTests extends CaseProcessTest {

	@RegisterExtension
	static ProcessCoverage coverage = new ProcessCoverage(ElderlyVisitProcess.KEY, 1.0);

	/** 王小明, the son of the resident of 2-701 (floor 7, door 01: living alone in the demo estate). */
	static final Contact SON = new Contact("王小明", "儿子", "13912345678");

	@Autowired
	CareRecords records;

	@Autowired
	CareVisits visits;

	@Autowired
	DemoCareRecords demo;

	@BeforeEach
	void nobodyUnderCare() {
		jdbc.update("delete from elderly_visit");
		jdbc.update("delete from elderly_care");
	}

	long resident(String unit) {
		return jdbc.queryForObject("select id from resident where unit_code = ?", Long.class, unit);
	}

	long underCare(String unit, String every, String visitor) {
		long id = resident(unit);
		records.save(id, new CareRules.Settings(List.of(SON), "高血压，每日服药", true, every, visitor), "agent");
		return id;
	}

	String instanceOf(long residentId) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(ElderlyVisitProcess.KEY)
				.processInstanceBusinessKey(ElderlyVisitProcess.businessKey(residentId)).singleResult().getId();
	}

	Job timer(String instance, String activity) {
		return managementService.createJobQuery().processInstanceId(instance).activityId(activity).singleResult();
	}

	/** Moves the clock to the timer's due time (if it is later) and fires it, as the job executor would. */
	void fire(String instance, String activity) {
		Job job = timer(instance, activity);
		assertThat(job).as("timer %s", activity).isNotNull();
		OffsetDateTime due = OffsetDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
		if (due.isAfter(com.propdesk.system.Clock.now())) {
			TestClock.set(due.plusMinutes(1));
		}
		managementService.executeJob(job.getId());
	}

	Task visitTask(String instance) {
		return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ElderlyVisitProcess.VISIT).singleResult();
	}

	static Map<String, Object> allWell(Object... more) {
		Map<String, Object> form = new HashMap<>(Map.of("wellbeing", "good", "gasCheck", "ok", "waterCheck", "ok",
				"electricityCheck", "ok", "emergencyButtonCheck", "ok", "repairRequested", false, "errandRequested", false,
				"inquiryRequested", false));
		for (int i = 0; i < more.length; i += 2) {
			form.put((String) more[i], more[i + 1]);
		}
		return form;
	}

	List<String> passed(String instance) {
		return processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance).list().stream()
				.map(a -> a.getActivityId()).toList();
	}

	@Test
	void visitsRunOnTheResidentsIntervalAndAChangedIntervalAppliesFromTheNextVisit() {
		long resident = underCare("2-701", "P1W", Groups.SERVICE_DESK);
		String instance = instanceOf(resident);

		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);
		Task first = visitTask(instance);
		assertThat(candidateGroups(first)).containsExactly(Groups.SERVICE_DESK);
		assertThat(first.getName()).isEqualTo("上门探访 2-701 " + records.find(resident).orElseThrow().residentName());
		assertThat(OffsetDateTime.ofInstant(first.getDueDate().toInstant(), ZoneId.systemDefault())).isEqualTo(TestClock.DAY.plusWeeks(1));
		assertThat(taskService.getVariable(first.getId(), "emergencyContacts")).isEqualTo("王小明（儿子）13912345678");
		assertThat(taskService.getVariable(first.getId(), "healthNotes")).isEqualTo("高血压，每日服药");

		// visited on the third day: the next visit opens when this one was due, a week after the first opened
		TestClock.set(TestClock.DAY.plusDays(2));
		completeAs("agent", first, allWell("visitNotes", "精神不错"));
		assertThat(visitTask(instance)).as("no visit before its time").isNull();
		assertThat(timer(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS).getDuedate().toInstant())
				.isEqualTo(TestClock.DAY.plusWeeks(1).toInstant());

		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);
		Task second = visitTask(instance);
		assertThat(OffsetDateTime.ofInstant(second.getDueDate().toInstant(), ZoneId.systemDefault())).isEqualTo(TestClock.DAY.plusWeeks(2));
		assertThat((String) taskService.getVariable(second.getId(), "previousVisit")).contains("agent：住户良好；燃气正常、用水正常、用电正常、紧急呼叫按钮正常；精神不错");

		// the desk changes the interval to monthly: the open visit keeps its week, the one after is a month
		records.save(resident, new CareRules.Settings(List.of(SON), null, false, "P1M", Groups.SECURITY), "agent");
		completeAs("agent", second, allWell());
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);
		Task third = visitTask(instance);
		assertThat(candidateGroups(third)).containsExactly(Groups.SECURITY);
		assertThat(OffsetDateTime.ofInstant(third.getDueDate().toInstant(), ZoneId.systemDefault()))
				.isEqualTo(TestClock.DAY.plusWeeks(2).plusMonths(1));
		assertThat(taskService.getVariable(third.getId(), "healthNotes")).as("no consent, no health notes").isNull();

		assertThat(visits.of(resident, 10)).extracting(Visit::status).containsExactly(Visit.DUE, Visit.DONE, Visit.DONE);
		assertThat(passed(instance)).contains("Event_NoRequest");
	}

	@Test
	void aVisitsRequestsOpenARepairWithTheResidentAsReporterAnErrandForTheDeskAndAnInquiry() {
		long resident = underCare("3-1401", "P2W", Groups.SECURITY);
		String instance = instanceOf(resident);
		String name = records.find(resident).orElseThrow().residentName();
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);

		Task visit = visitTask(instance);
		assertThatThrownBy(() -> completeAs("guard", visit, allWell("repairRequested", true, "repairCategory", "plumbing")))
				.isInstanceOf(Refusal.class).hasMessageContaining("报修内容");
		completeAs("guard", visit, allWell("waterCheck", "problem", "repairRequested", true, "repairCategory", "plumbing",
				"repairDescription", "卫生间水龙头关不紧，一直滴水", "errandRequested", true, "errand", "代买降压药（硝苯地平缓释片）两盒",
				"inquiryRequested", true, "inquiryQuestion", "明年的物业费什么时候交？"));

		Visit done = visits.of(resident, 2).get(1);
		assertThat(done.facilityChecks()).isEqualTo("燃气正常、用水异常、用电正常、紧急呼叫按钮正常");
		CaseRecord repair = cases.find(done.repairCaseNo()).orElseThrow();
		assertThat(repair.type().key()).isEqualTo("repair");
		assertThat(repair.reporterName()).isEqualTo(name);
		assertThat(repair.unit()).isEqualTo("3-1401");
		assertThat(repair.category()).isEqualTo("plumbing");
		assertThat(repair.description()).contains("卫生间水龙头关不紧");
		CaseRecord inquiry = cases.find(done.inquiryCaseNo()).orElseThrow();
		assertThat(inquiry.type().key()).isEqualTo("inquiry");
		assertThat(inquiry.reporterName()).isEqualTo(name);

		Task errand = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ElderlyVisitProcess.ERRAND_TASK)
				.singleResult();
		assertThat(candidateGroups(errand)).containsExactly(Groups.SERVICE_DESK);
		assertThat(taskService.getVariable(errand.getId(), "errandText")).isEqualTo("代买降压药（硝苯地平缓释片）两盒");
		assertThat(visitTask(instance)).as("the next visit is planned while the errand is open").isNull();
		assertThat(timer(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS)).isNotNull();
		completeAs("agent", errand, "errandResult", "已在社区药房代买两盒，下午 3 点送到家，花费 46 元（老人已付）");

		Visit recorded = visits.find(done.id()).orElseThrow();
		assertThat(recorded.errand()).isEqualTo("代买降压药（硝苯地平缓释片）两盒");
		assertThat(recorded.errandResult()).startsWith("已在社区药房代买两盒");
		assertThat(recorded.errandDoneBy()).isEqualTo("agent");
		assertThat(passed(instance)).contains("Event_RepairOpened", "Event_ErrandDone", "Event_InquiryOpened");
	}

	@Test
	void aMissedVisitPagesTheDutyOfficerAndTwoInARowTextAndCallTheEmergencyContact() {
		long resident = underCare("1-701", "P1W", Groups.SERVICE_DESK);
		String instance = instanceOf(resident);
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);

		fire(instance, ElderlyVisitProcess.TIMER_VISIT_MISSED);
		long firstMissed = visits.of(resident, 2).get(1).id();
		assertThat(visits.find(firstMissed).orElseThrow().status()).isEqualTo(Visit.MISSED);
		assertThat(jdbc.queryForList("select recipient from notification where event_id = ?", String.class,
				"elderly-visit-missed:" + firstMissed)).containsExactly(Groups.DUTY_OFFICER);
		// (the shared database holds other tests' messages to the same number: a desk test corrects a reporter to it)
		assertThat(jdbc.queryForObject("select count(*) from notification where recipient = ? and event_id like "
				+ "'elderly-visit-contact:%'", Integer.class, SON.phone())).as("one miss: the contact is not told yet").isZero();

		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);
		assertThat(visitTask(instance)).as("the next visit opens at once").isNotNull();
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_MISSED);
		long secondMissed = visits.of(resident, 2).get(1).id();

		assertThat(jdbc.queryForObject("select text from notification where recipient = ? and event_id = ?", String.class,
				SON.phone(), "elderly-visit-contact:" + secondMissed)).contains("王小明", "连续 2 次未能按时探访");
		Task call = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ElderlyVisitProcess.PHONE_CONTACT)
				.singleResult();
		assertThat(candidateGroups(call)).containsExactly(Groups.SERVICE_DESK);
		assertThat((String) taskService.getVariable(call.getId(), "missedVisits")).contains("未探访");
		assertThat(timer(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS)).as("visits go on meanwhile").isNotNull();

		completeAs("agent", call, "contactCallNote", "已联系儿子，老人这两周住在女儿家，下周回来");
		assertThat(visits.find(secondMissed).orElseThrow().contactCallNote()).startsWith("已联系儿子");
		assertThat(visits.find(secondMissed).orElseThrow().contactCalledBy()).isEqualTo("agent");

		// visited again: the count starts over
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);
		completeAs("agent", visitTask(instance), allWell());
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_MISSED);
		assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ElderlyVisitProcess.PHONE_CONTACT)
				.count()).isZero();
		assertThat(passed(instance)).contains("Event_ContactCalled");
	}

	@Test
	void theOpenVisitShowsTheContactsAsTheyAreNowAndNoHealthNotesOnceConsentIsWithdrawn() {
		long resident = underCare("4-1401", "P1W", Groups.SERVICE_DESK);
		String instance = instanceOf(resident);
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);
		Task visit = visitTask(instance);
		assertThat((String) taskService.getVariable(visit.getId(), "healthNotes")).isEqualTo("高血压，每日服药");
		assertThat((String) taskService.getVariableLocal(visit.getId(), "caseCard")).as("the task card").startsWith("4-1401 ");

		records.save(resident, new CareRules.Settings(List.of(new Contact("王小红", "女儿", "13987654321")), null, false, "P1W",
				Groups.SERVICE_DESK), "agent");

		assertThat(taskService.getVariable(visit.getId(), "healthNotes")).isNull();
		assertThat((String) taskService.getVariable(visit.getId(), "emergencyContacts")).contains("王小红").doesNotContain("王小明");
	}

	@Test
	void aWithdrawnCareRecordEndsTheVisitsAfterTheOpenOne() {
		long resident = underCare("4-701", "P1W", Groups.SERVICE_DESK);
		String instance = instanceOf(resident);
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);
		assertThat(records.withdraw(resident, "agent")).isTrue();

		completeAs("agent", visitTask(instance), allWell());
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(passed(instance)).contains(ElderlyVisitProcess.CARE_ENDED);

		// taken up again: the visits start again
		records.save(resident, new CareRules.Settings(List.of(SON), null, false, "P1W", Groups.SERVICE_DESK), "agent");
		assertThat(instanceOf(resident)).isNotEqualTo(instance);
	}

	@Test
	void aGasLeakInTheBuildingListsItsElderlyResidentsAndTheirContactsForTheEvacuation() {
		underCare("5-701", "P1W", Groups.SERVICE_DESK);
		String gas = cases.open(new CaseRequest("emergency", "phone", "ph-" + UUID.randomUUID(),
				new CaseRequest.Reporter("值班电话", "13700000000"), "5", null, "gas-leak", "5 号楼燃气味很重", null)).record().caseNo();

		Task acknowledge = taskService.createTaskQuery().processInstanceBusinessKey(gas).taskDefinitionKey(EmergencyProcess.ACKNOWLEDGE)
				.singleResult();
		String listed = (String) taskService.getVariable(acknowledge.getId(), "elderlyResidents");
		assertThat(listed.lines()).hasSize(2);
		assertThat(listed.lines().toList().get(0)).startsWith("5-701 ").contains("紧急联系人：王小明（儿子）13912345678");
		assertThat(listed.lines().toList().get(1)).startsWith("5-1401 ").contains("未登记紧急联系人");

		completeAs("duty", acknowledge, "ackNote", "已确认，先关总阀再疏散");
		Task evacuate = taskService.createTaskQuery().processInstanceBusinessKey(gas).taskDefinitionKey(EmergencyProcess.EVACUATE)
				.singleResult();
		assertThat(taskService.getVariable(evacuate.getId(), "elderlyResidents")).isEqualTo(listed);

		// a power cut is an equipment failure: no evacuation task, the duty officer's form has the list
		String power = cases.open(new CaseRequest("emergency", "phone", "ph-" + UUID.randomUUID(),
				new CaseRequest.Reporter("值班电话", "13700000000"), "5", null, "power-cut", "5 号楼整栋停电", null)).record().caseNo();
		Task powerAck = taskService.createTaskQuery().processInstanceBusinessKey(power).taskDefinitionKey(EmergencyProcess.ACKNOWLEDGE)
				.singleResult();
		assertThat(taskService.getVariable(powerAck.getId(), "elderlyResidents")).isEqualTo(listed);
	}

	@Test
	void everyDemoResidentLivingAloneGetsACareRecordAndVisitsOnScheduleWithAMedicineErrand() {
		// the demo estate flags 12 (floors 7 and 14, door 01 of each building); other classes sharing the context may add some
		int flagged = jdbc.queryForObject("select count(*) from resident where elderly_alone", Integer.class);
		assertThat(jdbc.queryForObject("select count(*) from resident where elderly_alone and unit_code like '%-701' or "
				+ "elderly_alone and unit_code like '%-1401'", Integer.class)).isEqualTo(12);
		assertThat(demo.load()).isEqualTo(flagged);
		assertThat(demo.load()).as("once").isZero();
		assertThat(records.list(null)).hasSize(flagged).allSatisfy(care -> {
			assertThat(care.contacts()).hasSize(1);
			assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
					ElderlyVisitProcess.businessKey(care.residentId())).count()).isOne();
		});
		assertThat(records.list(null)).extracting(CareRecord::visitEvery).contains("P1W", "P2W", "P1M");
		assertThat(records.list(null)).extracting(CareRecord::visitedBy).contains(Groups.SERVICE_DESK, Groups.SECURITY);

		// the visits open now: one task each, for the desk and security
		for (Job job : managementService.createJobQuery().activityId(ElderlyVisitProcess.TIMER_VISIT_OPENS).list()) {
			managementService.executeJob(job.getId());
		}
		assertThat(taskService.createTaskQuery().processDefinitionKey(ElderlyVisitProcess.KEY).count()).isEqualTo(flagged);

		CareRecord weekly = records.list(null).stream().filter(c -> c.visitEvery().equals("P1W")).findFirst().orElseThrow();
		String instance = instanceOf(weekly.residentId());
		completeAs(weekly.visitedBy().equals(Groups.SECURITY) ? "guard" : "agent", visitTask(instance),
				allWell("errandRequested", true, "errand", "代买感冒灵颗粒一盒"));
		assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ElderlyVisitProcess.ERRAND_TASK)
				.singleResult()).isNotNull();

		// a week later the weekly resident's next visit is there
		TestClock.advance(Duration.ofDays(7).plusMinutes(1));
		managementService.executeJob(timer(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS).getId());
		assertThat(visitTask(instance)).isNotNull();
	}

}
