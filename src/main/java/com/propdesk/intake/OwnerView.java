package com.propdesk.intake;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

import com.propdesk.system.Clock;
import com.propdesk.system.Privileged;
import com.propdesk.system.Var;

/**
 * What the owner's page shows besides the case itself — the technician and his arrival, whether the owner may rate
 * or urge now, the hotline — in {@code GET /api/cases/{caseNo}} too, so that the owners' app can build the same page.
 */
@Schema(description = "业主页面所需的信息（业主 App 可据此做出与跟踪页相同的页面）")
public record OwnerView(
		@Schema(description = "上门师傅（姓 + 师傅），派工后才有", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "王师傅") String technician,
		@Schema(description = "师傅预计到达时间", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime eta,
		@Schema(description = "是否等待业主评价（可调用评价接口）", requiredMode = Schema.RequiredMode.REQUIRED) boolean awaitingFeedback,
		@Schema(description = "业主现在能否催办", requiredMode = Schema.RequiredMode.REQUIRED) boolean mayUrge,
		@Schema(description = "业主上次催办后，下次可催办的时间；从未催办或事项已办结、已转紧急时为空", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime nextUrgeAt,
		@Schema(description = "服务热线；未配置时为空", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "0571-8888 6600") String hotline) {

	@Component
	static class Reader {

		/** When the technician, accepting the job, expects to be on site. */
		private static final Var<OffsetDateTime> ETA = Var.time("eta");

		/** The dispatch step's timeline code (dispatch writes it; intake may not depend on dispatch). */
		private static final String DISPATCHED = "dispatched";

		private final CaseService cases;

		private final ProcessEngineConfigurationImpl engine;

		private final String hotline;

		Reader(CaseService cases, ProcessEngineConfigurationImpl engine, @Value("${propdesk.hotline:}") String hotline) {
			this.cases = cases;
			this.engine = engine;
			this.hotline = hotline;
		}

		OwnerView of(CaseRecord found) {
			// the same answer whoever asks: the owner has no engine user, the desk may not open the technician's task
			Visit visit = Privileged.run(engine, () -> {
				// the timeline's kinds, read once: whether the job was dispatched, and the technician arrived since
				List<String> kinds = cases.timeline(found.caseNo()).stream().map(CaseEvent::kind).toList();
				Task task = dispatchedTask(found, kinds);
				if (task == null) {
					return new Visit(null, null);
				}
				User user = engine.getIdentityService().createUserQuery().userId(task.getAssignee()).singleResult();
				return new Visit(user == null ? task.getAssignee() : user.getFirstName() + "师傅", eta(found, kinds));
			});
			boolean open = found.status() != CaseStatus.CLOSED && found.status() != CaseStatus.PROMOTED;
			OffsetDateTime next = cases.nextOwnerUrge(found.caseNo()).orElse(null);
			// a closed case is urged no more: no time to wait for
			return new OwnerView(visit.technician(), visit.eta(), cases.awaitsFeedback(found),
					open && (next == null || !Clock.now().isBefore(next)), open ? next : null, hotline.isBlank() ? null : hotline);
		}

		/** Who comes and when, once the job is dispatched. */
		private record Visit(String technician, OffsetDateTime eta) {
		}

		/** Once the job is dispatched and in progress: the task the technician holds. */
		private Task dispatchedTask(CaseRecord found, List<String> kinds) {
			if (found.processInstanceId() == null || found.status() != CaseStatus.IN_PROGRESS || !kinds.contains(DISPATCHED)) {
				return null;
			}
			Task task = engine.getTaskService().createTaskQuery().processInstanceId(found.processInstanceId()).orderByTaskCreateTime()
					.desc().listPage(0, 1).stream().findFirst().orElse(null);
			return task == null || task.getAssignee() == null ? null : task;
		}

		/** When the technician will arrive, until they have: once on site (a diagnosis since the dispatch) it is past. */
		private OffsetDateTime eta(CaseRecord found, List<String> kinds) {
			if (kinds.lastIndexOf(CaseTimeline.DIAGNOSED.code()) > kinds.lastIndexOf(DISPATCHED)) {
				return null;
			}
			Object eta = engine.getRuntimeService().getVariable(found.processInstanceId(), ETA.name());
			try {
				return eta == null ? null : Clock.local(ETA.convert(eta));
			}
			catch (DateTimeException written) {
				// an arrival written as words by an older client: nothing to show as a time
				return null;
			}
		}

	}

}
