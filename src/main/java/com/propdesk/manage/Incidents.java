package com.propdesk.manage;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import com.propdesk.audit.AuditTrail;
import com.propdesk.notify.CallbackDeliveries;
import com.propdesk.notify.Notifications;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;
import com.propdesk.system.Clock;
import com.propdesk.system.Privileged;
import com.propdesk.system.ProblemException;

/**
 * The open incidents of PropDesk's processes, said in Chinese, and what a manager does about them: a failed job
 * (a delivery whose retries ran out) is retried; any other incident is resolved once its cause is dealt with.
 */
@Component
class Incidents {

	static final String FAILED_JOB = Incident.FAILED_JOB_HANDLER_TYPE;

	@Schema(description = "一个未解决的故障（Camunda incident）")
	record Open(@Schema(description = "故障编号") String id, @Schema(description = "流程键") String process,
			@Schema(description = "流程名称") String processName, @Schema(description = "事项编号（流程的业务键）") String caseNo,
			@Schema(description = "出错的步骤编号") String activityId, @Schema(description = "出错的步骤名称") String activityName,
			@Schema(description = "故障类型：failedJob 作业失败等") String type, @Schema(description = "故障类型的中文名称") String typeLabel,
			@Schema(description = "错误（中文）") String error, @Schema(description = "引擎记录的原始错误") String originalError,
			@Schema(description = "发生时间") OffsetDateTime since,
			@Schema(description = "剩余重试次数（作业失败时）") Integer retriesLeft,
			@Schema(description = "处理方式：retry 重试作业、resolve 标记为已解决") String action) {
	}

	private final ProcessEngineConfigurationImpl engine;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final RepositoryService repositoryService;

	private final AuditTrail trail;

	private final Notifications notifications;

	private final CallbackDeliveries callbacks;

	Incidents(ProcessEngineConfigurationImpl engine, RuntimeService runtimeService, ManagementService managementService,
			RepositoryService repositoryService, AuditTrail trail, Notifications notifications, CallbackDeliveries callbacks) {
		this.notifications = notifications;
		this.callbacks = callbacks;
		this.engine = engine;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.repositoryService = repositoryService;
		this.trail = trail;
	}

	List<Open> open() {
		return Privileged.run(engine, () -> {
			Map<String, BpmnModelInstance> models = new HashMap<>();
			return runtimeService.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, Versions.MAX).stream()
					.map(incident -> describe(incident, models)).toList();
		});
	}

	private Open describe(Incident incident, Map<String, BpmnModelInstance> models) {
		var definition = repositoryService.getProcessDefinition(incident.getProcessDefinitionId());
		BpmnModelInstance model = models.computeIfAbsent(definition.getId(), repositoryService::getBpmnModelInstance);
		ModelElementInstance activity = incident.getActivityId() == null ? null : model.getModelElementById(incident.getActivityId());
		String activityName = activity == null ? incident.getActivityId() : activity.getAttributeValue("name");
		Integer retries = null;
		String caseNo = businessKey(incident);
		if (FAILED_JOB.equals(incident.getIncidentType())) {
			Job job = managementService.createJobQuery().jobId(incident.getConfiguration()).singleResult();
			retries = job == null ? null : job.getRetries();
			// an SLA clock's due job waits outside any instance: its case and clock are the job's own
			var clock = SlaService.clockOfDueJob(job);
			if (clock.isPresent()) {
				caseNo = clock.get().getKey();
				activityName = "时限到期：" + SlaNames.label(clock.get().getValue());
			}
			// so does a notification's delivery: its case and recipient are the notification's
			var unsent = notifications.ofDeliveryJob(job);
			if (unsent.isPresent()) {
				caseNo = unsent.get().caseNo();
				activityName = unsent.get().what();
			}
			// and an owner-visible event's callback: its case is the event's
			var callbackCase = callbacks.caseOf(job);
			if (callbackCase.isPresent()) {
				caseNo = callbackCase.get();
				activityName = CallbackDeliveries.STEP;
			}
		}
		return new Open(incident.getId(), definition.getKey(), definition.getName(), caseNo,
				incident.getActivityId(), activityName, incident.getIncidentType(), typeLabel(incident.getIncidentType()),
				inChinese(incident.getIncidentMessage()), incident.getIncidentMessage(), Clock.local(incident.getIncidentTimestamp()),
				retries, FAILED_JOB.equals(incident.getIncidentType()) ? "retry" : "resolve");
	}

	/**
	 * Gives the failed job one more attempt, as the manager: the engine checks their right to retry jobs and its
	 * operation log names them. The job runs when the job executor next picks it up.
	 */
	@Transactional
	void retry(String incidentId, String userId) {
		Incident incident = find(incidentId);
		if (!FAILED_JOB.equals(incident.getIncidentType())) {
			throw ProblemException.conflict("此故障不是失败的作业，不能重试；处理其原因后请标记为已解决");
		}
		managementService.setJobRetries(incident.getConfiguration(), 1);
		trail.append(Clock.now(), caseNo(incident), Deploying.TRAIL_KIND, userId,
				"重试失败的作业 " + incident.getConfiguration() + "（故障 " + incidentId + "，" + incident.getActivityId() + "）："
						+ inChinese(incident.getIncidentMessage()));
	}

	/**
	 * Marks an incident resolved. The engine resolves a failed job only by a successful attempt, so such an incident
	 * must be retried, or the case handled; management needs no right to change running cases for the rest.
	 */
	@Transactional
	void resolve(String incidentId, String note, String userId) {
		Incident incident = find(incidentId);
		if (FAILED_JOB.equals(incident.getIncidentType())) {
			throw ProblemException.conflict("失败的作业不能直接标记为已解决：请排除原因后重试，或处理该事项");
		}
		Privileged.run(engine, () -> {
			runtimeService.resolveIncident(incidentId);
			return null;
		});
		trail.append(Clock.now(), caseNo(incident), Deploying.TRAIL_KIND, userId,
				"标记故障 " + incidentId + " 已解决（" + incident.getIncidentType() + "，" + incident.getActivityId() + "）；说明：" + note);
	}

	private Incident find(String incidentId) {
		Incident incident = Privileged.run(engine, () -> runtimeService.createIncidentQuery().incidentId(incidentId).singleResult());
		if (incident == null) {
			throw ProblemException.notFound("没有这个未解决的故障：" + incidentId);
		}
		return incident;
	}

	private String caseNo(Incident incident) {
		String businessKey = Privileged.run(engine, () -> {
			String key = businessKey(incident);
			if (key == null && FAILED_JOB.equals(incident.getIncidentType())) {
				Job job = managementService.createJobQuery().jobId(incident.getConfiguration()).singleResult();
				key = SlaService.clockOfDueJob(job).map(Map.Entry::getKey)
						.or(() -> notifications.ofDeliveryJob(job).map(Notifications.Unsent::caseNo))
						.or(() -> callbacks.caseOf(job)).orElse(null);
			}
			return key;
		});
		return businessKey == null ? Deploying.NO_CASE : businessKey;
	}

	/** The case of the incident's process instance; none for a job no instance holds (an SLA clock's due job). */
	private String businessKey(Incident incident) {
		if (incident.getProcessInstanceId() == null) {
			return null;
		}
		var instance = runtimeService.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId())
				.singleResult();
		return instance == null ? null : instance.getBusinessKey();
	}

	static String typeLabel(String type) {
		return switch (type) {
			case FAILED_JOB -> "作业失败";
			case Incident.EXTERNAL_TASK_HANDLER_TYPE -> "外部任务失败";
			default -> "其他故障";
		};
	}

	private static final Pattern CALLBACK = Pattern.compile("Callback (\\S+) for event (\\S+) (answered (\\d+)|failed: (.*))",
			Pattern.DOTALL);

	/** The failures PropDesk's processes meet, in the words a manager reads; the engine's text stays beside it. */
	static String inChinese(String message) {
		if (message == null || message.isBlank()) {
			return "步骤执行失败（引擎未记录原因）";
		}
		Matcher callback = CALLBACK.matcher(message);
		if (callback.find()) {
			String what = "向渠道系统回调业主事件失败（地址 " + callback.group(1) + "，事件 " + callback.group(2) + "）：";
			if (callback.group(4) != null) {
				return what + "对方答复 HTTP " + callback.group(4);
			}
			return what + cause(callback.group(5));
		}
		if (message.startsWith("Notification gateway answered ")) {
			return "短信/通知网关拒绝发送：答复 HTTP " + message.substring("Notification gateway answered ".length()).split(" ")[0];
		}
		if (message.startsWith("Notification gateway failed moments ago")) {
			return "短信/通知网关刚才发送失败，本次未再尝试";
		}
		if (message.startsWith("Notification gateway unreachable")) {
			return "无法连接短信/通知网关：" + cause(message);
		}
		if (message.contains("Unknown property used in expression") || message.contains("Cannot resolve identifier")) {
			return "流程图中的表达式引用了不存在的变量或组件";
		}
		if (message.startsWith("DMN-") || message.contains("decision")) {
			return "决策表求值失败";
		}
		return "步骤执行失败：" + cause(message);
	}

	private static String cause(String text) {
		if (text.contains("HttpTimeoutException") || text.contains("timed out")) {
			return "超时未答复";
		}
		if (text.contains("ConnectException") || text.contains("Connection refused")) {
			return "无法连接（对方未在运行或地址不对）";
		}
		if (text.contains("UnknownHostException")) {
			return "找不到主机（地址不对）";
		}
		return "原因见原始错误";
	}

}
