package com.propdesk.manage;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.propdesk.audit.AuditTrail;
import com.propdesk.system.Actor;
import com.propdesk.system.Clock;

/**
 * Each case the engine actually moves to another version is written to the audit trail when it moves, in the
 * migration's own transaction: a move submitted here names the manager who submitted it and their batch; a move
 * made another way (the engine's REST API) names whoever made it. A dry run's moves are rolled back with their
 * entries. The engine hears it as one more history event handler, added by this plugin: the Camunda starter takes a
 * single handler bean (the audit trail's operation log), so a second bean would stop the application from starting.
 */
@Component
class MigrationTrail extends AbstractProcessEnginePlugin {

	private final AuditTrail trail;

	private final JdbcTemplate jdbc;

	MigrationTrail(AuditTrail trail, JdbcTemplate jdbc) {
		this.trail = trail;
		this.jdbc = jdbc;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getCustomHistoryEventHandlers().add(new HistoryEventHandler() {

			@Override
			public void handleEvent(HistoryEvent event) {
				moved(event);
			}

			@Override
			public void handleEvents(List<HistoryEvent> events) {
				events.forEach(this::handleEvent);
			}

		});
	}

	private void moved(HistoryEvent event) {
		if (!(event instanceof HistoricProcessInstanceEventEntity instance)
				|| !HistoryEventTypes.PROCESS_INSTANCE_MIGRATE.getEventName().equals(instance.getEventType())) {
			return;
		}
		String caseNo = instance.getBusinessKey() == null ? "-" : instance.getBusinessKey();
		String target = instance.getProcessDefinitionKey() + " 第 " + instance.getProcessDefinitionVersion() + " 版";
		List<Map<String, Object>> submitted = jdbc.queryForList("select batch_id, process_key, from_version, actor from migration_case "
				+ "where process_instance_id = ? and target_definition_id = ? order by at desc", instance.getProcessInstanceId(),
				instance.getProcessDefinitionId());
		if (submitted.isEmpty()) {
			String user = Context.getCommandContext().getAuthenticatedUserId();
			trail.append(Clock.now(), caseNo, Migrations.KIND, user == null ? Actor.SYSTEM : user,
					"已迁移到 " + target + "（未经流程管理页面提交）");
			return;
		}
		Map<String, Object> move = submitted.get(0);
		trail.append(Clock.now(), caseNo, Migrations.KIND, (String) move.get("actor"), "已迁移：" + move.get("process_key") + " 第 "
				+ move.get("from_version") + " 版 → 第 " + instance.getProcessDefinitionVersion() + " 版（批次 " + move.get("batch_id") + "）");
	}

}
