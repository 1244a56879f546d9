package com.propdesk.dispatch;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.notify.Notifications;
import com.propdesk.registry.Estate.Technician;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.security.Groups;
import com.propdesk.system.Refusal;
import com.propdesk.system.Step;

/**
 * On completion of the duty officer's "assign by hand" task: the named technician must be an
 * active member of the case's department; the assignment goes into the timeline.
 */
@Step(label = "值班手工派工")
@Component
public class AssignTechnicianListener implements TaskListener {

	private final RegistryRepository registry;

	private final CaseService cases;

	private final Notifications notifications;

	AssignTechnicianListener(RegistryRepository registry, CaseService cases, Notifications notifications) {
		this.registry = registry;
		this.cases = cases;
		this.notifications = notifications;
	}

	@Override
	public void notify(DelegateTask task) {
		Object chosen = DispatchTechnicianDelegate.TECHNICIAN.get(task);
		String username = chosen == null ? "" : chosen.toString().trim();
		String department = DispatchTechnicianDelegate.DEPARTMENT.get(task);
		Technician technician = registry.technician(username)
				.orElseThrow(() -> new Refusal("指派技师：没有技师 " + username));
		if (!technician.active()) {
			throw new Refusal("指派技师：" + technician.name() + " 已停用");
		}
		if (!technician.department().equals(department)) {
			throw new Refusal("指派技师：" + technician.name() + " 属于" + Groups.label(technician.department())
					+ "，本单应由" + Groups.label(department) + "处理");
		}
		DispatchTechnicianDelegate.TECHNICIAN.set(task, username);
		String caseNo = CaseService.caseNo(task);
		cases.record(caseNo, DispatchTimeline.DISPATCHED, "值班人员手工派给 " + technician.name() + "（" + username + "）");
		cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
		DispatchTechnicianDelegate.page(notifications, caseNo, username, task);
	}

}
