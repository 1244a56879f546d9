package com.propdesk.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.ProcessCoverage;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseEvent;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.registry.Estate.Technician;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.registry.Shift;

/** One test per path through {@code processes/repair.bpmn}, on the demo estate and roster. */
@PropDeskTest
class RepairProcessTests {

	@RegisterExtension
	static ProcessCoverage coverage = new ProcessCoverage(RepairProcess.KEY, 0.9);

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	CaseService cases;

	@Autowired
	RegistryRepository registry;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(processEngine);
		TestClock.set(TestClock.DAY);
	}

	@AfterEach
	void tearDown() {
		runtimeService.createProcessInstanceQuery().list()
				.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
		identityService.clearAuthentication();
		TestClock.reset();
	}

	private ProcessInstance report(String building, String unit, String category, String description) {
		CaseRecord opened = cases.open(Reports.repair(building, unit, category, description)).record();
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(opened.caseNo()).singleResult();
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
				.map(IdentityLink::getGroupId).toList();
	}

	private static String caseNo(ProcessInstance instance) {
		return instance.getBusinessKey();
	}

	private CaseRecord caseOf(ProcessInstance instance) {
		return cases.find(caseNo(instance)).orElseThrow();
	}

	private List<String> timeline(ProcessInstance instance) {
		return cases.timeline(caseNo(instance)).stream().map(e -> e.kind() + ":" + e.message()).toList();
	}

	private void completeAs(String user, Task task, Map<String, Object> variables) {
		identityService.setAuthentication(user, List.of());
		try {
			taskService.complete(task.getId(), variables);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	@Test
	void burstPipeIsClassifiedByTheTableAndDispatchedToTheTechnicianInTheSameBuilding() {
		ProcessInstance repair = report("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重");

		assertThat(repair).hasPassed(RepairProcess.REGISTER, RepairProcess.TRIAGE, RepairProcess.RECORD_CLASSIFICATION,
				RepairProcess.DISPATCH).isWaitingAt(RepairProcess.REPAIR)
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
	void technicianCompletesTheRepairAndTheCaseIsClosed() {
		ProcessInstance repair = report("1", "1-502", "plumbing", "卫生间水龙头滴水");
		assertThat(task(repair)).isAssignedTo("engineer");

		completeAs("engineer", task(repair), withVariables(RepairProcess.DIAGNOSIS, "阀芯老化", RepairProcess.REPAIR_OUTCOME, "done",
				RepairProcess.WORK_DONE, "更换阀芯", RepairProcess.MATERIALS, "阀芯 1 个", RepairProcess.COST, 35.0));

		assertThat(repair).hasPassed(RepairProcess.CLOSE).isEnded();
		assertThat(caseOf(repair).status()).isEqualTo(CaseStatus.CLOSED);
		List<CaseEvent> events = cases.timeline(caseNo(repair));
		assertThat(events).anySatisfy(e -> {
			assertThat(e.kind()).isEqualTo("repaired");
			assertThat(e.actor()).isEqualTo("engineer");
			assertThat(e.message()).contains("阀芯老化", "更换阀芯", "¥35.00");
		});
		assertThat(events.get(events.size() - 1).kind()).isEqualTo("closed");
	}

	@Test
	void reportTheTableCannotDecideGoesToTheServiceDeskWhichClassifiesIt() {
		ProcessInstance repair = report("2", "2-801", "other", "阳台上有个东西一直响");

		assertThat(repair).isWaitingAt(RepairProcess.DESK_CLASSIFICATION);
		assertThat(task(repair)).hasCandidateGroup("service-desk").isNotAssigned();
		assertThat(caseOf(repair).status()).isEqualTo(CaseStatus.ACCEPTED);

		completeAs("agent", task(repair), withVariables("category", "electrical", "priority", "P3", "department", "engineering",
				"lifeSafety", false));

		assertThat(repair).hasPassed(RepairProcess.RECORD_CLASSIFICATION).isWaitingAt(RepairProcess.REPAIR);
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

		assertThat(repair).isWaitingAt(RepairProcess.REPAIR);
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

		completeAs("engineer", task(repair), withVariables(RepairProcess.DIAGNOSIS, "热水器主板故障", RepairProcess.REPAIR_OUTCOME,
				"handBack", RepairProcess.HAND_BACK_REASON, "需要熟悉该品牌的师傅"));

		assertThat(repair).hasPassed(RepairProcess.RECORD_HAND_BACK).isWaitingAt(RepairProcess.REPAIR);
		assertThat(task(repair)).isAssignedTo("engineer2");
		assertThat(repair).variables().containsEntry("excludedTechnicians", "engineer")
				.doesNotContainKey(RepairProcess.REPAIR_OUTCOME).doesNotContainKey(RepairProcess.DIAGNOSIS);
		assertThat(runtimeService.getVariable(repair.getId(), RepairProcess.REPAIR_NOTES).toString())
				.contains("engineer 无法处理", "需要熟悉该品牌的师傅", "热水器主板故障");
		assertThat(timeline(repair)).anySatisfy(line -> assertThat(line).startsWith("handed-back:engineer 无法处理"));

		completeAs("engineer2", task(repair), withVariables(RepairProcess.DIAGNOSIS, "主板烧毁", RepairProcess.REPAIR_OUTCOME, "done",
				RepairProcess.WORK_DONE, "更换主板"));
		assertThat(repair).isEnded();
	}

	@Test
	void technicianHandsBackToAnotherDepartment() {
		ProcessInstance repair = report("3", "3-201", "structure", "楼道墙面脱落");
		assertThat(candidateGroups(task(repair))).containsExactly("engineering");

		completeAs(task(repair).getAssignee(), task(repair), withVariables(RepairProcess.DIAGNOSIS, "墙面无结构问题，是外墙涂鸦和污渍",
				RepairProcess.REPAIR_OUTCOME, "handBack", RepairProcess.HAND_BACK_REASON, "需要清洁",
				RepairProcess.HAND_BACK_DEPARTMENT, "cleaning"));

		assertThat(repair).isWaitingAt(RepairProcess.REPAIR).variables().containsEntry("department", "cleaning");
		assertThat(task(repair)).isAssignedTo("cleaner");
		assertThat(candidateGroups(task(repair))).containsExactly("cleaning");
		assertThat(timeline(repair)).anySatisfy(line -> assertThat(line).contains("转交保洁部"));
	}

	@Test
	void handBackWithoutAReasonIsRefused() {
		ProcessInstance repair = report("1", "1-1001", "plumbing", "水压低");

		assertThatThrownBy(() -> completeAs("engineer", task(repair),
				withVariables(RepairProcess.DIAGNOSIS, "看过了", RepairProcess.REPAIR_OUTCOME, "handBack")))
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

		String caseNo = (String) runtimeService.getVariable(repair.getId(), CaseService.CASE_NO);
		assertThat(caseNo).startsWith("R-20261127-");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count()).isOne();
		CaseRecord record = cases.find(caseNo).orElseThrow();
		assertThat(record.channel()).isEqualTo("phone");
		assertThat(record.processInstanceId()).isEqualTo(repair.getId());
		assertThat(record.priority()).isEqualTo("P2");
		assertThat(cases.timeline(caseNo).get(0).actor()).isEqualTo("agent");
		assertThat(taskService.createTaskQuery().processInstanceId(repair.getId()).singleResult().getAssignee())
				.isEqualTo("engineer2");
	}

	@Test
	void startFormWithAnUnknownUnitCreatesNothing() {
		long before = runtimeService.createProcessInstanceQuery().count();

		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(RepairProcess.KEY,
				Map.of("channel", "phone", "reporterName", "刘先生", "reporterPhone", "13900001111", "building", "5",
						"unit", "9-999", "category", "lift", "description", "电梯坏了")))
				.hasMessageContaining("无法受理").hasMessageContaining("unit");
		assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
	}

}
