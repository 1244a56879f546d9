package com.propdesk.emergency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.ProblemException;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/** Staff read the plan library; management publishes a new version of a plan. */
@RestController
@RequestMapping("/api/emergency-plans")
class EmergencyPlanController {

	record PlanChange(String title, Boolean lifeSafety, String steps, String contacts, String changeNote) {
	}

	private final EmergencyPlans plans;

	EmergencyPlanController(EmergencyPlans plans) {
		this.plans = plans;
	}

	@GetMapping
	List<EmergencyPlan> current(HttpServletRequest request) {
		Caller.staff(request);
		return plans.currentPlans();
	}

	@GetMapping("/{incidentType}")
	Map<String, Object> plan(@PathVariable String incidentType, HttpServletRequest request) {
		Caller.staff(request);
		EmergencyPlan current = plans.current(incidentType)
				.orElseThrow(() -> ProblemException.notFound("没有 " + incidentType + " 的应急预案"));
		return Map.of("current", current, "versions", plans.versions(incidentType));
	}

	@PostMapping("/{incidentType}")
	@Transactional
	ResponseEntity<EmergencyPlan> publish(@PathVariable String incidentType, @RequestBody PlanChange change,
			HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, Groups.MANAGEMENT);
		List<FieldProblem> problems = new ArrayList<>();
		if (!EmergencyCaseType.INCIDENT_TYPES.containsKey(incidentType)) {
			problems.add(new FieldProblem("incidentType", "未知事件类型：" + incidentType));
		}
		// the columns of emergency_plan (V4)
		TextRules.required(problems, "title", change.title(), Lines.ONE, 100, "必填：预案名称");
		TextRules.required(problems, "steps", change.steps(), Lines.MANY, 4000, "必填：处置步骤");
		TextRules.required(problems, "contacts", change.contacts(), Lines.MANY, 500, "必填：联系电话");
		TextRules.optional(problems, "changeNote", change.changeNote(), Lines.MANY, 1000);
		if (change.lifeSafety() == null) {
			problems.add(new FieldProblem("lifeSafety", "必填：true 或 false"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return ResponseEntity.status(201).body(plans.publish(incidentType, change.title(), change.lifeSafety(),
				change.steps(), change.contacts(), staff.userId(), TextRules.blankToNull(change.changeNote())));
	}

}
