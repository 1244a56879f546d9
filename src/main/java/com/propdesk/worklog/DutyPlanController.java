package com.propdesk.worklog;

import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.Clock;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.ProblemException;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Staff read the duty plans; management plans, changes and stops duties. */
@RestController
@RequestMapping("/api/duty-plans")
class DutyPlanController {

	/** The rarest duty: once a year. */
	static final Period LONGEST_EVERY = Period.ofYears(1);

	/** A plan as written: {@code every} and {@code window} an ISO-8601 duration or one of {@link Periods#CHOICES}. */
	record PlanRequest(String duty, String building, String location, String every, String window, String firstStart,
			String contractor, String note) {
	}

	private final DutyPlans plans;

	private final RoundPlanner planner;

	private final DutyFields fields;

	private final DutyRounds rounds;

	DutyPlanController(DutyPlans plans, RoundPlanner planner, DutyFields fields, DutyRounds rounds) {
		this.rounds = rounds;
		this.plans = plans;
		this.planner = planner;
		this.fields = fields;
	}

	@Operation(summary = "工作计划列表", description = "按楼栋、部门筛选在用的工作计划（工作人员）。")
	@GetMapping
	List<DutyPlan> list(@RequestParam(required = false) String building, @RequestParam(required = false) String department,
			HttpServletRequest request) {
		Caller.staff(request);
		return plans.find(building, department, true);
	}

	@Operation(summary = "新建工作计划", description = "频率 every 为 ISO-8601 时长或 每4小时、每天、每周、每15天、每月；"
			+ "时段 window（每轮开始后多久内须完成）默认与频率相同；新计划未来 24 小时的轮次立即排定（管理层）。")
	@ApiResponse(responseCode = "201", description = "已新建，未来 24 小时的轮次已排定")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@PostMapping
	ResponseEntity<DutyPlan> create(@RequestBody PlanRequest body, HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, Groups.MANAGEMENT);
		DutyPlan plan = plans.create(settings(body), staff.userId());
		planner.plan(plan, Clock.now());
		return ResponseEntity.status(201).body(plans.find(plan.id()).orElseThrow());
	}

	@Operation(summary = "修改工作计划", description = "已排定的轮次保持原时间；已有轮次的计划不能改工作项目和楼栋"
			+ "（轮次和工作记录属于原来的工作和楼栋：停用后新建）（管理层）。")
	@PutMapping("/{id}")
	@Transactional
	DutyPlan update(@PathVariable long id, @RequestBody PlanRequest body, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		DutyPlan plan = plans.find(id).orElseThrow(() -> ProblemException.notFound("没有工作计划 " + id));
		DutyPlans.Settings settings = settings(body);
		if (rounds.anyOf(id)) {
			// a round reads its duty and building through its plan: they stay what the rounds and their logs were
			List<FieldProblem> problems = new ArrayList<>();
			if (!settings.duty().code().equals(plan.duty())) {
				problems.add(new FieldProblem("duty", "已有轮次的计划不能改工作项目，请停用后新建"));
			}
			if (!settings.building().equals(plan.building())) {
				problems.add(new FieldProblem("building", "已有轮次的计划不能改楼栋，请停用后新建"));
			}
			if (!problems.isEmpty()) {
				throw new InvalidRequestException(problems);
			}
		}
		plans.update(id, settings);
		return plans.find(id).orElseThrow();
	}

	@Operation(summary = "停用工作计划", description = "不再排定新的轮次，记录保留（管理层）。")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> deactivate(@PathVariable long id, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		plans.find(id).orElseThrow(() -> ProblemException.notFound("没有工作计划 " + id));
		plans.deactivate(id);
		return ResponseEntity.noContent().build();
	}

	private DutyPlans.Settings settings(PlanRequest body) {
		List<FieldProblem> problems = new ArrayList<>();
		Duty duty = fields.duty(problems, body.duty());
		fields.building(problems, body.building());
		TextRules.optional(problems, "location", body.location(), Lines.ONE, 200);
		TextRules.optional(problems, "contractor", body.contractor(), Lines.ONE, 64);
		TextRules.optional(problems, "note", body.note(), Lines.MANY, 500);
		String every = Periods.parse(body.every()).orElse(null);
		if (every == null) {
			problems.add(new FieldProblem("every", "必填：" + String.join("、", Periods.CHOICES.keySet())
					+ "，或 ISO-8601 时长（至少 PT30M）"));
		}
		String window = body.window() == null ? every : Periods.parse(body.window()).orElse(null);
		if (body.window() != null && window == null) {
			problems.add(new FieldProblem("window", "应为 ISO-8601 时长（至少 PT30M），如 PT8H"));
		}
		OffsetDateTime firstStart = null;
		try {
			firstStart = body.firstStart() == null ? null : OffsetDateTime.parse(body.firstStart());
		}
		catch (DateTimeParseException notIso) {
			// reported below
		}
		OffsetDateTime now = Clock.now();
		if (firstStart == null) {
			problems.add(new FieldProblem("firstStart", "必填：首轮开始时间，ISO-8601 含时区，如 2026-12-01T08:00+08:00"));
		}
		else if (firstStart.isBefore(now.minus(Periods.FIRST_START_RANGE)) || firstStart.isAfter(now.plus(Periods.FIRST_START_RANGE))) {
			problems.add(new FieldProblem("firstStart", "应在前后一年之内"));
		}
		if (every != null && Periods.plus(now, every, 1).isAfter(now.plus(LONGEST_EVERY))) {
			problems.add(new FieldProblem("every", "最长每年一次"));
		}
		else if (every != null && window != null && Periods.plus(now, window, 1).isAfter(Periods.plus(now, every, 1))) {
			// a window longer than the period keeps ever more rounds open at once
			problems.add(new FieldProblem("window", "不能长于频率（" + every + "）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new DutyPlans.Settings(duty, body.building(), TextRules.blankToNull(body.location()), every, window, firstStart,
				TextRules.blankToNull(body.contractor()), TextRules.blankToNull(body.note()));
	}

}
