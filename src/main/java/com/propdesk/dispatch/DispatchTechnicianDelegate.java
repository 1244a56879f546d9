package com.propdesk.dispatch;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.CaseTypes;
import com.propdesk.notify.Notifications;
import com.propdesk.registry.Estate.Building;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.Step;
import com.propdesk.system.Var;

/**
 * Dispatches a job to a technician ({@link Dispatcher}) and writes {@code technician} (null when
 * nobody is available) and {@code dispatchReason}; the choice and its reason go into the timeline.
 */
@Step(label = "自动派工")
@Component
public class DispatchTechnicianDelegate implements JavaDelegate {

	public static final Var<String> DEPARTMENT = Var.text("department");

	public static final Var<String> TECHNICIAN = Var.text("technician");

	public static final Var<String> DISPATCH_REASON = Var.text("dispatchReason");

	/**
	 * The skill the job needs; the case's category unless set. A job handed over to another
	 * department needs none of the original category's skills (set to null).
	 */
	public static final Var<String> REQUIRED_SKILL = Var.text("requiredSkill");

	/** Technicians who handed this job back, comma separated: not chosen again. */
	public static final Var<String> EXCLUDED = Var.text("excludedTechnicians");

	private final RegistryRepository registry;

	private final TaskService taskService;

	private final CaseService cases;

	/** Technicians' skills are the repair categories, named as the repair names them. */
	private static final String SKILLS = "repair";

	private final Notifications notifications;

	private final CaseTypes types;

	DispatchTechnicianDelegate(RegistryRepository registry, TaskService taskService, CaseService cases,
			Notifications notifications, CaseTypes types) {
		this.types = types;
		this.registry = registry;
		this.taskService = taskService;
		this.cases = cases;
		this.notifications = notifications;
	}

	/** The skill the job needs: the one a step named, else the case's category. */
	static String requiredSkill(org.camunda.bpm.engine.delegate.VariableScope job) {
		return REQUIRED_SKILL.isSet(job) ? REQUIRED_SKILL.get(job) : CaseVariables.CATEGORY.get(job);
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = CaseService.caseNo(execution);
		String department = DEPARTMENT.get(execution);
		String skill = requiredSkill(execution);
		String buildingCode = CaseVariables.BUILDING.get(execution);
		var buildings = registry.buildings().stream().collect(Collectors.toMap(Building::code, Function.identity()));
		Building site = Optional.ofNullable(buildingCode).map(buildings::get)
				.orElseThrow(() -> new IllegalStateException("Case " + caseNo + " names unknown building " + buildingCode));
		Dispatcher.Decision decision = Dispatcher.decide(registry.technicians(department), buildings, site, department,
				skill, types.get(SKILLS).categoryLabel(skill), excluded(execution), LocalTime.from(Clock.now()),
				username -> taskService.createTaskQuery().taskAssignee(username).count());

		TECHNICIAN.set(execution, decision.technician().orElse(null));
		DISPATCH_REASON.set(execution, decision.reason());
		cases.record(caseNo, decision.technician().isPresent() ? DispatchTimeline.DISPATCHED : DispatchTimeline.DISPATCH_FAILED, decision.reason());
		if (decision.technician().isPresent()) {
			cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
			page(notifications, caseNo, decision.technician().get(), execution);
		}
	}

	/** Pages the technician a job was given to, once per case and technician. */
	static void page(Notifications notifications, String caseNo, String technician, VariableScope job) {
		notifications.page("dispatch:" + caseNo + ":" + technician, technician, caseNo, "【派工】" + caseNo + " "
				+ CaseVariables.PRIORITY.get(job) + " " + CaseVariables.BUILDING.get(job) + "号楼 "
				+ (CaseVariables.UNIT.get(job) == null ? "" : CaseVariables.UNIT.get(job) + " ")
				+ CaseVariables.DESCRIPTION.get(job));
	}

	public static Set<String> excluded(DelegateExecution execution) {
		Object value = EXCLUDED.get(execution);
		if (value == null || value.toString().isBlank()) {
			return Set.of();
		}
		return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty())
				.collect(Collectors.toSet());
	}

}
