package com.propdesk.repair;

import static com.propdesk.repair.RepairProcess.COST;
import static com.propdesk.repair.RepairProcess.DIAGNOSIS;
import static com.propdesk.repair.RepairProcess.MATERIALS;
import static com.propdesk.repair.RepairProcess.WORK_DONE;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.dispatch.DispatchTechnicianDelegate;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseTimeline;

/**
 * What the technician recorded on site goes into the timeline: the diagnosis always (it meets the
 * initial investigation), and the work done, or why the repair waits.
 */
@Component
public class RecordRepairWorkDelegate implements JavaDelegate {

	/** Why a repair may wait with its resolution clock paused. */
	public static final Map<String, String> PAUSE_REASONS = Map.of("partsOnOrder", "等待配件", "ownerUnreachable", "联系不上业主");

	private final CaseService cases;

	RecordRepairWorkDelegate(CaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = CaseService.caseNo(execution);
		String technician = DispatchTechnicianDelegate.TECHNICIAN.get(execution);
		String outcome = RepairProcess.REPAIR_OUTCOME.get(execution);
		String diagnosis = DIAGNOSIS.text(execution);
		if (diagnosis.isEmpty()) {
			throw new ProcessEngineException("必须填写现场诊断");
		}
		cases.record(caseNo, CaseTimeline.DIAGNOSED, "现场诊断（" + technician + "）：" + diagnosis);
		if (RepairProcess.OUTCOME_DONE.equals(outcome)) {
			StringBuilder work = new StringBuilder("维修完成（").append(technician).append("）");
			append(work, "处理", WORK_DONE.get(execution));
			append(work, "材料", MATERIALS.get(execution));
			Double cost = COST.get(execution);
			if (cost != null) {
				work.append("；费用 ¥").append(String.format("%.2f", cost));
			}
			cases.record(caseNo, RepairCaseType.Timeline.REPAIRED, work.toString());
		}
		else if (RepairProcess.OUTCOME_PAUSED.equals(outcome)) {
			String reason = PAUSE_REASONS.get(RepairProcess.PAUSE_REASON.text(execution));
			if (reason == null) {
				throw new ProcessEngineException("暂停时必须选择原因：等待配件或联系不上业主");
			}
			RepairProcess.PAUSE_REASON_LABEL.set(execution, reason);
		}
	}

	private static void append(StringBuilder text, String label, Object value) {
		if (value != null && !value.toString().isBlank()) {
			text.append("；").append(label).append(" ").append(value);
		}
	}

}
