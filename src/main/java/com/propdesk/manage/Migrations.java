package com.propdesk.manage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.swagger.v3.oas.annotations.media.Schema;

import com.propdesk.audit.AuditTrail;
import com.propdesk.system.Clock;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.Privileged;
import com.propdesk.system.ProblemException;

/**
 * Moving running cases to another version of their process with the engine's migration API: the plan the engine
 * generates for equal activity ids, which case can move and why not (asked of the engine itself, in a transaction
 * that is rolled back), and the move as a Camunda batch, each case of it in the audit trail.
 * <p>
 * A timer the case is already waiting on keeps its due date: the engine recomputes a timer only when told to update
 * its trigger, and recomputing from the moment of the move would restart the wait. Message, signal and conditional
 * events are updated, so a renamed message still reaches the case.
 */
@Service
class Migrations {

	/** The audit trail's kind for a case's move. */
	static final String KIND = "migration";

	/** The most cases one plan reports and one batch moves: each is tried by the engine, one transaction apiece. */
	static final int MAX_CASES = 500;

	/** What the plan, the dry run and the move are asked about. */
	@Schema(description = "迁移请求")
	record Request(@Schema(description = "流程键", example = "repair", requiredMode = Schema.RequiredMode.REQUIRED) String processKey,
			@Schema(description = "事项现在所在的版本号", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) Integer fromVersion,
			@Schema(description = "迁移到的版本号", example = "2", requiredMode = Schema.RequiredMode.REQUIRED) Integer toVersion,
			@Schema(description = "只看或只迁移这些事项（事项编号）；不填为该版本全部进行中的事项") List<String> caseNos,
			@Schema(description = "迁移说明（执行迁移时必填），记入审计链") String note) {
	}

	@Schema(description = "流程的一个版本")
	record VersionRef(@Schema(description = "版本号") int version, @Schema(description = "流程定义编号") String definitionId) {
	}

	@Schema(description = "流程中的一个步骤")
	record Activity(@Schema(description = "步骤编号") String id, @Schema(description = "中文名称") String name,
			@Schema(description = "类型（BPMN）") String type, @Schema(description = "类型（中文）") String typeLabel) {
	}

	@Schema(description = "迁移计划的一条：旧版本的步骤对应新版本的哪个步骤")
	record Instruction(Activity source, Activity target,
			@Schema(description = "是否按新版本更新事件触发（消息、信号、条件）；定时器不更新，保持原到期时间") boolean updateEventTrigger) {
	}

	@Schema(description = "对应到新版本的定时器：已在等待的事项保持原到期时间")
	record TimerMapping(Activity source, Activity target, @Schema(description = "旧版本的定时设置") String before,
			@Schema(description = "新版本的定时设置") String after, @Schema(description = "说明") String note) {
	}

	@Schema(description = "不能迁移的一条原因")
	record Reason(@Schema(description = "原因（中文）") String text, @Schema(description = "引擎的原文") String original) {
	}

	@Schema(description = "事项正在等待的定时器")
	record CaseTimer(Activity activity, @Schema(description = "到期时间（迁移后不变）") OffsetDateTime dueAt,
			@Schema(description = "说明") String note) {
	}

	@Schema(description = "一个进行中的事项能否迁移")
	record CaseReport(@Schema(description = "事项编号") String caseNo, @Schema(description = "流程实例编号") String processInstanceId,
			@Schema(description = "当前所在的步骤") List<Activity> activities, @Schema(description = "能否迁移") boolean movable,
			@Schema(description = "不能迁移的原因") List<Reason> reasons, @Schema(description = "迁移后保持原到期时间的定时器") List<CaseTimer> timers) {
	}

	@Schema(description = "迁移计划及各事项能否迁移（不做任何更改）")
	record Plan(@Schema(description = "流程键") String processKey, VersionRef from, VersionRef to,
			@Schema(description = "引擎按相同步骤编号生成的对应关系") List<Instruction> instructions,
			@Schema(description = "旧版本中可能有事项停留、但在新版本中没有对应的步骤") List<Activity> unmapped,
			@Schema(description = "对应到新版本的定时器") List<TimerMapping> timers,
			@Schema(description = "该版本进行中的事项总数；多于 " + MAX_CASES + " 个时 cases 只列出前 " + MAX_CASES + " 个") long running,
			@Schema(description = "该版本进行中的事项（或所问的事项）") List<CaseReport> cases,
			@Schema(description = "能迁移的事项数") int movable, @Schema(description = "不能迁移的事项数") int blocked) {
	}

	@Schema(description = "已提交的迁移批次")
	record Submitted(@Schema(description = "批次编号") String batchId, @Schema(description = "迁移的事项编号") List<String> caseNos,
			@Schema(description = "不能迁移、未包含在批次中的事项及原因") List<CaseReport> excluded) {
	}

	@Schema(description = "批次中的一个事项")
	record BatchCase(@Schema(description = "事项编号") String caseNo, @Schema(description = "状态：moved 已迁移、waiting 等待迁移、ended 已结束")
	String state, @Schema(description = "状态（中文）") String stateLabel) {
	}

	@Schema(description = "失败的迁移作业")
	record FailedJob(@Schema(description = "作业编号") String jobId, @Schema(description = "错误（中文）") String error,
			@Schema(description = "引擎的原文") String original) {
	}

	@Schema(description = "迁移批次的进度")
	record Progress(@Schema(description = "批次编号") String batchId, @Schema(description = "流程键") String processKey,
			@Schema(description = "旧版本号") int fromVersion, @Schema(description = "新版本号") int toVersion,
			@Schema(description = "提交人") String createdBy, @Schema(description = "说明") String note,
			@Schema(description = "作业总数") int total, @Schema(description = "已完成作业数") int done,
			@Schema(description = "失败作业数") int failed, @Schema(description = "批次是否已结束") boolean finished,
			List<BatchCase> cases, List<FailedJob> failedJobs) {
	}

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ManagementService management;

	private final HistoryService history;

	private final ProcessEngineConfigurationImpl engine;

	private final TransactionTemplate rolledBack;

	private final TransactionTemplate together;

	private final AuditTrail trail;

	private final JdbcTemplate jdbc;

	Migrations(RuntimeService runtime, RepositoryService repository, ManagementService management, HistoryService history,
			ProcessEngineConfigurationImpl engine, PlatformTransactionManager transactions, AuditTrail trail, JdbcTemplate jdbc) {
		this.runtime = runtime;
		this.repository = repository;
		this.management = management;
		this.history = history;
		this.engine = engine;
		this.rolledBack = new TransactionTemplate(transactions);
		this.rolledBack.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.together = new TransactionTemplate(transactions);
		this.trail = trail;
		this.jdbc = jdbc;
	}

	/** The two versions, the engine's plan and each case's answer; changes nothing. */
	Plan plan(Request request) {
		VersionPair versions = versions(request);
		MigrationPlan plan = enginePlan(versions);
		BpmnModelInstance source = repository.getBpmnModelInstance(versions.source().getId());
		BpmnModelInstance target = repository.getBpmnModelInstance(versions.target().getId());
		List<Instruction> instructions = plan.getInstructions().stream()
				.map(i -> new Instruction(activity(source, i.getSourceActivityId()), activity(target, i.getTargetActivityId()),
						i.isUpdateEventTrigger()))
				.toList();
		Map<String, MigrationInstruction> bySource = plan.getInstructions().stream()
				.collect(Collectors.toMap(MigrationInstruction::getSourceActivityId, Function.identity(), (a, b) -> a));
		List<Activity> unmapped = source.getModelElementsByType(FlowNode.class).stream()
				.filter(node -> waitState(node) && !bySource.containsKey(node.getId())).map(node -> activity(source, node.getId()))
				.toList();
		List<TimerMapping> timers = plan.getInstructions().stream()
				.filter(i -> !i.isUpdateEventTrigger() && timer(source, i.getSourceActivityId()) != null)
				.map(i -> new TimerMapping(activity(source, i.getSourceActivityId()), activity(target, i.getTargetActivityId()),
						timer(source, i.getSourceActivityId()), timer(target, i.getTargetActivityId()),
						timer(source, i.getSourceActivityId()).equals(timer(target, i.getTargetActivityId())) ? "已在等待的事项保持原到期时间"
								: "已在等待的事项保持原到期时间；新的定时设置只对迁移后才到达此处的事项生效"))
				.toList();

		List<CaseReport> cases = instances(versions, request.caseNos()).stream()
				.map(instance -> report(instance, plan, source, target, bySource)).toList();
		int movable = (int) cases.stream().filter(CaseReport::movable).count();
		long running = runtime.createProcessInstanceQuery().processDefinitionId(versions.source().getId()).count();
		return new Plan(versions.key(), new VersionRef(versions.source().getVersion(), versions.source().getId()),
				new VersionRef(versions.target().getVersion(), versions.target().getId()), instructions, unmapped, timers,
				running, cases, movable, cases.size() - movable);
	}

	/**
	 * Submits the movable cases among those asked for as one batch, in the caller's name (the engine checks their
	 * rights and logs the operation under them), and writes each case's move to the audit trail.
	 */
	Submitted execute(Request request, String actor) {
		if (request.note() == null || request.note().isBlank()) {
			throw new InvalidRequestException("note", "必填：说明为什么迁移，记入审计链");
		}
		if (request.note().length() > 1000) {
			throw new InvalidRequestException("note", "最多 1000 个字符");
		}
		Plan plan = plan(request);
		List<CaseReport> movable = plan.cases().stream().filter(CaseReport::movable).toList();
		List<CaseReport> excluded = plan.cases().stream().filter(c -> !c.movable()).toList();
		if (movable.isEmpty()) {
			throw ProblemException.conflict("没有可以迁移的事项：" + (plan.cases().isEmpty() ? "第 " + plan.from().version() + " 版没有进行中的事项"
					: plan.cases().size() + " 个事项都不能迁移，原因见迁移计划"));
		}
		MigrationPlan enginePlan = enginePlan(versions(request));
		String note = request.note().strip();
		// the batch and its cases' records commit together: the batch's jobs find the records when they run
		Batch batch = together.execute(status -> {
			Batch submitted = runtime.newMigration(enginePlan).processInstanceIds(movable.stream().map(CaseReport::processInstanceId)
					.toList()).skipCustomListeners().skipIoMappings().executeAsync();
			OffsetDateTime now = Clock.now();
			for (CaseReport moving : movable) {
				jdbc.update("insert into migration_case (batch_id, case_no, process_instance_id, process_key, from_version, to_version, "
						+ "target_definition_id, note, actor, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", submitted.getId(),
						moving.caseNo(), moving.processInstanceId(), plan.processKey(), plan.from().version(), plan.to().version(),
						plan.to().definitionId(), note, actor, now);
				trail.append(now, moving.caseNo(), KIND, actor, "提交迁移：" + plan.processKey() + " 第 " + plan.from().version()
						+ " 版 → 第 " + plan.to().version() + " 版（批次 " + submitted.getId() + "）；说明：" + note);
			}
			return submitted;
		});
		return new Submitted(batch.getId(), movable.stream().map(CaseReport::caseNo).toList(), excluded);
	}

	/** A migration batch's progress from the engine's batch statistics, or its history once it has ended. */
	Optional<Progress> progress(String batchId) {
		List<Map<String, Object>> rows = jdbc.queryForList("select case_no, process_instance_id, process_key, from_version, "
				+ "to_version, target_definition_id, note, actor from migration_case where batch_id = ? order by case_no", batchId);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> first = rows.get(0);
		// the batch is read on PropDesk's own account: whoever may read the move may read its progress
		BatchStatistics running = Privileged.run(engine, () -> management.createBatchStatisticsQuery().batchId(batchId).singleResult());
		HistoricBatch recorded = Privileged.run(engine, () -> history.createHistoricBatchQuery().batchId(batchId).singleResult());
		// done once every job has run: the engine's monitor job ends the batch only at its next poll (30 s later);
		// a failed job keeps it open until someone retries it
		boolean finished = running == null ? recorded != null && recorded.getEndTime() != null : running.getRemainingJobs() == 0;
		int total = running != null ? running.getTotalJobs() : recorded != null ? recorded.getTotalJobs() : rows.size();
		int done = running != null ? running.getCompletedJobs() : finished ? total : 0;
		int failed = running != null ? running.getFailedJobs() : 0;
		List<FailedJob> failedJobs = new ArrayList<>();
		if (running != null) {
			Privileged.run(engine, () -> management.createJobQuery().jobDefinitionId(running.getBatchJobDefinitionId()).withException()
					.listPage(0, MAX_CASES)).forEach(job -> failedJobs.add(new FailedJob(job.getId(),
							MigrationReasons.chinese(job.getExceptionMessage()), job.getExceptionMessage())));
		}
		List<BatchCase> cases = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId((String) row.get("process_instance_id"))
					.singleResult();
			String state = instance == null ? "ended"
					: instance.getProcessDefinitionId().equals(row.get("target_definition_id")) ? "moved" : "waiting";
			cases.add(new BatchCase((String) row.get("case_no"), state,
					switch (state) {
						case "moved" -> "已迁移";
						case "ended" -> "已结束";
						default -> "等待迁移";
					}));
		}
		return Optional.of(new Progress(batchId, (String) first.get("process_key"), ((Number) first.get("from_version")).intValue(),
				((Number) first.get("to_version")).intValue(), (String) first.get("actor"), (String) first.get("note"), total, done,
				failed, finished, cases, failedJobs));
	}

	// ---- the plan ----

	private record VersionPair(String key, ProcessDefinition source, ProcessDefinition target) {
	}

	private VersionPair versions(Request request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.processKey() == null || request.processKey().isBlank()) {
			problems.add(new FieldProblem("processKey", "必填：流程键，如 repair"));
		}
		if (request.fromVersion() == null || request.fromVersion() < 1) {
			problems.add(new FieldProblem("fromVersion", "必填：事项现在所在的版本号（从 1 开始）"));
		}
		if (request.toVersion() == null || request.toVersion() < 1) {
			problems.add(new FieldProblem("toVersion", "必填：迁移到的版本号（从 1 开始）"));
		}
		if (problems.isEmpty() && request.fromVersion().equals(request.toVersion())) {
			problems.add(new FieldProblem("toVersion", "与 fromVersion 相同：请选另一个版本"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		String key = request.processKey().strip();
		ProcessDefinition source = ComparisonController.processVersion(repository, key, request.fromVersion()).orElse(null);
		ProcessDefinition target = ComparisonController.processVersion(repository, key, request.toVersion()).orElse(null);
		if (source == null) {
			problems.add(new FieldProblem("fromVersion", "流程 " + key + " 没有第 " + request.fromVersion() + " 版"));
		}
		if (target == null) {
			problems.add(new FieldProblem("toVersion", "流程 " + key + " 没有第 " + request.toVersion() + " 版"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new VersionPair(key, source, target);
	}

	/**
	 * The engine maps the activities with equal ids; then each instruction is given again, updating the trigger of
	 * message, signal and conditional events and leaving timers as they are.
	 */
	private MigrationPlan enginePlan(VersionPair versions) {
		try {
			MigrationPlan generated = runtime.createMigrationPlan(versions.source().getId(), versions.target().getId())
					.mapEqualActivities().build();
			BpmnModelInstance target = repository.getBpmnModelInstance(versions.target().getId());
			MigrationPlanBuilder builder = runtime.createMigrationPlan(versions.source().getId(), versions.target().getId());
			for (MigrationInstruction instruction : generated.getInstructions()) {
				var mapped = builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
				builder = updatesTrigger(target.getModelElementById(instruction.getTargetActivityId())) ? mapped.updateEventTrigger()
						: mapped;
			}
			return builder.build();
		}
		catch (MigrationPlanValidationException e) {
			throw new InvalidRequestException("toVersion", "引擎不能生成迁移计划：" + e.getValidationReport().getInstructionReports()
					.stream().flatMap(r -> r.getFailures().stream()).map(MigrationReasons::chinese).distinct()
					.collect(Collectors.joining("；")));
		}
		catch (AuthorizationException e) {
			throw new InvalidRequestException("processKey", e.getMessage());
		}
	}

	private static boolean updatesTrigger(ModelElementInstance element) {
		return element instanceof CatchEvent event && event.getEventDefinitions().stream()
				.anyMatch(d -> d instanceof MessageEventDefinition || d instanceof SignalEventDefinition
						|| d instanceof ConditionalEventDefinition);
	}

	/** Where a case can stay: the activities that are wait states (or asynchronous) in the engine; not a process's start. */
	private static boolean waitState(FlowNode node) {
		if (node instanceof StartEvent && !(node.getParentElement() instanceof SubProcess)) {
			return false;
		}
		return node instanceof UserTask || node instanceof ReceiveTask || node instanceof CatchEvent || node instanceof EventBasedGateway
				|| node instanceof CallActivity || node instanceof SubProcess || node instanceof BoundaryEvent
				|| "true".equals(node.getAttributeValueNs(VersionComparison.CAMUNDA, "asyncBefore"))
				|| "true".equals(node.getAttributeValueNs(VersionComparison.CAMUNDA, "asyncAfter"))
				|| "external".equals(node.getAttributeValueNs(VersionComparison.CAMUNDA, "type"));
	}

	/** The timer's setting on an activity (a timer event, or null). */
	private static String timer(BpmnModelInstance model, String activityId) {
		if (!(model.getModelElementById(activityId) instanceof CatchEvent event)) {
			return null;
		}
		return event.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
				.map(t -> t.getTimeDate() != null ? "时间点 " + t.getTimeDate().getTextContent()
						: t.getTimeDuration() != null ? "时长 " + t.getTimeDuration().getTextContent()
								: t.getTimeCycle() != null ? "周期 " + t.getTimeCycle().getTextContent() : "（未设置）")
				.findFirst().orElse(null);
	}

	static Activity activity(BpmnModelInstance model, String id) {
		ModelElementInstance element = model.getModelElementById(id);
		String type = element == null ? "" : element.getElementType().getTypeName();
		String name = element instanceof FlowNode node && node.getName() != null ? node.getName() : id;
		return new Activity(id, name, type, VersionComparison.typeLabel(type));
	}

	// ---- the cases ----

	/** The running cases of the source version: all of them (up to {@value #MAX_CASES}), or those asked for. */
	private List<ProcessInstance> instances(VersionPair versions, List<String> caseNos) {
		if (caseNos == null) {
			return runtime.createProcessInstanceQuery().processDefinitionId(versions.source().getId()).orderByBusinessKey().asc()
					.listPage(0, MAX_CASES);
		}
		if (caseNos.isEmpty()) {
			throw new InvalidRequestException("caseNos", "为空：不填则为全部进行中的事项");
		}
		if (caseNos.size() > MAX_CASES) {
			throw new InvalidRequestException("caseNos", "一次最多 " + MAX_CASES + " 个事项");
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<ProcessInstance> asked = new ArrayList<>();
		for (int i = 0; i < caseNos.size(); i++) {
			ProcessInstance instance = caseNos.get(i) == null ? null : runtime.createProcessInstanceQuery()
					.processDefinitionId(versions.source().getId()).processInstanceBusinessKey(caseNos.get(i)).singleResult();
			if (instance == null) {
				problems.add(new FieldProblem("caseNos[" + i + "]", "不是 " + versions.key() + " 第 " + versions.source().getVersion()
						+ " 版的进行中事项"));
			}
			else if (!asked.contains(instance)) {
				asked.add(instance);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return asked;
	}

	private CaseReport report(ProcessInstance instance, MigrationPlan plan, BpmnModelInstance source, BpmnModelInstance target,
			Map<String, MigrationInstruction> bySource) {
		List<Activity> activities = runtime.getActiveActivityIds(instance.getId()).stream().distinct()
				.map(id -> activity(source, id)).toList();
		List<Reason> reasons = tryMove(instance, plan, source);
		List<CaseTimer> timers = new ArrayList<>();
		for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().listPage(0, 100)) {
			String activityId = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
					.getActivityId();
			MigrationInstruction instruction = bySource.get(activityId);
			if (instruction != null && !instruction.isUpdateEventTrigger()) {
				String after = timer(target, instruction.getTargetActivityId());
				String before = timer(source, activityId);
				timers.add(new CaseTimer(activity(source, activityId), Clock.local(job.getDuedate()),
						after == null || after.equals(before) ? "保持原到期时间" : "保持原到期时间（新版本为" + after + "，只对之后到达的事项生效）"));
			}
		}
		return new CaseReport(instance.getBusinessKey(), instance.getId(), activities, reasons.isEmpty(), reasons, timers);
	}

	/**
	 * Asks the engine itself whether the case can move: the migration runs in a transaction of its own that is
	 * always rolled back, with the engine's rights checks off so an auditor may ask too. Nothing changes.
	 */
	private List<Reason> tryMove(ProcessInstance instance, MigrationPlan plan, BpmnModelInstance source) {
		List<Reason> reasons = new ArrayList<>();
		rolledBack.executeWithoutResult(status -> {
			try {
				Privileged.run(engine, () -> {
					runtime.newMigration(plan).processInstanceIds(instance.getId()).skipCustomListeners().skipIoMappings().execute();
					return null;
				});
			}
			catch (MigratingProcessInstanceValidationException e) {
				reasons.addAll(reasons(e.getValidationReport(), source));
			}
			catch (ProcessEngineException e) {
				reasons.add(new Reason(MigrationReasons.chinese(e.getMessage()), e.getMessage()));
			}
			status.setRollbackOnly();
		});
		return reasons;
	}

	private static List<Reason> reasons(MigratingProcessInstanceValidationReport report, BpmnModelInstance source) {
		List<Reason> reasons = new ArrayList<>();
		report.getFailures().forEach(f -> reasons.add(new Reason(MigrationReasons.chinese(f), f)));
		report.getActivityInstanceReports().forEach(activity -> activity.getFailures().forEach(f -> reasons.add(new Reason(
				"步骤「" + activity(source, activity.getSourceScopeId()).name() + "」：" + MigrationReasons.chinese(f), f))));
		report.getTransitionInstanceReports().forEach(transition -> transition.getFailures().forEach(f -> reasons.add(new Reason(
				"步骤「" + activity(source, transition.getSourceScopeId()).name() + "」：" + MigrationReasons.chinese(f), f))));
		return reasons;
	}

}
