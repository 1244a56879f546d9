package com.propdesk.dispatch;

import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseTypes;
import com.propdesk.registry.Estate.Technician;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.system.Clock;
import com.propdesk.system.FormOptions;

/**
 * The technicians on duty now for the duty officer's 指派技师 select ({@code "valuesKey": "technicianOptions"}):
 * active, of the job's department, on shift (where none of the department is, its technicians off shift, marked
 * 不在班), those with the job's skill first; label
 * {@code 刘师傅 · 水管、电梯 · 在办 2 件} ({@code （无此技能）} after the skills of one without it), value the login name.
 * A submitted login name must be one of them.
 */
@Component
class RosterOptions implements FormOptions {

	private final RegistryRepository registry;

	private final TaskService taskService;

	private final CaseTypes types;

	/** The engine's task service is built after the engine plugins that fill forms with these options. */
	RosterOptions(RegistryRepository registry, @Lazy TaskService taskService, CaseTypes types) {
		this.registry = registry;
		this.taskService = taskService;
		this.types = types;
	}

	@Override
	public String key() {
		return "technicianOptions";
	}

	/**
	 * Those with the skill the job needs first; one without it is still offered (the duty officer may know better,
	 * say a technician who can make the place safe), marked 无此技能 so it is a choice made knowingly.
	 */
	@Override
	public List<Option> options(VariableScope task) {
		String skill = task == null ? null : DispatchTechnicianDelegate.requiredSkill(task);
		LocalTime now = LocalTime.from(Clock.now());
		return offered(task).stream().sorted(java.util.Comparator.comparing((Technician t) -> !t.qualifiedFor(skill)))
				.map(t -> new Option(t.name() + " · " + skills(t) + (t.qualifiedFor(skill) ? "" : "（无此技能）")
						+ (t.shift().covers(now) ? "" : "（不在班，需电话召回）") + " · 在办 "
						+ taskService.createTaskQuery().taskAssignee(t.username()).count() + " 件", t.username()))
				.toList();
	}

	@Override
	public Choice choose(String submitted, VariableScope task) {
		String username = submitted.trim();
		return offered(task).stream().anyMatch(t -> t.username().equals(username)) ? Choice.of(username)
				: Choice.refuse("不在当班可派的技师名单中：" + username);
	}

	/**
	 * The department's technicians on shift now; where none is (保洁部 at night), its active technicians off shift, whom
	 * the duty officer calls in — else the job would wait with no one to give it to while its clock runs.
	 */
	private List<Technician> offered(VariableScope task) {
		String department = task == null ? null : DispatchTechnicianDelegate.DEPARTMENT.get(task);
		LocalTime now = LocalTime.from(Clock.now());
		List<Technician> active = (department == null ? registry.technicians() : registry.technicians(department)).stream()
				.filter(Technician::active).toList();
		List<Technician> onShift = active.stream().filter(t -> t.shift().covers(now)).toList();
		return onShift.isEmpty() ? active : onShift;
	}

	private String skills(Technician technician) {
		var repair = types.get("repair");
		return technician.skills().stream().map(repair::categoryLabel).collect(Collectors.joining("、"));
	}

}
