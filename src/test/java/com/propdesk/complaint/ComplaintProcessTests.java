package com.propdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.propdesk.CaseProcessTest;
import com.propdesk.ProcessCoverage;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.Feedback;
import com.propdesk.sla.SlaClock;
import com.propdesk.sla.SlaNames;

/** One test per path through {@code processes/complaint.bpmn}. */
@PropDeskTest
class ComplaintProcessTests extends CaseProcessTest {

	@RegisterExtension
	static ProcessCoverage coverage = new ProcessCoverage(ComplaintProcess.KEY, 0.9);

	private ProcessInstance complain(String unit, String category, String description) {
		String building = unit.substring(0, unit.indexOf('-'));
		String caseNo = cases.open(new CaseRequest("complaint", "app", "app-" + UUID.randomUUID(),
				new CaseRequest.Reporter("李先生", "13900000000"), building, unit, category, description, null,
				"请尽快处理并给个说法", "保安")).record().caseNo();
		return instance(ComplaintProcess.KEY, caseNo);
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Override
	protected void complete(ProcessInstance complaint, String activity, String user, Object... variables) {
		// a complaint has one open task at a time: the one the path expects
		assertThat(task(complaint).getTaskDefinitionKey()).isEqualTo(activity);
		super.complete(complaint, activity, user, variables);
	}

	private void firstResponse(ProcessInstance complaint, String department) {
		complete(complaint, ComplaintProcess.FIRST_RESPONSE, "agent", "firstContactNote", "已致电业主致歉并了解情况",
				ComplaintProcess.RESPONSIBLE_DEPARTMENT.name(), department, ComplaintProcess.RETIER.name(), false);
	}

	private void replyAndAskSatisfaction(ProcessInstance complaint, boolean satisfied) {
		complete(complaint, ComplaintProcess.WRITTEN_REPLY, "agent", ComplaintProcess.REPLY_TEXT.name(), "已约谈装修队，施工改为 8:30 后");
		complete(complaint, ComplaintProcess.SATISFACTION, "agent", ComplaintProcess.SATISFIED.name(), satisfied, "ownerComment",
				satisfied ? "满意" : "还是很吵");
	}

	private void rootCauseAndClose(ProcessInstance complaint, String user) {
		complete(complaint, ComplaintProcess.ROOT_CAUSE, user, "causeCategory", "process-gap", "improvementAction",
				"装修登记时书面告知施工时间", "improvementOwner", "客服主管", ComplaintProcess.IMPROVEMENT_DUE.name(), "2026-12-15");
	}

	@Test
	void ordinaryComplaintIsAnsweredInTimeAnalysedAndClosed() {
		ProcessInstance complaint = complain("2-1502", "noise", "楼下装修每天早上七点就开始电钻");

		assertThat(complaint).isWaitingAt(ComplaintProcess.FIRST_RESPONSE).variables()
				.containsEntry(ComplaintProcess.COMPLAINT_TIER.name(), "ordinary").containsEntry(ComplaintProcess.REPEAT.name(), false);
		assertThat(candidateGroups(task(complaint))).containsExactly("service-desk");
		assertThat(slas.clock(caseNo(complaint), SlaNames.COMPLAINT_FIRST_RESPONSE).orElseThrow().dueAt())
				.isEqualTo(TestClock.DAY.plusHours(24));
		assertThat(slas.clock(caseNo(complaint), SlaNames.COMPLAINT_RESOLUTION).orElseThrow().dueAt())
				.isEqualTo(TestClock.DAY.plusHours(72));

		TestClock.advance(Duration.ofHours(3));
		firstResponse(complaint, "security");
		assertThat(slas.clock(caseNo(complaint), SlaNames.COMPLAINT_FIRST_RESPONSE).orElseThrow().state())
				.isEqualTo(SlaClock.State.MET);
		assertThat(candidateGroups(task(complaint))).as("the department complained about handles it").containsExactly("security");
		assertThat(timeline(complaint)).contains("first-contact:首次联系业主：已致电业主致歉并了解情况；交安保部处理");
		assertThat(cases.find(caseNo(complaint)).orElseThrow()).as("its staff open the case; the owner reads 处理中")
				.extracting(CaseRecord::department, CaseRecord::status).containsExactly("security", CaseStatus.IN_PROGRESS);
		complete(complaint, ComplaintProcess.RESOLVE, "guard", "resolution", "已约谈装修队");
		replyAndAskSatisfaction(complaint, true);

		assertThat(slas.clock(caseNo(complaint), SlaNames.COMPLAINT_RESOLUTION).orElseThrow().state())
				.isEqualTo(SlaClock.State.MET);
		assertThat(timeline(complaint)).contains("handled:处理结果：已约谈装修队", "replied:书面答复：已约谈装修队，施工改为 8:30 后")
				.anySatisfy(line -> assertThat(line).startsWith("event-resolved:通知业主：您的投诉已答复"));
		assertThat(candidateGroups(task(complaint))).containsExactly("security");
		rootCauseAndClose(complaint, "guard");

		assertThat(cases.find(caseNo(complaint)).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(timeline(complaint)).anySatisfy(line -> assertThat(line).startsWith("root-cause:根因：流程缺失"));
		assertThat(complaint).isWaitingAt(ComplaintProcess.IMPROVEMENT);
		complete(complaint, ComplaintProcess.IMPROVEMENT, "guard", "improvementResult", "已更新装修告知书");
		assertThat(complaint).hasPassed(ComplaintProcess.END_CLOSED).isEnded();
	}

	@Test
	void complaintThatIsADisputeBetweenNeighboursIsTurnedIntoAMediation() {
		ProcessInstance complaint = complain("4-1401", "noise", "楼上每天半夜拖椅子，物业管不管");
		Task first = task(complaint);
		assertThatThrownBy(() -> completeAs("agent", first, "firstContactNote", "是邻里纠纷", "toMediation", true, "otherUnits", "4-1401"))
				.as("the other party is another unit").hasMessageContaining("与报事人的房号相同");
		complete(complaint, ComplaintProcess.FIRST_RESPONSE, "agent", "firstContactNote", "业主同意由物业居中调解",
				ComplaintProcess.RESPONSIBLE_DEPARTMENT.name(), "service-desk", ComplaintProcess.RETIER.name(), false,
				ComplaintProcess.TO_MEDIATION.name(), true, "otherUnits", "4-1501");

		assertThat(complaint).hasPassed(ComplaintProcess.OPEN_MEDIATION, ComplaintProcess.END_TURNED_INTO_MEDIATION).isEnded();
		String mediation = cases.links(caseNo(complaint)).get(0).caseNo();
		assertThat(mediation).startsWith("M-");
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("mediation").processInstanceBusinessKey(mediation)
				.singleResult()).isNotNull();
		assertThat(cases.find(caseNo(complaint)).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(slas.clock(caseNo(complaint), SlaNames.COMPLAINT_RESOLUTION).orElseThrow().state()).isNotEqualTo(SlaClock.State.RUNNING);
		assertThat(timeline(complaint)).anySatisfy(line -> assertThat(line).contains("已转为调解（事项编号 " + mediation))
				.contains("first-contact:首次联系业主：业主同意由物业居中调解");
		assertThat(cases.find(caseNo(complaint)).orElseThrow().department()).isEqualTo("service-desk");
	}

	@Test
	void firstResponseLeftForADayEscalatesToManagement() {
		ProcessInstance complaint = complain("2-1501", "sanitation", "垃圾桶两天没清");
		String watcher = letClockRunOut(caseNo(complaint), SlaNames.COMPLAINT_FIRST_RESPONSE).getId();

		assertThat(slas.clock(caseNo(complaint), SlaNames.COMPLAINT_FIRST_RESPONSE).orElseThrow().escalatedTo())
				.isEqualTo("management");
		Task escalation = taskService.createTaskQuery().processInstanceId(watcher).singleResult();
		assertThat(candidateGroups(escalation)).containsExactly("management");
		assertThat(timeline(complaint)).anySatisfy(line -> assertThat(line).startsWith("sla-breached:超时：投诉首次响应"));
		assertThat(complaint).isWaitingAt(ComplaintProcess.FIRST_RESPONSE);
	}

	@Test
	void majorComplaintGoesToManagementAtOnceWhichSetsThePlan() throws Exception {
		ProcessInstance complaint = complain("3-801", "attitude", "保安态度恶劣，我已经联系了电视台记者");

		assertThat(complaint).isWaitingAt(ComplaintProcess.SET_PLAN).variables()
				.containsEntry(ComplaintProcess.COMPLAINT_TIER.name(), "major").containsEntry(ComplaintProcess.TIER_REASON.name(), "媒体曝光");
		assertThat(candidateGroups(task(complaint))).containsExactly("management");
		assertThat(task(complaint).getPriority()).isEqualTo(100);
		assertThat(cases.find(caseNo(complaint)).orElseThrow().priority()).isEqualTo("P1");
		assertThat(timeline(complaint)).anySatisfy(line -> assertThat(line).startsWith("paged:呼叫 管理层：【重大投诉】"));
		assertThat(slas.clocks(caseNo(complaint))).as("major: resolved per plan, not per the ordinary clocks").isEmpty();

		assertThatThrownBy(() -> complete(complaint, ComplaintProcess.SET_PLAN, "manager", "plan", "道歉",
				ComplaintProcess.RESPONSIBLE_DEPARTMENT.name(), "security", "planDue", "明天", ComplaintProcess.NEEDS_REPAIR.name(), false))
				.hasMessageContaining("计划完成时间：应为日期和时间");
		complete(complaint, ComplaintProcess.SET_PLAN, "manager", "plan", "安保主管当面道歉，涉事保安停岗培训",
				ComplaintProcess.RESPONSIBLE_DEPARTMENT.name(), "security", "planDue", "2026-11-28 18:00",
				ComplaintProcess.NEEDS_REPAIR.name(), false);
		SlaClock planClock = slas.clock(caseNo(complaint), SlaNames.COMPLAINT_RESOLUTION).orElseThrow();
		assertThat(planClock.dueAt()).isEqualTo(OffsetDateTime.parse("2026-11-28T18:00:00+08:00"));
		assertThat(planClock.escalateTo()).isEqualTo("management");
		assertThat(candidateGroups(task(complaint))).containsExactly("security");
		var api = new com.propdesk.ApiClient(port);
		assertThat(api.call("GET", "/api/cases/" + caseNo(complaint), null, "Authorization", com.propdesk.ApiClient.basic("guard"))
				.status()).as("the department carrying out the plan reads the case, which stays management's").isEqualTo(200);
		assertThat(api.call("GET", "/api/cases/" + caseNo(complaint), null, "Authorization", com.propdesk.ApiClient.basic("cleaner"))
				.status()).isEqualTo(404);
		complete(complaint, ComplaintProcess.EXECUTE_PLAN, "guard", "executionNote", "已当面道歉");
		assertThat(timeline(complaint)).contains("handled:方案落实：已当面道歉");
		assertThat(timeline(complaint)).anySatisfy(line -> assertThat(line).startsWith("planned:管理层方案：").contains("；交安保部落实，"));
		assertThat(cases.find(caseNo(complaint)).orElseThrow().status()).isEqualTo(CaseStatus.IN_PROGRESS);
		replyAndAskSatisfaction(complaint, true);
		assertThat(slas.clock(caseNo(complaint), SlaNames.COMPLAINT_RESOLUTION).orElseThrow().state())
				.isEqualTo(SlaClock.State.MET);
		rootCauseAndClose(complaint, "guard");
		assertThat(complaint).isWaitingAt(ComplaintProcess.IMPROVEMENT);
	}

	@Test
	void majorComplaintNeedingARepairWaitsForTheLinkedRepairToClose() {
		ProcessInstance complaint = complain("4-301", "property-damage", "楼上漏水泡坏了我家木地板");
		complete(complaint, ComplaintProcess.SET_PLAN, "manager", "plan", "先修复楼上管道，再评估赔偿",
				ComplaintProcess.RESPONSIBLE_DEPARTMENT.name(), "engineering", "planDue", "2026-11-30 18:00",
				ComplaintProcess.NEEDS_REPAIR.name(), true, "repairCategory", "plumbing", "repairDescription", "4-401 卫生间管道渗漏");

		assertThat(complaint).hasPassed(ComplaintProcess.OPEN_REPAIR).isWaitingAt(ComplaintProcess.REPAIR_CLOSED);
		String repairNo = cases.links(caseNo(complaint)).get(0).caseNo();
		assertThat(repairNo).startsWith("R-");
		ProcessInstance repair = runtimeService.createProcessInstanceQuery().processDefinitionKey("repair")
				.processInstanceBusinessKey(repairNo).singleResult();
		assertThat(cases.find(repairNo).orElseThrow().description()).isEqualTo("4-401 卫生间管道渗漏");

		// the repair runs its own course: accepted, repaired, accepted by the owner, scored
		for (String step : List.of("accept", "repair", "acceptance")) {
			Task repairTask = task(repair);
			completeAs(repairTask.getAssignee() != null ? repairTask.getAssignee() : "agent", repairTask, switch (step) {
				case "accept" -> Map.of("eta", "30 分钟");
				case "repair" -> Map.of("diagnosis", "下水管接口渗漏", "repairOutcome", "done", "workDone", "更换接口");
				default -> Map.of("accepted", true);
			});
		}
		assertThat(complaint).isWaitingAt(ComplaintProcess.REPAIR_CLOSED);
		cases.feedback(repairNo, new Feedback(4, null), "owner");

		assertThat(complaint).isWaitingAt(ComplaintProcess.EXECUTE_PLAN);
		assertThat(candidateGroups(task(complaint))).containsExactly("engineering");
	}

	@Test
	void repeatComplaintFromTheSameUnitWithin90DaysIsMajor() {
		ProcessInstance first = complain("5-1001", "sanitation", "楼道有异味");
		TestClock.advance(Duration.ofDays(30));

		ProcessInstance second = complain("5-1001", "sanitation", "楼道还是有异味");

		assertThat(first).variables().containsEntry(ComplaintProcess.COMPLAINT_TIER.name(), "ordinary");
		assertThat(second).isWaitingAt(ComplaintProcess.SET_PLAN).variables()
				.containsEntry(ComplaintProcess.REPEAT.name(), true).containsEntry(ComplaintProcess.TIER_REASON.name(), "90 天内同一房屋重复投诉");
		assertThat(timeline(second)).contains("repeat:5-1001 在 90 天内已有投诉");
	}

	@Test
	void agentRetiersAnOrdinaryComplaintWithAReason() {
		ProcessInstance complaint = complain("6-201", "other", "小区门口的路灯坏了好久");

		assertThatThrownBy(() -> complete(complaint, ComplaintProcess.FIRST_RESPONSE, "agent", "firstContactNote", "已联系",
				ComplaintProcess.RESPONSIBLE_DEPARTMENT.name(), "engineering", ComplaintProcess.RETIER.name(), true))
				.hasMessageContaining("必须填写理由");
		complete(complaint, ComplaintProcess.FIRST_RESPONSE, "agent", "firstContactNote", "已联系",
				ComplaintProcess.RESPONSIBLE_DEPARTMENT.name(), "engineering", ComplaintProcess.RETIER.name(), true,
				ComplaintProcess.RETIER_REASON.name(), "业主称已有老人夜间摔倒");

		assertThat(complaint).isWaitingAt(ComplaintProcess.SET_PLAN).variables()
				.containsEntry(ComplaintProcess.COMPLAINT_TIER.name(), "major");
		assertThat(slas.clocks(caseNo(complaint))).extracting(clock -> clock.sla() + ":" + clock.state())
				.containsExactlyInAnyOrder("complaint-first-response:met", "complaint-resolution:stopped");
		complete(complaint, ComplaintProcess.SET_PLAN, "manager", "plan", "修路灯", ComplaintProcess.RESPONSIBLE_DEPARTMENT.name(),
				"engineering", "planDue", "2026-11-27 18:00", ComplaintProcess.NEEDS_REPAIR.name(), false);
		assertThat(slas.clocks(caseNo(complaint))).extracting(clock -> clock.sla() + ":" + clock.state()).as("a new round per plan")
				.containsExactlyInAnyOrder("complaint-first-response:met", "complaint-resolution:stopped",
						"complaint-resolution:running");
		assertThat(timeline(complaint)).contains("tiered:重大投诉：客服改级（业主称已有老人夜间摔倒）", "first-contact:首次联系业主：已联系");
		assertThat(cases.find(caseNo(complaint)).orElseThrow()).as("management's, as a major complaint is, and in hand")
				.extracting(CaseRecord::department, CaseRecord::status).containsExactly("management", CaseStatus.IN_PROGRESS);
	}

	@Test
	void unsatisfiedOwnerReopensTheComplaintOnceThenItCloses() {
		ProcessInstance complaint = complain("2-1401", "noise", "晚上十点后还有人在广场跳舞");
		firstResponse(complaint, "service-desk");
		complete(complaint, ComplaintProcess.RESOLVE, "agent", "resolution", "已劝导");
		replyAndAskSatisfaction(complaint, false);

		assertThat(complaint).isWaitingAt(ComplaintProcess.RESOLVE).variables().containsEntry(ComplaintProcess.REOPEN_COUNT.name(), 1);
		assertThat(cases.find(caseNo(complaint)).orElseThrow().status()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(timeline(complaint)).anySatisfy(line -> assertThat(line).startsWith("event-reopened:"));

		complete(complaint, ComplaintProcess.RESOLVE, "agent", "resolution", "已设置广场音响限时");
		replyAndAskSatisfaction(complaint, true);
		assertThat(complaint).isWaitingAt(ComplaintProcess.ROOT_CAUSE);
	}

	@Test
	void secondDissatisfactionGoesToManagement() {
		ProcessInstance complaint = complain("2-1301", "noise", "广场舞太吵");
		firstResponse(complaint, "service-desk");
		complete(complaint, ComplaintProcess.RESOLVE, "agent", "resolution", "已劝导");
		replyAndAskSatisfaction(complaint, false);
		complete(complaint, ComplaintProcess.RESOLVE, "agent", "resolution", "再次劝导");
		replyAndAskSatisfaction(complaint, false);

		assertThat(complaint).isWaitingAt(ComplaintProcess.MANAGEMENT_REVIEW);
		assertThat(candidateGroups(task(complaint))).containsExactly("management");
		complete(complaint, ComplaintProcess.MANAGEMENT_REVIEW, "manager", "reviewDecision", "与社区协商划定跳舞时段");
		assertThat(complaint).isWaitingAt(ComplaintProcess.ROOT_CAUSE);
	}

	@Test
	void overdueImprovementEscalatesToManagement() {
		ProcessInstance complaint = complain("1-1101", "attitude", "前台态度冷淡");
		firstResponse(complaint, "service-desk");
		complete(complaint, ComplaintProcess.RESOLVE, "agent", "resolution", "已致歉");
		replyAndAskSatisfaction(complaint, true);
		assertThatThrownBy(() -> complete(complaint, ComplaintProcess.ROOT_CAUSE, "agent", "causeCategory", "staff-error",
				"improvementAction", "培训", "improvementOwner", "客服主管", ComplaintProcess.IMPROVEMENT_DUE.name(), "下周"))
				.hasMessageContaining("整改完成日期：应为日期");
		rootCauseAndClose(complaint, "agent");
		Job overdue = managementService.createJobQuery().processInstanceId(complaint.getId()).timers().singleResult();
		assertThat(overdue.getDuedate()).isEqualTo(java.util.Date.from(OffsetDateTime.parse("2026-12-16T00:00:00+08:00").toInstant()));

		TestClock.set(OffsetDateTime.parse("2026-12-16T09:00:00+08:00"));
		managementService.executeJob(overdue.getId());

		Task escalation = taskService.createTaskQuery().processInstanceId(complaint.getId())
				.taskDefinitionKey(ComplaintProcess.ESCALATE_IMPROVEMENT).singleResult();
		assertThat(candidateGroups(escalation)).containsExactly("management");
		completeAs("manager", escalation, withVariables("escalationNote", "限三天内完成培训"));
		assertThat(complaint).isWaitingAt(ComplaintProcess.IMPROVEMENT);
		complete(complaint, ComplaintProcess.IMPROVEMENT, "agent", "improvementResult", "已培训");
		assertThat(complaint).isEnded();
	}

	@Test
	void linkedRepairPromotedToAnEmergencyReleasesTheWaitingComplaint() {
		ProcessInstance complaint = complain("4-302", "safety", "电梯又坏了");
		complete(complaint, ComplaintProcess.SET_PLAN, "manager", "plan", "检修电梯", ComplaintProcess.RESPONSIBLE_DEPARTMENT.name(),
				"engineering", "planDue", "2026-11-30 18:00", ComplaintProcess.NEEDS_REPAIR.name(), true, "repairCategory", "lift",
				"repairDescription", "4号楼电梯本周两次困人，需要全面检修");

		String repairNo = cases.links(caseNo(complaint)).get(0).caseNo();
		assertThat(cases.find(repairNo).orElseThrow().status()).isEqualTo(CaseStatus.PROMOTED);
		assertThat(complaint).isWaitingAt(ComplaintProcess.EXECUTE_PLAN).variables()
				.containsEntry("awaitedCaseOutcome", "promoted");
	}

}
