package com.propdesk;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propdesk.complaint.ComplaintProcess;
import com.propdesk.mediation.MediationProcess;
import com.propdesk.emergency.EmergencyProcess;
import com.propdesk.handover.HandoverProcess;
import com.propdesk.handover.ShiftChange;
import com.propdesk.inquiry.InquiryProcess;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.Feedback;
import com.propdesk.registry.Estate.Technician;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.repair.RepairProcess;
import com.propdesk.repair.ReturnVisitProperties;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;

/**
 * Every task form tells the story so far: what the earlier steps of the case recorded and this step needs is on
 * the form, read-only, so nobody opens another screen to learn what the technician did or what the agent heard.
 * {@link #STORY} declares, per task form, the read-only fields it shows besides the case header; a field marked
 * {@code ?} is recorded on some paths only, and the form hides it when it is empty. The paths below run each
 * process on the real engine; at every user task the deployed form (the task's {@code formRef}, resolved by the
 * engine) is read with the task's form variables as Tasklist loads them, and every field of the story must have a
 * value there, the {@code ?} ones at least once over the paths.
 */
@PropDeskTest
class FormStoryTests extends CaseProcessTest {

	/** Task form → the read-only fields it shows besides the case header; {@code ?}: only when the path recorded it. */
	static final Map<String, List<String>> STORY = Map.ofEntries(
			entry("repair-classify", List.of()),
			entry("repair-assign", List.of("category", "priority", "department", "repairNotes?", "dispatchReason")),
			entry("repair-accept", List.of("category", "repairNotes?")),
			entry("repair-work", List.of("category", "priority", "repairNotes?")),
			entry("repair-resume", List.of("category", "diagnosis", "pauseReasonLabel")),
			entry("repair-acceptance", List.of("category", "diagnosis", "workDone", "materials", "cost", "repairNotes?")),
			entry("repair-return-visit", List.of("workDone", "ownerConfirmation?", "feedbackScore?", "feedbackComment?")),
			entry("sla-clock-escalate", List.of("dueAt", "slaLabel")),
			// a round of a recurring duty, no case: the round and the round before (WorkRoundProcessTests runs it)
			entry("work-round-record", List.of("dutyLabel", "buildingName", "roundWindow", "location?", "contractor?",
					"previousLog")),
			entry("shift-handover-hand-over", List.of("handoverSummary")),
			entry("shift-handover-acknowledge", List.of("handedOverByName", "handoverSummary", "handoverNotes?", "handoverAnswers?")),
			entry("shift-handover-answer", List.of("askedItemTitle", "question", "handoverSummary")),
			entry("shift-handover-urge", List.of("handedOverByName?", "handoverSummary")),
			entry("repeat-fault-plan", List.of("repeatFaultCases")),
			// a resident living alone, no case: the care record and the visit before (ElderlyVisitProcessTests runs them too)
			entry("elderly-visit-visit", List.of("residentUnit", "residentName", "residentPhone", "visitEveryLabel", "visitWindow",
					"emergencyContacts", "healthNotes?", "previousVisit")),
			entry("elderly-visit-errand", List.of("residentUnit", "residentName", "residentPhone", "errandText")),
			entry("elderly-visit-call-contact", List.of("residentUnit", "residentName", "residentPhone", "missedVisits",
					"emergencyContacts")),
			entry("complaint-first-response", List.of("category", "empathyNotes?", "demand", "subject", "tierReason")),
			entry("complaint-resolve", List.of("category", "firstContactNote?", "plan?", "executionNote?", "replyText?",
					"ownerComment?", "demand", "subject", "tierReason")),
			entry("complaint-plan", List.of("category", "empathyNotes?", "firstContactNote?", "demand", "subject", "tierReason")),
			entry("complaint-execute", List.of("category", "planDue", "firstContactNote?", "awaitedCaseNo?",
					"awaitedCaseOutcome?", "demand", "subject", "tierReason", "plan")),
			entry("complaint-reply", List.of("plan?", "awaitedCaseNo?", "awaitedCaseOutcome?", "demand", "subject", "tierReason",
					"resolution?", "executionNote?")),
			entry("complaint-satisfaction", List.of("demand", "subject", "tierReason", "replyText")),
			entry("complaint-review", List.of("firstContactNote?", "resolution?", "plan?", "executionNote?", "replyText", "demand",
					"subject", "tierReason", "ownerComment")),
			entry("complaint-root-cause", List.of("category", "firstContactNote?", "resolution?", "plan?", "executionNote?",
					"ownerComment?", "reviewDecision?", "demand", "subject", "tierReason")),
			entry("complaint-improvement", List.of("causeCategory", "improvementOwner", "demand", "subject", "tierReason",
					"improvementAction", "improvementDue")),
			entry("complaint-improvement-overdue", List.of("causeCategory", "demand", "subject", "tierReason", "improvementAction",
					"improvementOwner", "improvementDue")),
			entry("emergency-acknowledge", plan("category", "drill", "elderlyResidents")),
			entry("emergency-evacuate", plan("category", "drill", "ackNote", "elderlyResidents")),
			entry("emergency-external-call", plan("category", "ackNote", "planContacts")),
			entry("emergency-command", plan("category", "drill", "ackNote", "elderlyResidents")),
			entry("emergency-assign", plan("category", "ackNote", "dispatchReason")),
			entry("emergency-on-site", plan("category", "drill", "ackNote")),
			entry("emergency-resolve", plan("drill", "ackNote", "evacuationNote?", "calledNumber?", "calledAt?", "commandNote?",
					"diagnosis?")),
			entry("emergency-review", plan("drill", "ackNote", "evacuationNote?", "calledAt?", "commandNote?", "diagnosis?",
					"resolution", "reviewAcknowledge", "reviewDispatch", "reviewOnSite", "reviewResolution", "reviewBreaches",
					"reviewParticipants")),
			entry("emergency-approve-plan", plan("planContacts", "newContacts?", "findings", "newSteps")),
			entry("inquiry-answer", List.of("category?", "triageReason", "partialAnswer?", "restQuestion?", "candidate1Question", "candidate1Score?",
					"candidate1Answer?", "candidate2Question", "candidate2Score?", "candidate2Answer?", "candidate3Question",
					"candidate3Score?", "candidate3Answer?")),
			entry("inquiry-specialist", List.of("category?", "triageReason", "promisedAtText", "partialAnswer?", "restQuestion?")),
			entry("inquiry-review-entry", List.of("draftCategoryLabel")),
			entry("monthly-report-review", List.of("buildingLabel", "figuresText", "previewPath")),
			entry("mediation-talk-reporter", List.of("category?", "otherUnits", "recurringOf?")),
			entry("mediation-talk-other", List.of("category?", "otherUnits", "recurringOf?")),
			entry("mediation-evidence", List.of("category?", "otherUnits", "reporterFacts", "reporterDemands?", "otherFacts",
					"otherDemands?")),
			entry("mediation-police", List.of("category?", "otherUnits", "reporterFacts", "otherFacts", "evidenceSummary",
					"evidenceFindings?")),
			entry("mediation-settlement", List.of("otherUnits", "reporterFacts", "reporterDemands?", "otherFacts", "otherDemands?",
					"evidenceSummary", "evidenceFindings?", "policeOutcome?", "reporterResponse?", "otherResponse?")),
			entry("mediation-responses", List.of("otherUnits", "settlement")),
			entry("mediation-long-term", List.of("category?", "otherUnits", "recurringOf", "settlement")),
			entry("mediation-follow-up-first", List.of("otherUnits", "settlement")),
			entry("mediation-follow-up-second", List.of("otherUnits", "settlement", "firstFollowUpNote")),
			entry("mediation-close", List.of("otherUnits", "settlement", "evidenceSummary", "policeOutcome?", "firstFollowUpNote?",
					"secondFollowUpNote?", "longTermMeasure?")));

	/** What the issue names outright, so that it stays whatever else changes. */
	static final Map<String, List<String>> NAMED_IN_THE_ISSUE = Map.of(
			"repair-acceptance", List.of("workDone", "materials", "cost"),
			"complaint-plan", List.of("firstContactNote"),
			"repair-resume", List.of("diagnosis"));

	private static List<String> plan(String... fields) {
		List<String> story = new ArrayList<>(List.of("planTitle", "planVersion", "planSteps"));
		story.addAll(List.of(fields));
		return story;
	}

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	FormService formService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ReturnVisitProperties returnVisits;

	@Autowired
	RegistryRepository registry;

	@LocalServerPort
	int port;

	/** Form → story field → seen with a value on some path. */
	private final Map<String, Set<String>> shown = new HashMap<>();

	private final Set<String> opened = new TreeSet<>();

	@BeforeEach
	void nothingShownYet() {
		shown.clear();
		opened.clear();
	}

	// --- the table against the form files -------------------------------------------------------------------

	@Test
	void everyTaskFormDeclaresItsStoryAndShowsItReadOnly() throws Exception {
		Set<String> taskForms = new TreeSet<>();
		try (var files = Files.list(Path.of("forms"))) {
			files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".form") && !n.endsWith("-report.form"))
					.forEach(n -> taskForms.add(n.substring(0, n.length() - ".form".length())));
		}
		assertThat(STORY.keySet()).as("every task form has its line in the table").containsExactlyInAnyOrderElementsOf(taskForms);

		for (var line : STORY.entrySet()) {
			Map<String, JsonNode> story = storyFields(JSON.readTree(Path.of("forms", line.getKey() + ".form").toFile()));
			assertThat(story.keySet()).as("the read-only fields of %s", line.getKey())
					.containsExactlyInAnyOrderElementsOf(line.getValue().stream().map(FormStoryTests::key).toList());
			for (String field : line.getValue()) {
				if (field.endsWith("?")) {
					assertThat(story.get(key(field)).path("conditional").path("hide").asText())
							.as("%s hides %s when the path did not record it", line.getKey(), key(field)).contains(key(field) + " ");
				}
			}
		}
		NAMED_IN_THE_ISSUE.forEach((form, fields) -> assertThat(STORY.get(form).stream().map(FormStoryTests::key)).as(form)
				.containsAll(fields));
	}

	// --- the paths, on the real engine ----------------------------------------------------------------------

	@Test
	void repairFormsShowTheStoryAtEveryStep() throws Exception {
		// desk classification, a pause, a rejected acceptance, a return visit (the case's number must be sampled)
		String caseNo = null;
		for (int i = 0; i < 40 && caseNo == null; i++) {
			String candidate = cases.open(Reports.repair("2", "2-801", "other", "阳台上有个东西一直响")).record().caseNo();
			if (returnVisits.sampled(candidate)) {
				caseNo = candidate;
			}
			else {
				runtimeService.deleteProcessInstance(instance(RepairProcess.KEY, candidate).getId(), "not sampled");
			}
		}
		work(caseNo, RepairProcess.DESK_CLASSIFICATION, "agent", "category", "electrical", "priority", "P3", "department",
				"engineering", "lifeSafety", false);
		String technician = task(caseNo, RepairProcess.ACCEPT_JOB).getAssignee();
		work(caseNo, RepairProcess.ACCEPT_JOB, technician, "eta", "30 分钟内");
		work(caseNo, RepairProcess.REPAIR, technician, "diagnosis", "插座内部烧蚀", "repairOutcome", "paused", "pauseReason",
				"partsOnOrder");
		work(caseNo, RepairProcess.WAIT_TO_RESUME, technician, "resumeNote", "配件已到");
		work(caseNo, RepairProcess.REPAIR, technician, "diagnosis", "插座内部烧蚀", "repairOutcome", "done", "workDone", "更换插座",
				"materials", "五孔插座 1 个", "cost", 28.0);
		work(caseNo, RepairProcess.ACCEPTANCE, "agent", "accepted", false, "rejectionReason", "插座仍然松动");
		work(caseNo, RepairProcess.REPAIR, technician, "diagnosis", "插座底盒松脱", "repairOutcome", "done", "workDone",
				"重新固定底盒并更换插座", "materials", "五孔插座 1 个、底盒 1 个", "cost", 40.0);
		acceptInTasklist(caseNo);
		cases.feedback(caseNo, new Feedback(3, "还行，就是慢了点"), "owner");
		work(caseNo, RepairProcess.RETURN_VISIT_TASK, "agent", "visitReached", true, "visitOutcome", "业主认可");

		// handed back twice: nobody is left with the skill, the duty officer assigns by hand; a late response escalates
		String handedBack = cases.open(Reports.repair("3", "3-1201", "hvac", "空调外机异响")).record().caseNo();
		letClockRunOut(handedBack, SlaNames.REPAIR_RESPONSE);
		work(handedBack, "Task_Escalate", "duty", "actionTaken", "已电话催促");
		for (int round = 0; round < 2; round++) {
			String assignee = task(handedBack, RepairProcess.ACCEPT_JOB).getAssignee();
			work(handedBack, RepairProcess.ACCEPT_JOB, assignee, "eta", "1 小时内");
			work(handedBack, RepairProcess.REPAIR, assignee, "diagnosis", "压缩机异响", "repairOutcome", "handBack",
					"handBackReason", "需要厂家售后");
		}
		work(handedBack, RepairProcess.ASSIGN_BY_HAND, "duty", "technician", "engineer");

		allShown(RepairProcess.KEY, SlaService.WATCHER);
	}

	@Test
	void complaintFormsShowTheStoryAtEveryStep() throws Exception {
		// an ordinary complaint taken on the start form, unsatisfied twice, its improvement overdue
		String ordinary = startAs("agent", ComplaintProcess.KEY, Map.of("channel", "phone", "reporterName", "李先生",
				"reporterPhone", "13900000000", "building", "6", "unit", "6-1702", "category", "noise", "description",
				"楼下商铺每晚十一点还在放音乐", "demand", "晚上十点后停止放音乐", "subject", "底商", "empathyNotes", "业主情绪激动，已安抚并致歉"));
		work(ordinary, ComplaintProcess.FIRST_RESPONSE, "agent", "firstContactNote", "已上门了解，业主孩子要备考",
				"responsibleDepartment", "service-desk", "retier", false);
		work(ordinary, ComplaintProcess.RESOLVE, "agent", "resolution", "已约谈商铺负责人");
		repliedButUnsatisfied(ordinary, "商铺承诺十点后关音乐", "昨晚还在放");
		work(ordinary, ComplaintProcess.RESOLVE, "agent", "resolution", "联合城管再次约谈并签承诺书");
		repliedButUnsatisfied(ordinary, "商铺已签承诺书，违约可报城管", "不相信承诺书");
		work(ordinary, ComplaintProcess.MANAGEMENT_REVIEW, "manager", "reviewDecision", "安排夜间巡查一个月");
		work(ordinary, ComplaintProcess.ROOT_CAUSE, "agent", "causeCategory", "process-gap", "improvementAction",
				"底商入驻时书面约定营业噪音", "improvementOwner", "客服主管", "improvementDue", "2026-12-15");
		Job overdue = managementService.createJobQuery().processInstanceId(instance(ComplaintProcess.KEY, ordinary).getId())
				.timers().singleResult();
		TestClock.set(OffsetDateTime.parse("2026-12-16T09:00:00+08:00"));
		managementService.executeJob(overdue.getId());
		work(ordinary, ComplaintProcess.ESCALATE_IMPROVEMENT, "manager", "escalationNote", "限三天内完成");
		work(ordinary, ComplaintProcess.IMPROVEMENT, "agent", "improvementResult", "已补签约定");
		TestClock.set(TestClock.DAY);

		// re-tiered by the agent: management's plan needs a repair, which closes before the plan is carried out
		String major = startAs("agent", ComplaintProcess.KEY, Map.of("channel", "walk-in", "reporterName", "赵女士",
				"reporterPhone", "13900000001", "building", "6", "unit", "6-1701", "category", "other", "description",
				"小区门口的路灯坏了好久", "demand", "尽快修好路灯", "subject", "工程部", "empathyNotes", "业主很担心家里老人，已安抚"));
		work(major, ComplaintProcess.FIRST_RESPONSE, "agent", "firstContactNote", "业主称老人夜间在门口摔倒", "responsibleDepartment",
				"engineering", "retier", true, "retierReason", "有人受伤");
		work(major, ComplaintProcess.SET_PLAN, "manager", "plan", "当天修复路灯并慰问老人", "responsibleDepartment", "engineering",
				"planDue", "2026-11-28 18:00", "needsRepair", true, "repairCategory", "electrical", "repairDescription",
				"小区门口路灯不亮");
		String repairNo = cases.links(major).get(0).caseNo();
		for (String step : List.of(RepairProcess.ACCEPT_JOB, RepairProcess.REPAIR, RepairProcess.ACCEPTANCE)) {
			Task repairTask = task(repairNo, step);
			completeAs(repairTask.getAssignee() != null ? repairTask.getAssignee() : "agent", repairTask, switch (step) {
				case RepairProcess.ACCEPT_JOB -> Map.of("eta", "30 分钟");
				case RepairProcess.REPAIR -> Map.of("diagnosis", "灯泡烧坏", "repairOutcome", "done", "workDone", "更换灯泡");
				default -> Map.of("accepted", true);
			});
		}
		cases.feedback(repairNo, new Feedback(4, null), "owner");
		work(major, ComplaintProcess.EXECUTE_PLAN, "engineer", "executionNote", "路灯已修复，经理已上门慰问");
		repliedButUnsatisfied(major, "路灯已修复，向您和家人致歉", "老人的医药费谁出？");
		work(major, ComplaintProcess.RESOLVE, "engineer", "resolution", "物业承担医药费");
		repliedButUnsatisfied(major, "医药费由物业承担，已转账", "还要书面道歉");
		work(major, ComplaintProcess.MANAGEMENT_REVIEW, "manager", "reviewDecision", "经理登门书面道歉");
		work(major, ComplaintProcess.ROOT_CAUSE, "engineer", "causeCategory", "facility", "improvementAction", "路灯每周巡检",
				"improvementOwner", "工程主管", "improvementDue", "2026-12-20");

		allShown(ComplaintProcess.KEY);
	}

	@Test
	void emergencyFormsShowTheStoryAtEveryStep() throws Exception {
		// a gas leak: the life-safety steps in parallel, a plan change proposed and not approved
		String gas = emergency("2", "gas-leak", "2 号楼 3 单元燃气味很重");
		work(gas, EmergencyProcess.ACKNOWLEDGE, "duty", "ackNote", "已确认，先关总阀再疏散");
		work(gas, EmergencyProcess.EVACUATE, "guard", "evacuationNote", "3 单元 36 户已疏散");
		work(gas, EmergencyProcess.EXTERNAL_CALL, "duty", "calledNumber", "96777", "calledAt", "10:04", "callNote", "燃气公司 20 分钟到场");
		work(gas, EmergencyProcess.COMMAND, "manager", "commandNote", "周经理到场指挥");
		work(gas, EmergencyProcess.RESOLVE, "duty", "resolution", "燃气公司已修复阀门");
		work(gas, EmergencyProcess.REVIEW, "manager", "findings", "疏散顺序需优化", "proposePlanChange", true, "newSteps",
				"1. 关闭燃气总阀；2. 先疏散独居老人", "newContacts", "燃气公司 96777；街道 12345");
		work(gas, EmergencyProcess.APPROVE_PLAN, "manager", "planApproved", false, "approvalNote", "下季度统一修订");

		// a burst pipe: dispatched, investigated on site
		String pipe = emergency("1", "burst-pipe", "1 号楼地下室水管爆裂，水在漫");
		work(pipe, EmergencyProcess.ACKNOWLEDGE, "duty", "ackNote", "已确认，通知停水");
		work(pipe, EmergencyProcess.ON_SITE, "engineer", "diagnosis", "主管道三通破裂，已关阀");
		work(pipe, EmergencyProcess.RESOLVE, "duty", "resolution", "更换三通，恢复供水");
		work(pipe, EmergencyProcess.REVIEW, "manager", "findings", "处置及时", "proposePlanChange", false);

		// nobody on duty repairs lifts: the duty officer assigns by hand
		Technician liu = registry.technician("engineer2").orElseThrow();
		registry.save(new Technician(liu.username(), liu.name(), liu.department(), liu.skills(), liu.zone(), liu.baseBuilding(),
				liu.shift(), false));
		try {
			String lift = emergency("3", "lift-failure", "3 号楼电梯停运，无人被困");
			work(lift, EmergencyProcess.ACKNOWLEDGE, "duty", "ackNote", "已确认，联系维保");
			work(lift, "Task_AssignByHand", "duty", "technician", "engineer");
		}
		finally {
			registry.save(liu);
		}

		allShown(EmergencyProcess.KEY);
	}

	@Test
	void inquiryFormsShowTheStoryAtEveryStep() throws Exception {
		// answered by hand and proposed for the knowledge base, which its owners decline
		String own = inquiry("environment", "过年想在小区里放几个孔明灯，允许吗");
		work(own, InquiryProcess.DESK_ANSWER, "agent", "answerMode", "own", "answerText", "小区内禁止燃放孔明灯，以免引发火灾。",
				"addToKnowledgeBase", true, "knowledgeCategory", "environment");
		work(own, InquiryProcess.REVIEW_ENTRY, "manager", "approved", false, "reviewNote", "属个案，不收录");

		// a dispute goes straight to the specialists; the desk hands another over with its promise
		String dispute = inquiry("renovation", "楼上装修把我家卫生间天花板泡了，这个谁负责赔偿？");
		work(dispute, InquiryProcess.SPECIALIST_REPLY, "engineer", "answerText", "由楼上业主负责修复，物业已约双方协调。");
		String handedOver = inquiry(null, "下个月想在小区花园办一场婚礼酒席，可以吗？");
		work(handedOver, InquiryProcess.DESK_ANSWER, "agent", "answerMode", "specialist", "specialistGroup", "security",
				"promiseHours", "4");
		work(handedOver, InquiryProcess.SPECIALIST_REPLY, "guard", "answerText", "可以，请提前一周到客服中心登记。");

		// two asks: the main one answered at once, the rest handed over with what was answered beside it
		String twoAsks = inquiry(null, "物业费可以微信支付吗？另外下个月想在小区花园办一场婚礼酒席，可以吗");
		work(twoAsks, InquiryProcess.DESK_ANSWER, "agent", "answerMode", "specialist", "specialistGroup", "security",
				"promiseHours", "4");
		work(twoAsks, InquiryProcess.SPECIALIST_REPLY, "guard", "answerText", "可以，请提前一周到客服中心登记。");

		allShown(InquiryProcess.KEY);
	}

	// --- working a task as Tasklist does ----------------------------------------------------------------------

	/** Opens the case's task of that activity as Tasklist would, checks the story it shows, then completes it. */
	private void work(String caseNo, String activity, String user, Object... variables) throws Exception {
		Task task = task(caseNo, activity);
		showsTheStory(task, caseNo);
		completeAs(user, task, variables);
	}

	/** The service desk writes the reply; the owner, asked, is not satisfied. */
	private void repliedButUnsatisfied(String complaint, String reply, String ownerComment) throws Exception {
		work(complaint, ComplaintProcess.WRITTEN_REPLY, "agent", "replyText", reply);
		work(complaint, ComplaintProcess.SATISFACTION, "agent", "satisfied", false, "ownerComment", ownerComment);
	}

	private Task task(String caseNo, String activity) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(activity).singleResult();
		assertThat(task).as("open task %s of %s", activity, caseNo).isNotNull();
		return task;
	}

	/** The deployed form of the task, with the task's form variables: every story field it must show has a value. */
	private void showsTheStory(Task task, String caseNo) throws Exception {
		JsonNode form;
		try (InputStream deployed = formService.getDeployedTaskForm(task.getId())) {
			form = JSON.readTree(deployed);
		}
		String formId = form.path("id").asText();
		VariableMap variables = formService.getTaskFormVariables(task.getId());
		List<String> story = STORY.get(formId);
		assertThat(story).as("the story of %s is declared", formId).isNotNull();
		opened.add(formId);
		Map<String, JsonNode> fields = storyFields(form);
		assertThat(fields.keySet()).as("read-only fields of the deployed %s", formId)
				.containsExactlyInAnyOrderElementsOf(story.stream().map(FormStoryTests::key).toList());
		for (String field : story) {
			Object value = variables.get(key(field));
			boolean empty = value == null || value.toString().isBlank();
			if (!empty) {
				shown.computeIfAbsent(formId, f -> new LinkedHashSet<>()).add(key(field));
			}
			else {
				assertThat(field).as("%s of %s at %s shows %s (%s) empty", formId, caseNo, task.getTaskDefinitionKey(), key(field),
						fields.get(key(field)).path("label").asText()).endsWith("?");
			}
		}
	}

	/** Every task form of the processes was opened, and every field of its story had a value at least once. */
	private void allShown(String... processKeys) {
		for (String processKey : processKeys) {
			var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
					.singleResult();
			for (UserTask userTask : repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
				String form = userTask.getCamundaFormRef();
				assertThat(opened).as("the form of %s was opened on some path", userTask.getId()).contains(form);
				assertThat(shown.getOrDefault(form, Set.of())).as("story fields of %s shown with a value on some path", form)
						.containsExactlyInAnyOrderElementsOf(STORY.get(form).stream().map(FormStoryTests::key).toList());
			}
		}
	}

	@Test
	void mediationFormsShowTheStoryAtEveryStep() throws Exception {
		// a recurring noise dispute taken on the start form: referred to the police office, a revised settlement, both
		// follow-ups and the long-term measure
		String earlier = cases.open(new CaseRequest("mediation", "app", "app-" + UUID.randomUUID(),
				new CaseRequest.Reporter("吴先生", "13700000003"), "1", "1-1101", "noise", "楼下反映我家噪音", null, null, null,
				List.of("1-1201"))).record().caseNo();
		runtimeService.deleteProcessInstance(instance(MediationProcess.KEY, earlier).getId(), "mediated");
		String dispute = startAs("agent", MediationProcess.KEY, Map.of("channel", "phone", "reporterName", "郑女士",
				"reporterPhone", "13700000004", "building", "1", "unit", "1-1201", "otherUnits", "1-1101", "category", "noise",
				"description", "楼上又开始深夜噪音"));
		work(dispute, MediationProcess.TALK_REPORTER, "agent", "reporterFacts", "连续三晚零点后有重物落地声", "reporterDemands",
				"零点后安静");
		work(dispute, MediationProcess.TALK_OTHER, "agent", "otherFacts", "家里老人夜里起身会碰倒椅子", "otherDemands", "理解老人");
		String upload = UUID.randomUUID().toString();
		jdbc.update("insert into upload (id, purpose, content_type, file_name, size_bytes, sha256, content, uploaded_by, uploaded_at) "
				+ "values (?, 'evidence', 'image/jpeg', 'a.jpg', 3, 'x', ?, 'agent', ?)", upload, new byte[] { 1, 2, 3 },
				com.propdesk.system.Clock.now());
		work(dispute, MediationProcess.EVIDENCE, "agent", "photoUploads", upload, "evidenceFindings", "零点 10 分测得 55 分贝",
				"referToPolice", true);
		work(dispute, MediationProcess.POLICE, "agent", "policeOutcome", "社区民警上门提醒");
		work(dispute, MediationProcess.PROPOSE, "agent", "settlement", "椅子脚加垫");
		work(dispute, MediationProcess.RESPONSES, "agent", "reporterAccepts", true, "reporterResponse", "可以", "otherAccepts", false,
				"otherResponse", "垫子要物业出", "reviseSettlement", true);
		work(dispute, MediationProcess.PROPOSE, "agent", "settlement", "物业提供椅子脚垫，双方零点后互相体谅");
		work(dispute, MediationProcess.RESPONSES, "agent", "reporterAccepts", true, "otherAccepts", true);
		work(dispute, MediationProcess.LONG_TERM, "manager", "longTermMeasure", "邀请两户参加重阳节邻里茶话会");
		for (String[] visit : new String[][] { { MediationProcess.TIMER_FIRST_FOLLOW_UP, MediationProcess.FIRST_FOLLOW_UP,
				"firstFollowUpNote" }, { MediationProcess.TIMER_SECOND_FOLLOW_UP, MediationProcess.SECOND_FOLLOW_UP, "secondFollowUpNote" } }) {
			Job timer = managementService.createJobQuery()
					.processInstanceId(instance(MediationProcess.KEY, dispute).getId()).activityId(visit[0]).singleResult();
			TestClock.set(OffsetDateTime.ofInstant(timer.getDuedate().toInstant(), java.time.ZoneId.systemDefault()).plusMinutes(1));
			managementService.executeJob(timer.getId());
			work(dispute, visit[1], "agent", visit[2], "双方相安无事");
		}
		work(dispute, MediationProcess.CLOSE_IN_WRITING, "agent", "closingLetter", "经调解双方达成一致……");
		TestClock.set(TestClock.DAY);

		allShown(MediationProcess.KEY);
	}

	@Test
	void shiftHandoverFormsShowTheStoryAtEveryStep() throws Exception {
		cases.open(Reports.repair("3", "3-1201", "plumbing", "楼道水管滴水"));
		String instance = ShiftChange.at(processEngine, "2026-12-08T08:00:00+08:00").getId();
		java.util.function.Function<String, Task> open = activity -> taskService.createTaskQuery().processInstanceId(instance)
				.taskDefinitionKey(activity).singleResult();

		showsTheStory(open.apply(HandoverProcess.HAND_OVER), "handover");
		completeAs("agent", open.apply(HandoverProcess.HAND_OVER), HandoverProcess.NOTES.name(), "3-1201 业主下午回电");
		TestClock.set(java.time.OffsetDateTime.parse("2026-12-08T08:31:00+08:00"));
		managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
		showsTheStory(open.apply(HandoverProcess.URGE), "handover");
		completeAs("duty", open.apply(HandoverProcess.URGE), HandoverProcess.URGE_NOTE.name(), "已督促");

		showsTheStory(open.apply(HandoverProcess.ACKNOWLEDGE), "handover");
		long firstItem = jdbc.queryForObject("select min(i.id) from shift_handover_item i join shift_handover h "
				+ "on h.id = i.handover_id where h.process_instance_id = ?", Long.class, instance);
		completeAs("agent2", open.apply(HandoverProcess.ACKNOWLEDGE), HandoverProcess.DECISION.name(), HandoverProcess.ASK_BACK,
				HandoverProcess.ASK_ITEM.name(), String.valueOf(firstItem), HandoverProcess.QUESTION.name(), "师傅几点到？");
		showsTheStory(open.apply(HandoverProcess.ANSWER), "handover");
		completeAs("agent", open.apply(HandoverProcess.ANSWER), HandoverProcess.ANSWER_TEXT.name(), "十点前到");
		showsTheStory(open.apply(HandoverProcess.ACKNOWLEDGE), "handover");
		completeAs("agent2", open.apply(HandoverProcess.ACKNOWLEDGE), HandoverProcess.DECISION.name(), HandoverProcess.ACKNOWLEDGED,
				HandoverProcess.ALL_CHECKED.name(), true);
		allShown(HandoverProcess.KEY);
	}

	@Test
	void elderlyVisitFormsShowTheCareRecordTheVisitBeforeAndTheMissedVisits() throws Exception {
		String process = com.propdesk.elderly.ElderlyVisitProcess.KEY;
		jdbc.update("delete from elderly_visit");
		jdbc.update("delete from elderly_care");
		long resident = jdbc.queryForObject("select id from resident where unit_code = '3-701'", Long.class);
		var saved = new ApiClient(port).call("PUT", "/api/elderly-care/" + resident, """
				{"contacts": [{"name": "孙小军", "relation": "儿子", "phone": "13912340000"}], "healthNotes": "腿脚不便",
				 "healthConsent": true, "visitEvery": "P1W", "visitedBy": "service-desk"}""", "Authorization", ApiClient.basic("agent"),
				"Content-Type", "application/json");
		assertThat(saved.status()).as("%s", saved.body()).isEqualTo(201);
		String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(process).singleResult().getId();
		java.util.function.Function<String, Task> open = activity -> taskService.createTaskQuery().processInstanceId(instance)
				.taskDefinitionKey(activity).singleResult();
		Runnable opens = () -> {
			Job timer = managementService.createJobQuery().processInstanceId(instance).activityId("Timer_VisitOpens").singleResult();
			TestClock.set(OffsetDateTime.ofInstant(timer.getDuedate().toInstant(), java.time.ZoneId.systemDefault()).plusMinutes(1));
			managementService.executeJob(timer.getId());
		};
		Map<String, Object> allWell = Map.of("wellbeing", "good", "gasCheck", "ok", "waterCheck", "ok", "electricityCheck", "ok",
				"emergencyButtonCheck", "ok", "repairRequested", false, "inquiryRequested", false);

		opens.run();
		showsTheStory(open.apply("Task_Visit"), "3-701");
		Map<String, Object> errand = new HashMap<>(allWell);
		errand.putAll(Map.of("errandRequested", true, "errand", "代买降压药一盒"));
		completeAs("agent", open.apply("Task_Visit"), errand);
		showsTheStory(open.apply("Task_Errand"), "3-701");
		completeAs("agent", open.apply("Task_Errand"), "errandResult", "已买好送到");

		for (int missed = 0; missed < 2; missed++) {
			opens.run();
			showsTheStory(open.apply("Task_Visit"), "3-701");
			Job due = managementService.createJobQuery().processInstanceId(instance).activityId("Timer_VisitMissed").singleResult();
			TestClock.set(OffsetDateTime.ofInstant(due.getDuedate().toInstant(), java.time.ZoneId.systemDefault()).plusMinutes(1));
			managementService.executeJob(due.getId());
		}
		showsTheStory(open.apply("Task_PhoneContact"), "3-701");
		allShown(process);
	}

	@Test
	void theRepeatFaultFormListsTheRepairs() throws Exception {
		// a season of its own, and no flag of the flat left open by other tests
		TestClock.set(java.time.OffsetDateTime.parse("2035-03-05T10:00:00+08:00"));
		jdbc.update("update repeat_fault set status = 'closed', open_subject = null where status = 'open'");
		for (String description : List.of("卫生间漏水", "卫生间又漏水", "卫生间还在漏水")) {
			cases.open(Reports.repair("4", "4-1702", "plumbing", description));
		}

		Task plan = taskService.createTaskQuery().processDefinitionKey(com.propdesk.repeatfault.RepeatFaultProcess.KEY)
				.singleResult();
		showsTheStory(plan, "4-1702");

		allShown(com.propdesk.repeatfault.RepeatFaultProcess.KEY);
	}

	/** The acceptance as Tasklist submits it: the form's read-only fields come back (here altered) and are dropped. */
	private void acceptInTasklist(String caseNo) throws Exception {
		Task acceptance = task(caseNo, RepairProcess.ACCEPTANCE);
		showsTheStory(acceptance, caseNo);
		ApiClient api = new ApiClient(port);
		String agent = ApiClient.basic("agent");
		ObjectNode loaded = (ObjectNode) api.call("GET", "/engine-rest/task/" + acceptance.getId() + "/form-variables?deserializeValues=false",
				null, "Authorization", agent).body();
		ObjectNode submitted = JSON.createObjectNode();
		storyFields(JSON.readTree(formService.getDeployedTaskForm(acceptance.getId()))).keySet()
				.forEach(key -> submitted.putObject(key).put("value", key.equals("cost") ? "0" : "改过的" + key));
		submitted.putObject("accepted").put("value", true);
		submitted.putObject("ownerConfirmation").put("value", "业主确认已修好");
		var answer = api.call("POST", "/engine-rest/task/" + acceptance.getId() + "/submit-form",
				JSON.createObjectNode().set("variables", submitted).toString(), "Authorization", agent);
		assertThat(answer.status()).as("submit-form: %s", answer.body()).isEqualTo(204);

		String instanceId = instance(RepairProcess.KEY, caseNo).getId();
		for (String key : List.of("workDone", "materials", "cost", "diagnosis", "category")) {
			assertThat(runtimeService.getVariable(instanceId, key)).as("%s stays what the earlier step wrote", key)
					.hasToString(loaded.path(key).path("value").asText());
		}
	}

	// --- set-up ----------------------------------------------------------------------------------------------

	private String startAs(String user, String processKey, Map<String, Object> startForm) {
		identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
				.map(org.camunda.bpm.engine.identity.Group::getId).toList());
		try {
			String id = runtimeService.startProcessInstanceByKey(processKey, startForm).getId();
			return (String) runtimeService.getVariable(id, "caseNo");
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private String emergency(String building, String type, String description) {
		return cases.open(new CaseRequest("emergency", "phone", "ph-" + UUID.randomUUID(),
				new CaseRequest.Reporter("值班电话", "13700000000"), building, null, type, description, null)).record().caseNo();
	}

	private String inquiry(String category, String question) {
		return cases.open(new CaseRequest("inquiry", "app", "app-" + UUID.randomUUID(),
				new CaseRequest.Reporter("周女士", "13700000000"), "2", "2-602", category, question, null)).record().caseNo();
	}

	// --- reading a form ----------------------------------------------------------------------------------------

	private static String key(String storyField) {
		return storyField.endsWith("?") ? storyField.substring(0, storyField.length() - 1) : storyField;
	}

	/** The form's read-only fields outside the case header, by key. */
	static Map<String, JsonNode> storyFields(JsonNode form) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		collect(form.path("components"), fields);
		return fields;
	}

	private static void collect(JsonNode components, Map<String, JsonNode> fields) {
		for (JsonNode component : components) {
			if (component.path("id").asText().equals("Group_CaseHeader")) {
				continue;
			}
			if (component.path("readonly").asBoolean(false) && component.has("key")) {
				fields.put(component.path("key").asText(), component);
			}
			collect(component.path("components"), fields);
		}
	}

}
