package com.propdesk.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.OwnerEventJobs;
import com.propdesk.ApiClient;
import com.propdesk.CaseProcessTest;
import com.propdesk.ProcessCoverage;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.Feedback;
import com.propdesk.registry.Estate.Technician;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.registry.Shift;
import com.propdesk.sla.SlaClock;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;
import com.propdesk.system.CaseVariables;

/** One test per path through {@code processes/repair.bpmn}, on the demo estate and roster. */
@PropDeskTest
class RepairProcessTests extends CaseProcessTest {

	@RegisterExtension
	static ProcessCoverage coverage = new ProcessCoverage(RepairProcess.KEY, 0.9);

	@Autowired
	RegistryRepository registry;

	@Autowired
	ReturnVisitProperties returnVisits;

	@Autowired
	org.camunda.bpm.engine.HistoryService historyService;

	@LocalServerPort
	int port;

	private ProcessInstance report(String building, String unit, String category, String description) {
		CaseRecord opened = cases.open(Reports.repair(building, unit, category, description)).record();
		return instance(RepairProcess.KEY, opened.caseNo());
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private CaseRecord caseOf(ProcessInstance instance) {
		return cases.find(caseNo(instance)).orElseThrow();
	}

	/** The assigned technician accepts the job (接单). */
	private void acceptJob(ProcessInstance repair) {
		Task accept = task(repair);
		assertThat(accept.getTaskDefinitionKey()).isEqualTo(RepairProcess.ACCEPT_JOB);
		completeAs(accept.getAssignee(), accept, withVariables("eta", "15 分钟内"));
	}

	/** The technician records the diagnosis and the work done. */
	private void repairDone(ProcessInstance repair) {
		Task work = task(repair);
		assertThat(work.getTaskDefinitionKey()).isEqualTo(RepairProcess.REPAIR);
		completeAs(work.getAssignee(), work, withVariables(RepairProcess.DIAGNOSIS.name(), "阀芯老化", RepairProcess.REPAIR_OUTCOME.name(),
				"done", RepairProcess.WORK_DONE.name(), "更换阀芯", RepairProcess.MATERIALS.name(), "阀芯 1 个", RepairProcess.COST.name(), 35.0));
	}

	/** The service desk confirms the result with the owner. */
	private void acceptance(ProcessInstance repair, boolean accepted, String reason) {
		Task acceptance = task(repair);
		assertThat(acceptance.getTaskDefinitionKey()).isEqualTo(RepairProcess.ACCEPTANCE);
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put(RepairProcess.ACCEPTED.name(), accepted);
		variables.put(RepairProcess.REJECTION_REASON.name(), reason);
		variables.put(RepairProcess.OWNER_CONFIRMATION.name(), accepted ? "业主确认已修好" : null);
		completeAs("agent", acceptance, variables);
	}

	private ProcessInstance resolved(String building, String unit, String category, String description) {
		ProcessInstance repair = report(building, unit, category, description);
		acceptJob(repair);
		repairDone(repair);
		acceptance(repair, true, null);
		return repair;
	}

	private Optional<SlaClock> clock(ProcessInstance repair, String sla) {
		return slas.clock(caseNo(repair), sla);
	}

	private Job watcherTimer(ProcessInstance repair, String sla) {
		return watcherTimer(caseNo(repair), sla);
	}

	private void letClockRunOut(ProcessInstance repair, String sla) {
		letClockRunOut(caseNo(repair), sla);
	}

	private Task escalationTask(ProcessInstance repair) {
		return taskService.createTaskQuery().processDefinitionKey(SlaService.WATCHER)
				.processInstanceBusinessKey(caseNo(repair)).singleResult();
	}

	@Test
	void burstPipeIsClassifiedByTheTableAndDispatchedToTheTechnicianInTheSameBuilding() {
		ProcessInstance repair = report("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重");

		assertThat(repair).hasPassed(RepairProcess.REGISTER, RepairProcess.TRIAGE, RepairProcess.RECORD_CLASSIFICATION,
				RepairProcess.DISPATCH).isWaitingAt(RepairProcess.ACCEPT_JOB)
				.variables().containsEntry("priority", "P1").containsEntry("department", "engineering")
				.containsEntry("lifeSafety", false);
		assertThat(task(repair)).isAssignedTo("engineer");
		assertThat(task(repair).getPriority()).isEqualTo(100);
		assertThat(candidateGroups(task(repair))).containsExactly("engineering");
		CaseRecord record = caseOf(repair);
		assertThat(record.priority()).isEqualTo("P1");
		assertThat(record.status()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(timeline(repair)).anySatisfy(line -> assertThat(line).startsWith("classified:按分诊表分类：P1 · 工程部"))
				.anySatisfy(line -> assertThat(line).startsWith("dispatched:派给 王师傅（engineer）：同楼栋"));
	}

	@Test
	void reportTheTableCannotDecideGoesToTheServiceDeskWhichClassifiesIt() {
		ProcessInstance repair = report("2", "2-801", "other", "阳台上有个东西一直响");

		assertThat(repair).isWaitingAt(RepairProcess.DESK_CLASSIFICATION);
		assertThat(task(repair)).hasCandidateGroup("service-desk").isNotAssigned();
		assertThat(caseOf(repair).status()).isEqualTo(CaseStatus.ACCEPTED);

		completeAs("agent", task(repair), withVariables("category", "electrical", "priority", "P3", "department", "engineering",
				"lifeSafety", false));

		assertThat(repair).hasPassed(RepairProcess.RECORD_CLASSIFICATION).isWaitingAt(RepairProcess.ACCEPT_JOB);
		assertThat(task(repair)).isAssignedTo("engineer");
		CaseRecord record = caseOf(repair);
		assertThat(record.category()).isEqualTo("electrical");
		assertThat(record.priority()).isEqualTo("P3");
		assertThat(cases.timeline(caseNo(repair))).anySatisfy(e -> {
			assertThat(e.message()).startsWith("客服人工分类：P3 · 工程部 · 电气");
			assertThat(e.actor()).isEqualTo("agent");
		});
	}

	@Test
	void deskClassificationWithoutAValidDepartmentIsRefused() {
		ProcessInstance repair = report("2", "2-801", "other", "说不清楚的问题");

		assertThatThrownBy(() -> completeAs("agent", task(repair),
				withVariables("category", "other", "priority", "P3", "department", "kitchen", "lifeSafety", false)))
				.isInstanceOf(ProcessEngineException.class).hasMessageContaining("处理部门");
		assertThat(task(repair).getTaskDefinitionKey()).isEqualTo(RepairProcess.DESK_CLASSIFICATION);
	}

	@Test
	void withoutATechnicianInTheBuildingTheOneInTheSameZoneIsChosen() {
		ProcessInstance repair = report("4", "4-301", "plumbing", "厨房下水慢，有点堵");

		assertThat(task(repair)).isAssignedTo("engineer2");
		assertThat(runtimeService.getVariable(repair.getId(), "dispatchReason").toString())
				.contains("同片区");
	}

	@Test
	void withNobodyInTheZoneTheNearestTechnicianIsChosen() {
		// at night only 赵师傅 (zone A, building 2) and 孙师傅 (zone B, building 4) are on duty; for a lift
		// in zone B only 赵师傅 is qualified
		TestClock.set(TestClock.NIGHT);
		ProcessInstance repair = report("6", "6-1801", "lift", "电梯按钮失灵");

		assertThat(task(repair)).isAssignedTo("engineer3");
		assertThat(runtimeService.getVariable(repair.getId(), "dispatchReason").toString()).contains("距离最近");
	}

	@Test
	void amongTechniciansAsNearTheOneWithLeastOpenWorkIsChosen() {
		registry.save(new Technician("engineer5", "钱师傅", "engineering", List.of("plumbing"), "A", "3", Shift.DAY, true));
		try {
			ProcessInstance first = report("1", "1-101", "plumbing", "洗手池下水堵了");
			assertThat(task(first)).isAssignedTo("engineer");

			// building 2: 王师傅 (building 1) and 钱师傅 (building 3) are both in zone A; 王师傅 has one open job
			ProcessInstance second = report("2", "2-101", "plumbing", "马桶堵了");
			Task secondTask = taskService.createTaskQuery().processInstanceId(second.getId()).singleResult();
			assertThat(secondTask.getAssignee()).isEqualTo("engineer5");
			assertThat(runtimeService.getVariable(second.getId(), "dispatchReason").toString()).contains("当前在办 0 件");
		}
		finally {
			registry.save(new Technician("engineer5", "钱师傅", "engineering", List.of("plumbing"), "A", "3", Shift.DAY, false));
		}
	}

	@Test
	void withNobodyAvailableTheDutyOfficerAssignsByHand() {
		// air conditioning at night: both qualified technicians work days
		TestClock.set(TestClock.NIGHT);
		ProcessInstance repair = report("3", "3-1201", "hvac", "空调外机异响");

		assertThat(repair).isWaitingAt(RepairProcess.ASSIGN_BY_HAND);
		assertThat(task(repair)).hasCandidateGroup("duty-officer");
		assertThat(caseOf(repair).status()).isEqualTo(CaseStatus.ACCEPTED);
		assertThat(timeline(repair)).anySatisfy(line -> assertThat(line).startsWith("dispatch-failed:工程部无人可派"));

		assertThatThrownBy(() -> completeAs("duty", task(repair), withVariables("technician", "cleaner")))
				.hasMessageContaining("属于保洁部");
		assertThatThrownBy(() -> completeAs("duty", task(repair), withVariables("technician", "nobody")))
				.hasMessageContaining("没有技师 nobody");

		completeAs("duty", task(repair), withVariables("technician", "engineer4"));

		assertThat(repair).isWaitingAt(RepairProcess.ACCEPT_JOB);
		assertThat(task(repair)).isAssignedTo("engineer4");
		assertThat(caseOf(repair).status()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(cases.timeline(caseNo(repair))).anySatisfy(e -> {
			assertThat(e.message()).isEqualTo("值班人员手工派给 孙师傅（engineer4）");
			assertThat(e.actor()).isEqualTo("duty");
		});
	}

	@Test
	void technicianWhoCannotFixHandsBackAndAnotherIsDispatchedWithTheNotes() {
		ProcessInstance repair = report("1", "1-1001", "plumbing", "热水器不出热水");
		assertThat(task(repair)).isAssignedTo("engineer");
		acceptJob(repair);

		completeAs("engineer", task(repair), withVariables(RepairProcess.DIAGNOSIS.name(), "热水器主板故障", RepairProcess.REPAIR_OUTCOME.name(),
				"handBack", RepairProcess.HAND_BACK_REASON.name(), "需要熟悉该品牌的师傅"));

		assertThat(repair).hasPassed(RepairProcess.RECORD_HAND_BACK).isWaitingAt(RepairProcess.ACCEPT_JOB);
		assertThat(task(repair)).isAssignedTo("engineer2");
		assertThat(runtimeService.getVariables(repair.getId())).as("the first technician's arrival time went with him")
				.doesNotContainKey(RepairProcess.ETA.name());
		assertThat(repair).variables().containsEntry("excludedTechnicians", "engineer")
				.doesNotContainKey(RepairProcess.REPAIR_OUTCOME.name()).doesNotContainKey(RepairProcess.DIAGNOSIS.name());
		assertThat(runtimeService.getVariable(repair.getId(), RepairProcess.REPAIR_NOTES.name()).toString())
				.contains("王师傅无法处理", "需要熟悉该品牌的师傅", "热水器主板故障");
		assertThat(timeline(repair)).anySatisfy(line -> assertThat(line).startsWith("handed-back:王师傅无法处理"));

		// the job dispatched again is timed again: a second round of the response clock
		assertThat(slas.clocks(caseNo(repair))).filteredOn(c -> c.sla().equals(SlaNames.REPAIR_RESPONSE))
				.extracting(c -> c.state()).containsExactly("met", "running");
		acceptJob(repair);
		assertThat(slas.clocks(caseNo(repair))).filteredOn(c -> c.sla().equals(SlaNames.REPAIR_RESPONSE))
				.extracting(c -> c.state()).containsExactly("met", "met");
		completeAs("engineer2", task(repair), withVariables(RepairProcess.DIAGNOSIS.name(), "主板烧毁", RepairProcess.REPAIR_OUTCOME.name(), "done",
				RepairProcess.WORK_DONE.name(), "更换主板"));
		assertThat(repair).isWaitingAt(RepairProcess.ACCEPTANCE);
	}

	@Test
	void technicianHandsBackToAnotherDepartment() {
		ProcessInstance repair = report("3", "3-201", "structure", "楼道墙面脱落");
		assertThat(candidateGroups(task(repair))).containsExactly("engineering");
		acceptJob(repair);

		completeAs(task(repair).getAssignee(), task(repair), withVariables(RepairProcess.DIAGNOSIS.name(), "墙面无结构问题，是外墙涂鸦和污渍",
				RepairProcess.REPAIR_OUTCOME.name(), "handBack", RepairProcess.HAND_BACK_REASON.name(), "需要清洁",
				RepairProcess.HAND_BACK_DEPARTMENT.name(), "cleaning"));

		assertThat(repair).isWaitingAt(RepairProcess.ACCEPT_JOB).variables().containsEntry("department", "cleaning");
		assertThat(task(repair)).isAssignedTo("cleaner");
		assertThat(candidateGroups(task(repair))).containsExactly("cleaning");
		assertThat(timeline(repair)).anySatisfy(line -> assertThat(line).contains("转交保洁部"));
	}

	@Test
	void handBackWithoutAReasonIsRefused() {
		ProcessInstance repair = report("1", "1-1001", "plumbing", "水压低");
		acceptJob(repair);

		assertThatThrownBy(() -> completeAs("engineer", task(repair),
				withVariables(RepairProcess.DIAGNOSIS.name(), "看过了", RepairProcess.REPAIR_OUTCOME.name(), "handBack")))
				.hasMessageContaining("退回时必须填写原因");
		assertThat(task(repair).getTaskDefinitionKey()).isEqualTo(RepairProcess.REPAIR);
	}

	@Test
	void agentOpensARepairFromTheTasklistStartForm() {
		identityService.setAuthentication("agent", List.of("service-desk"));
		ProcessInstance repair;
		try {
			repair = runtimeService.startProcessInstanceByKey(RepairProcess.KEY, Map.of("channel", "phone",
					"reporterName", "刘先生", "reporterPhone", "13900001111", "building", "5", "unit", "5-1502",
					"category", "lift", "description", "5号楼电梯门关不上"));
		}
		finally {
			identityService.clearAuthentication();
		}

		String caseNo = (String) runtimeService.getVariable(repair.getId(), CaseVariables.CASE_NO.name());
		assertThat(caseNo).startsWith("R-20261127-");
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RepairProcess.KEY)
				.processInstanceBusinessKey(caseNo).count()).isOne();
		CaseRecord record = cases.find(caseNo).orElseThrow();
		assertThat(record.channel()).isEqualTo("phone");
		assertThat(record.processInstanceId()).isEqualTo(repair.getId());
		assertThat(record.priority()).isEqualTo("P2");
		assertThat(cases.timeline(caseNo).get(0).actor()).isEqualTo("agent");
		assertThat(taskService.createTaskQuery().processInstanceId(repair.getId()).singleResult().getAssignee())
				.isEqualTo("engineer2");
	}

	@Test
	void aStartCannotTakeOverAnExistingCaseByNamingItsNumber() {
		String victim = cases.open(Reports.repair("3", "3-1201", "plumbing", "厨房水管爆裂，漏水严重")).record().caseNo();
		long instances = runtimeService.createProcessInstanceQuery().count();

		identityService.setAuthentication("agent", List.of("service-desk"));
		try {
			assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(RepairProcess.KEY, Map.of("caseNo", victim,
					"channel", "phone", "reporterName", "x", "reporterPhone", "13800000001", "building", "1", "unit", "1-101",
					"category", "gas", "description", "燃气泄漏"))).hasMessageContaining("不得指定事项编号");
		}
		finally {
			identityService.clearAuthentication();
		}
		assertThat(cases.find(victim).orElseThrow().status()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	@Test
	void startFormWithAnUnknownUnitCreatesNothing() {
		long before = runtimeService.createProcessInstanceQuery().count();

		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(RepairProcess.KEY,
				Map.of("channel", "phone", "reporterName", "刘先生", "reporterPhone", "13900001111", "building", "5",
						"unit", "9-999", "category", "lift", "description", "电梯坏了")))
				.hasMessageStartingWith("房号：没有这个单元：9-999");
		assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
	}

	// --- the second half: acceptance, feedback, return visits

	@Test
	void acceptedRepairWaitsForFeedbackAndClosesWithIt() {
		ProcessInstance repair = resolved("1", "1-502", "plumbing", "卫生间水龙头滴水");

		assertThat(repair).hasPassed(RepairProcess.RECORD_WORK).isWaitingAt(RepairProcess.FEEDBACK_OR_TIMEOUT);
		assertThat(caseOf(repair).status()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);
		assertThat(timeline(repair)).anySatisfy(line -> assertThat(line).startsWith("repaired:维修完成（王师傅）")
				.contains("更换阀芯", "¥35.00")).anySatisfy(line -> assertThat(line).startsWith("event-resolved:通知业主"));

		cases.feedback(caseNo(repair), new Feedback(5, "师傅很专业"), "owner");

		assertThat(caseOf(repair).status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(timeline(repair)).contains("feedback:业主评价：5 分，师傅很专业")
				.anySatisfy(line -> assertThat(line).startsWith("event-closed:"));
		assertThat(OwnerEventJobs.callbacks(managementService, jdbc, caseNo(repair))).as("accepted, resolved, closed")
				.hasSize(3);
	}

	@Test
	void ownerWhoDoesNotAnswerFor72HoursHasTheCaseClosed() {
		ProcessInstance repair = resolved("1", "1-1502", "plumbing", "水龙头滴水");
		Job timeout = managementService.createJobQuery().processInstanceId(repair.getId()).timers().singleResult();
		assertThat(timeout.getDuedate()).isEqualTo(java.util.Date.from(TestClock.DAY.plusHours(72).toInstant()));

		TestClock.advance(Duration.ofHours(73));
		managementService.executeJob(timeout.getId());

		assertThat(repair).hasPassed(RepairProcess.FEEDBACK_TIMEOUT, RepairProcess.CLOSE);
		assertThat(caseOf(repair).status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(timeline(repair)).contains("closed:已办结（72 小时内未评价）");
		assertThatThrownBy(() -> cases.feedback(caseNo(repair), new Feedback(4, null), "owner"))
				.hasMessageContaining("不在等待评价");
	}

	@Test
	void lowScoreOpensALinkedComplaintInsteadOfAReturnVisit() {
		ProcessInstance repair = resolved("1", "1-1601", "plumbing", "水管漏水");

		cases.feedback(caseNo(repair), new Feedback(2, "修了两次还漏"), "owner");

		assertThat(repair).isEnded();
		var links = cases.links(caseNo(repair));
		assertThat(links).singleElement().satisfies(link -> assertThat(link.relation()).isEqualTo("opened"));
		String complaintNo = links.get(0).caseNo();
		assertThat(complaintNo).startsWith("C-");
		var complaint = cases.find(complaintNo).orElseThrow();
		assertThat(complaint.category()).isEqualTo("repair-quality");
		assertThat(complaint.description()).isEqualTo("维修评价 2 分：修了两次还漏");
		assertThat(complaint.reporterPhone()).isEqualTo(caseOf(repair).reporterPhone());
		assertThat(cases.links(complaintNo)).extracting(l -> l.caseNo() + ":" + l.relation())
				.containsExactly(caseNo(repair) + ":opened-from");
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint")
				.processInstanceBusinessKey(complaintNo).count()).isOne();
		assertThat(timeline(repair)).contains("linked:转投诉 " + complaintNo);
	}

	@Test
	void sampledCaseGetsAReturnVisitAndItsOutcomeIsRecorded() {
		ProcessInstance repair = null;
		for (int i = 0; i < 40 && repair == null; i++) {
			ProcessInstance candidate = report("1", "1-1602", "plumbing", "水管漏水");
			if (returnVisits.sampled(caseNo(candidate))) {
				repair = candidate;
			}
			else {
				runtimeService.deleteProcessInstance(candidate.getId(), "not sampled");
			}
		}
		acceptJob(repair);
		repairDone(repair);
		acceptance(repair, true, null);
		cases.feedback(caseNo(repair), new Feedback(3, null), "owner");

		assertThat(repair).isWaitingAt(RepairProcess.RETURN_VISIT_TASK);
		assertThat(candidateGroups(task(repair))).containsExactly("service-desk");
		completeAs("agent", task(repair), withVariables(RepairProcess.VISIT_REACHED.name(), true, RepairProcess.VISIT_SATISFACTION.name(),
				"一般", RepairProcess.VISIT_OUTCOME.name(), "已约定明天复查"));
		assertThat(repair).isEnded();
		assertThat(timeline(repair)).contains("return-visit:回访已联系业主，满意度 一般：已约定明天复查");
	}

	@Test
	void closedCasesAreSampledForReturnVisitsByTheConfiguredRate() {
		// the sample is decided by the case number; open cases until one of each kind is found
		ProcessInstance sampled = null;
		ProcessInstance notSampled = null;
		for (int i = 0; i < 40 && (sampled == null || notSampled == null); i++) {
			ProcessInstance repair = report("1", "1-601", "plumbing", "水龙头滴水");
			if (returnVisits.sampled(caseNo(repair)) ? sampled == null : notSampled == null) {
				if (returnVisits.sampled(caseNo(repair))) {
					sampled = repair;
				}
				else {
					notSampled = repair;
				}
			}
			else {
				runtimeService.deleteProcessInstance(repair.getId(), "not needed");
			}
		}
		for (ProcessInstance repair : List.of(sampled, notSampled)) {
			acceptJob(repair);
			repairDone(repair);
			acceptance(repair, true, null);
			cases.feedback(caseNo(repair), new Feedback(4, null), "owner");
		}

		assertThat(sampled).isWaitingAt(RepairProcess.RETURN_VISIT_TASK);
		assertThat(timeline(sampled)).contains("return-visit-planned:抽中回访（抽样比例 30%：事项号抽样值 "
				+ ReturnVisitProperties.draw(caseNo(sampled)) + " < 3000）");
		assertThat(notSampled).isEnded();
		assertThat(returnVisits.sampleRate()).isEqualTo(0.3);
	}

	@Test
	void rejectedAcceptanceGoesBackToTheSameTechnicianWithTheReason() {
		ProcessInstance repair = report("1", "1-1602", "plumbing", "水管漏水");
		acceptJob(repair);
		repairDone(repair);

		assertThatThrownBy(() -> acceptance(repair, false, " ")).hasMessageContaining("验收不通过时必须填写原因");
		acceptance(repair, false, "还在滴水");

		assertThat(repair).hasPassed(RepairProcess.RECORD_REJECTION).isWaitingAt(RepairProcess.REPAIR);
		assertThat(task(repair)).isAssignedTo("engineer");
		assertThat(runtimeService.getVariable(repair.getId(), RepairProcess.REPAIR_NOTES.name()).toString()).contains("还在滴水");
		assertThat(caseOf(repair).status()).isEqualTo(CaseStatus.IN_PROGRESS);

		assertThat(timeline(repair)).contains("rejected:验收不通过，返修给王师傅：还在滴水");
		assertThat(runtimeService.getVariables(repair.getId())).as("the next round's work is its own")
				.doesNotContainKeys(RepairProcess.WORK_DONE.name(), RepairProcess.MATERIALS.name(), RepairProcess.COST.name());

		completeAs("engineer", task(repair), withVariables(RepairProcess.DIAGNOSIS.name(), "接头松动", RepairProcess.REPAIR_OUTCOME.name(),
				"done", RepairProcess.WORK_DONE.name(), "拧紧接头"));
		acceptance(repair, true, null);
		assertThat(caseOf(repair).status()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);
		assertThat(timeline(repair)).filteredOn(line -> line.startsWith("repaired:")).as("each round says its own work once")
				.containsExactly("repaired:维修完成（王师傅）；处理 更换阀芯；材料 阀芯 1 个；费用 ¥35.00", "repaired:维修完成（王师傅）；处理 拧紧接头");
	}

	@Test
	void lifeSafetyReportIsPromotedToALinkedEmergency() {
		CaseRecord repair = cases.open(Reports.repair("2", "2-301", "other", "楼道里有很重的燃气味")).record();
		String caseNo = repair.caseNo();

		// the repair ended within the report itself: only history has it
		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(repair.processInstanceId())
				.activityId(RepairProcess.END_PROMOTED).count()).isOne();
		assertThat(repair.status()).isEqualTo(CaseStatus.PROMOTED);
		List<String> timeline = cases.timeline(caseNo).stream().map(e -> e.kind() + ":" + e.message()).toList();
		assertThat(timeline).anySatisfy(line -> assertThat(line).startsWith("event-promoted:"));
		assertThat(slas.clocks(caseNo)).isEmpty();
		var links = cases.links(caseNo);
		assertThat(links).singleElement().satisfies(link -> assertThat(link.relation()).isEqualTo("opened"));
		var emergency = cases.find(links.get(0).caseNo()).orElseThrow();
		assertThat(emergency.caseNo()).startsWith("E-");
		assertThat(emergency.category()).isEqualTo("gas-leak");
		assertThat(emergency.reporterPhone()).isEqualTo(repair.reporterPhone());
		assertThat(timeline).anySatisfy(line -> assertThat(line).startsWith("promoted:涉及人身安全，转紧急事件 " + emergency.caseNo()));
	}

	// --- clocks

	@Test
	void repairClocksStartAtIntakeAndResponseAtDispatch() {
		ProcessInstance repair = report("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重");

		assertThat(repair).hasPassed(RepairProcess.START_RESOLUTION_CLOCK, RepairProcess.GATEWAY_EQUIPMENT_FAILURE,
				RepairProcess.START_INVESTIGATION_CLOCK).variables().containsEntry(RepairProcess.EQUIPMENT_FAILURE.name(), true);
		SlaClock resolution = clock(repair, SlaNames.REPAIR_RESOLUTION).orElseThrow();
		SlaClock investigation = clock(repair, SlaNames.INITIAL_INVESTIGATION).orElseThrow();
		SlaClock response = clock(repair, SlaNames.REPAIR_RESPONSE).orElseThrow();
		assertThat(resolution.startedAt()).isEqualTo(caseOf(repair).createdAt());
		assertThat(resolution.dueAt()).isEqualTo(caseOf(repair).createdAt().plusHours(4));
		assertThat(investigation.dueAt()).isEqualTo(caseOf(repair).createdAt().plusHours(2));
		assertThat(response.dueAt()).isEqualTo(TestClock.DAY.plusMinutes(15));
		assertThat(watcherTimer(repair, SlaNames.REPAIR_RESPONSE).getDuedate())
				.isEqualTo(java.util.Date.from(response.dueAt().toInstant()));
		assertThat(slas.nearestDue(caseNo(repair))).contains(response.dueAt());
	}

	@Test
	void responseMetInTimeEndsItsWatcherWithoutEscalation() {
		ProcessInstance repair = report("1", "1-1202", "plumbing", "水管爆裂");
		TestClock.advance(Duration.ofMinutes(10));

		acceptJob(repair);

		SlaClock response = clock(repair, SlaNames.REPAIR_RESPONSE).orElseThrow();
		assertThat(response.state()).isEqualTo(SlaClock.State.MET);
		assertThat(response.breached()).isFalse();
		assertThat(response.duration()).isEqualTo(Duration.ofMinutes(10));
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SlaService.WATCHER)
				.processInstanceBusinessKey(caseNo(repair)).variableValueEquals("sla", SlaNames.REPAIR_RESPONSE).count()).isZero();
		assertThat(timeline(repair)).contains("sla-met:维修响应按时达标，用时 10 分钟");
	}

	@Test
	void breachedResponseEscalatesToTheDutyOfficerAndTheCaseGoesOn() throws Exception {
		ProcessInstance repair = report("1", "1-1301", "plumbing", "水管爆裂");

		letClockRunOut(repair, SlaNames.REPAIR_RESPONSE);

		SlaClock response = clock(repair, SlaNames.REPAIR_RESPONSE).orElseThrow();
		assertThat(response.breached()).isTrue();
		assertThat(response.escalatedTo()).isEqualTo("duty-officer");
		Task escalation = escalationTask(repair);
		assertThat(escalation.getName()).isEqualTo("超时督办");
		assertThat(candidateGroups(escalation)).containsExactly("duty-officer");
		assertThat(runtimeService.getVariables(escalation.getProcessInstanceId())).as("what the steps read, no more")
				.containsOnlyKeys("caseNo", "sla", "escalateTo");
		assertThat(taskService.getVariableLocal(escalation.getId(), "caseCard")).as("the task's card")
				.isEqualTo(caseNo(repair) + " · " + caseOf(repair).priority() + " · 1号楼 1-1301 · 水管爆裂");
		// the form as Tasklist loads it, for the duty officer: whom to call, about what, due when — read from the case
		var form = new ApiClient(port).call("GET", "/engine-rest/task/" + escalation.getId() + "/form-variables?deserializeValues=false",
				null, "Authorization", ApiClient.basic("duty"));
		assertThat(form.status()).as("form-variables: %s", form.body()).isEqualTo(200);
		Map<String, String> shown = new java.util.TreeMap<>();
		form.body().properties().forEach(field -> shown.put(field.getKey(), field.getValue().path("value").asText()));
		assertThat(shown).containsEntry("caseNo", caseNo(repair)).containsEntry("building", "1").containsEntry("unit", "1-1301")
				.containsEntry("reporterName", "王女士").containsEntry("reporterPhone", "13800000000")
				.containsEntry("description", "水管爆裂").containsEntry("slaLabel", "维修响应")
				.containsEntry("dueAt", "2026-11-27 10:15");
		var names = new ApiClient(port).call("GET", "/engine-rest/task/" + escalation.getId()
				+ "/form-variables?variableNames=unit,dueAt", null, "Authorization", ApiClient.basic("duty"));
		assertThat(names.body().properties().stream().map(Map.Entry::getKey).toList()).as("only the names asked for")
				.containsExactlyInAnyOrder("unit", "dueAt");
		assertThat(new ApiClient(port).call("GET", "/engine-rest/task/" + escalation.getId() + "/form-variables", null,
				"Authorization", ApiClient.basic("engineer")).status()).as("not the engineer's task").isEqualTo(403);
		assertThat(timeline(repair)).anySatisfy(line -> assertThat(line).startsWith("sla-breached:超时：维修响应应于 11月27日 10:15 前完成，已升级至24小时值班"))
				.anySatisfy(line -> assertThat(line).startsWith("paged:呼叫 24小时值班"));
		assertThat(jdbc.queryForObject("select count(*) from notification where event_id = ?", Integer.class,
				"breach:" + caseNo(repair) + ":repair-response")).isOne();
		assertThat(repair).isWaitingAt(RepairProcess.ACCEPT_JOB);

		acceptJob(repair);
		assertThat(clock(repair, SlaNames.REPAIR_RESPONSE).orElseThrow().state()).isEqualTo(SlaClock.State.MET);
		assertThat(timeline(repair)).anySatisfy(line -> assertThat(line).startsWith("sla-met:维修响应超时后完成"));
		completeAs("duty", escalation, withVariables("actionTaken", "已电话催促王师傅"));
		assertThat(timeline(repair)).contains("sla-escalation-handled:维修响应超时督办：已电话催促王师傅");
	}

	@Test
	void aBreachOfAClockMetMeanwhileIsNotRecordedAndAsksNobody() {
		ProcessInstance repair = report("1", "1-1301", "plumbing", "水管爆裂");
		acceptJob(repair);
		assertThat(clock(repair, SlaNames.REPAIR_RESPONSE).orElseThrow().state()).isEqualTo(SlaClock.State.MET);

		// what a due job that fired as the clock was met would have started: the gateway reads the step's transient flag
		ProcessInstance late = runtimeService.startProcessInstanceByKey(SlaService.WATCHER, caseNo(repair), Map.of("caseNo",
				caseNo(repair), "sla", SlaNames.REPAIR_RESPONSE, "escalateTo", "duty-officer"));

		assertThat(late).isEnded().hasPassed("Event_NotBreached").hasNotPassed("Task_Escalate");
		assertThat(clock(repair, SlaNames.REPAIR_RESPONSE).orElseThrow().breached()).isFalse();
		assertThat(timeline(repair)).noneSatisfy(line -> assertThat(line).startsWith("sla-breached:"));
	}

	@Test
	void waitingForPartsPausesTheResolutionClockAndMovesItsDueTime() {
		ProcessInstance repair = report("1", "1-1302", "plumbing", "水管爆裂");
		acceptJob(repair);
		OffsetDateTime due = clock(repair, SlaNames.REPAIR_RESOLUTION).orElseThrow().dueAt();
		TestClock.advance(Duration.ofMinutes(30));

		completeAs("engineer", task(repair), withVariables(RepairProcess.DIAGNOSIS.name(), "三通阀破裂", RepairProcess.REPAIR_OUTCOME.name(),
				"paused", RepairProcess.PAUSE_REASON.name(), "partsOnOrder"));

		assertThat(repair).isWaitingAt(RepairProcess.WAIT_TO_RESUME);
		assertThat(clock(repair, SlaNames.REPAIR_RESOLUTION).orElseThrow().state()).isEqualTo(SlaClock.State.PAUSED);
		assertThat(watcherTimer(repair, SlaNames.REPAIR_RESOLUTION).isSuspended()).isTrue();
		assertThat(clock(repair, SlaNames.INITIAL_INVESTIGATION).orElseThrow().state()).as("diagnosis recorded")
				.isEqualTo(SlaClock.State.MET);

		TestClock.advance(Duration.ofHours(5));
		completeAs("engineer", task(repair), withVariables("resumeNote", "配件已到"));

		SlaClock resolution = clock(repair, SlaNames.REPAIR_RESOLUTION).orElseThrow();
		assertThat(resolution.state()).isEqualTo(SlaClock.State.RUNNING);
		assertThat(resolution.dueAt()).isEqualTo(due.plusHours(5));
		assertThat(resolution.pauseReason()).isEqualTo("等待配件");
		completeAs("engineer", task(repair), withVariables(RepairProcess.DIAGNOSIS.name(), "三通阀破裂", RepairProcess.REPAIR_OUTCOME.name(),
				"paused", RepairProcess.PAUSE_REASON.name(), "partsOnOrder"));
		completeAs("engineer", task(repair), withVariables("resumeNote", "配件又到了一批"));
		assertThat(timeline(repair)).as("the diagnosis the form showed again is said once")
				.filteredOn(line -> line.startsWith("diagnosed:")).containsExactly("diagnosed:现场诊断（王师傅）：三通阀破裂");
		assertThat(timeline(repair)).as("what the technician said when the work resumed, a line of its own")
				.contains("resumed:恢复维修（王师傅）：配件已到")
				.anySatisfy(line -> assertThat(line).startsWith("sla-resumed:维修解决恢复计时，暂停 5 小时").endsWith("前完成"));
		assertThat(runtimeService.getVariables(repair.getId())).as("the form starts empty, not on 暂停")
				.doesNotContainKeys(RepairProcess.REPAIR_OUTCOME.name(), RepairProcess.PAUSE_REASON.name());
		Job timer = watcherTimer(repair, SlaNames.REPAIR_RESOLUTION);
		assertThat(timer.isSuspended()).isFalse();
		assertThat(timer.getDuedate()).isEqualTo(java.util.Date.from(due.plusHours(5).toInstant()));
		assertThat(repair).isWaitingAt(RepairProcess.REPAIR);

		repairDone(repair);
		acceptance(repair, true, null);
		SlaClock met = clock(repair, SlaNames.REPAIR_RESOLUTION).orElseThrow();
		assertThat(met.state()).isEqualTo(SlaClock.State.MET);
		assertThat(met.breached()).isFalse();
		assertThat(met.duration()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void pauseNeedsAReason() {
		ProcessInstance repair = report("1", "1-1401", "plumbing", "水管爆裂");
		acceptJob(repair);

		assertThatThrownBy(() -> completeAs("engineer", task(repair), withVariables(RepairProcess.DIAGNOSIS.name(), "看过了",
				RepairProcess.REPAIR_OUTCOME.name(), "paused"))).hasMessageContaining("暂停时必须选择原因");
	}

	@Test
	void deskClassificationLeftTooLongEscalatesToTheDutyOfficer() {
		ProcessInstance repair = report("2", "2-802", "other", "不知道怎么描述");
		assertThat(clock(repair, SlaNames.DESK_CLASSIFICATION).orElseThrow().dueAt())
				.isEqualTo(caseOf(repair).createdAt().plusMinutes(15));

		letClockRunOut(repair, SlaNames.DESK_CLASSIFICATION);

		assertThat(candidateGroups(escalationTask(repair))).containsExactly("duty-officer");
		assertThat(repair).isWaitingAt(RepairProcess.DESK_CLASSIFICATION);
	}

	@Test
	void structuralRepairHasNoInvestigationClock() {
		ProcessInstance repair = report("3", "3-202", "structure", "窗户关不严");

		assertThat(repair).hasPassed(RepairProcess.START_RESOLUTION_CLOCK, RepairProcess.GATEWAY_EQUIPMENT_FAILURE)
				.hasNotPassed(RepairProcess.START_INVESTIGATION_CLOCK).isWaitingAt(RepairProcess.ACCEPT_JOB)
				.variables().containsEntry(RepairProcess.EQUIPMENT_FAILURE.name(), false);
		assertThat(clock(repair, SlaNames.INITIAL_INVESTIGATION)).isEmpty();
		assertThat(clock(repair, SlaNames.REPAIR_RESOLUTION).orElseThrow().dueAt())
				.isEqualTo(caseOf(repair).createdAt().plusHours(72));
	}

}
