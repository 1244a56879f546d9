package com.propdesk.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import com.propdesk.intake.ActorNames;
import com.propdesk.intake.CaseEvent;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.CaseTimeline;
import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.Clock;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.Privileged;
import com.propdesk.system.ProblemException;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/**
 * Urging (催办): the owner or the desk chases a case. Whoever holds its open tasks is paged (the assignee, else the
 * candidate group; the service desk where no task is open), the timeline says who urged, and the third urge within a
 * day also pages the duty officer.
 * An owner may urge once an hour.
 */
@RestController
class Urging {

	/** Urges within this window count towards escalation. */
	static final Duration ESCALATION_WINDOW = Duration.ofHours(24);

	/** The urge within the window from which the duty officer is paged too. */
	static final int ESCALATE_AT = 3;

	private static final String OWNER = CaseService.OWNER;


	private final CaseService cases;

	private final ProcessEngineConfigurationImpl engine;

	private final Notifications notifications;

	private final ActorNames actorNames;

	Urging(CaseService cases, ProcessEngineConfigurationImpl engine, Notifications notifications, ActorNames actorNames) {
		this.actorNames = actorNames;
		this.cases = cases;
		this.engine = engine;
		this.notifications = notifications;
	}

	/** An urge's optional note (what the caller said). */
	@Schema(description = "催办")
	record UrgeRequest(@Schema(description = "备注（客服记录来电所说）", nullable = true, example = "业主来电，说水还在漏") String note) {
	}

	/** What an urge did. */
	@Schema(description = "催办结果")
	record Urged(@Schema(description = "事项编号", requiredMode = Schema.RequiredMode.REQUIRED) String caseNo,
			@Schema(description = "催办时间", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime urgedAt,
			@Schema(description = "24 小时内第几次催办", requiredMode = Schema.RequiredMode.REQUIRED) int count,
			@Schema(description = "呼叫了谁（用户或组编号）", requiredMode = Schema.RequiredMode.REQUIRED) List<String> paged,
			@Schema(description = "是否已升级呼叫 24 小时值班", requiredMode = Schema.RequiredMode.REQUIRED) boolean escalated,
			@Schema(description = "业主下次可催办的时间", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime nextOwnerUrgeAt) {
	}

	@Operation(summary = "催办", description = "业主凭跟踪令牌（每小时最多一次，过早返回 429 和 Retry-After）或客服、值班、管理层催办未办结的事项："
			+ "呼叫当前任务的处理人（未认领时呼叫候选组），并记入处理经过；24 小时内第 3 次及以后的催办同时呼叫 24 小时值班。"
			+ "已办结的事项返回 409；不存在的事项或令牌错误均返回 404。",
			security = { @SecurityRequirement(name = OpenApiDocument.TRACKING_TOKEN), @SecurityRequirement(name = OpenApiDocument.BASIC) })
	@ApiResponse(responseCode = "200", description = "已催办")
	@ApiResponse(responseCode = "409", ref = OpenApiDocument.CONFLICT)
	@ApiResponse(responseCode = "429", description = "业主催办过于频繁：Retry-After 给出还需等待的秒数",
			content = @Content(mediaType = "application/problem+json"))
	@PostMapping("/api/cases/{caseNo}/urge")
	Urged urge(@Parameter(description = "事项编号") @PathVariable String caseNo,
			@RequestBody(required = false) UrgeRequest request, HttpServletRequest http) {
		CaseRecord found = cases.find(caseNo).orElseThrow(() -> ProblemException.notFound("没有事项 " + caseNo));
		Caller caller = Caller.of(http);
		String actor;
		if (caller instanceof Caller.Owner owner) {
			if (!found.isTrackedWith(owner.token())) {
				// as for a case that does not exist: case numbers are sequential, tokens are not
				throw ProblemException.notFound("没有事项 " + caseNo);
			}
			actor = OWNER;
		}
		else if (caller instanceof Caller.Staff) {
			actor = Caller.staffIn(http, Groups.SERVICE_DESK, Groups.DUTY_OFFICER, Groups.MANAGEMENT).userId();
		}
		else {
			throw ProblemException.forbidden("催办须由业主凭跟踪令牌提交，或由客服、值班、管理层提交");
		}
		return urge(found, actor, request == null ? null : request.note());
	}

	/**
	 * The owner's page urges with a plain form (the page runs no script): the same urge, then back to the page,
	 * which shows when the owner may urge again.
	 */
	@PostMapping("/track/{caseNo}/urge")
	ResponseEntity<Void> urgeFromPage(@PathVariable String caseNo, @RequestParam(defaultValue = "") String token) {
		CaseRecord found = cases.find(caseNo).filter(c -> c.isTrackedWith(token)).orElse(null);
		if (found == null) {
			// as the page answers a wrong link: no case, no hint
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/track/"
					+ UriUtils.encodePathSegment(caseNo, StandardCharsets.UTF_8))).build();
		}
		try {
			urge(found, OWNER, null);
		}
		catch (ProblemException refused) {
			// too soon or closed: the page it returns to says so
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(found.trackingPath())).build();
	}

	private Urged urge(CaseRecord found, String actor, String written) {
		// one urge of a case at a time: the owner's once-an-hour rule and the count are read from the timeline
		return cases.whileLocked(found.caseNo(), locked -> urgeLocked(locked, actor, written));
	}

	private Urged urgeLocked(CaseRecord found, String actor, String written) {
		String caseNo = found.caseNo();
		String note = TextRules.blankToNull(written);
		List<FieldProblem> problems = new ArrayList<>();
		TextRules.optional(problems, "note", note, Lines.MANY, 500);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		if (found.status() == CaseStatus.CLOSED || found.status() == CaseStatus.PROMOTED) {
			throw ProblemException.conflict("事项 " + caseNo + " " + found.status().label() + "，无需催办");
		}
		OffsetDateTime now = Clock.now();
		List<CaseEvent> urges = cases.timeline(caseNo).stream().filter(e -> CaseTimeline.URGED.code().equals(e.kind())).toList();
		OffsetDateTime nextOwnerUrge = cases.nextOwnerUrge(caseNo).orElse(null);
		if (OWNER.equals(actor) && nextOwnerUrge != null && now.isBefore(nextOwnerUrge)) {
			long seconds = Math.max(1, Duration.between(now, nextOwnerUrge).toSeconds());
			ProblemException tooSoon = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "催办过于频繁",
					"每小时只能催办一次，请在 " + (seconds + 59) / 60 + " 分钟后再试；我们已在加紧处理");
			tooSoon.getHeaders().set("Retry-After", String.valueOf(seconds));
			throw tooSoon;
		}
		int count = 1 + (int) urges.stream().filter(e -> e.at().isAfter(now.minus(ESCALATION_WINDOW))).count();
		String eventId = "urge-" + caseNo + "-" + (urges.size() + 1);
		String text = "催办：" + found.type().label() + " " + caseNo + (OWNER.equals(actor) ? "，业主" : "，" + actorNames.reader().nameOf(actor)) + "催问进度"
				+ (count > 1 ? "（24 小时内第 " + count + " 次）" : "") + (note == null ? "" : "：" + note);
		cases.record(caseNo, CaseTimeline.URGED, actor, (OWNER.equals(actor) ? "业主催办" : "催办")
				+ (note == null ? "" : "：" + note), now);
		Set<String> paged = new LinkedHashSet<>(holders(found));
		if (paged.isEmpty()) {
			// no task is open (the case awaits the owner's rating, or another case): the service desk answers for it
			paged.add(Groups.SERVICE_DESK);
		}
		boolean escalated = count >= ESCALATE_AT;
		if (escalated) {
			paged.add(Groups.DUTY_OFFICER);
		}
		for (String recipient : paged) {
			notifications.page(eventId, recipient, caseNo, text);
		}
		return new Urged(caseNo, now, count, List.copyOf(paged), escalated,
				OWNER.equals(actor) ? now.plus(CaseService.OWNER_URGE_INTERVAL) : nextOwnerUrge == null ? now : nextOwnerUrge);
	}

	/**
	 * Who holds the case's open tasks: each task's assignee, else its candidate groups. Read whatever the urger may
	 * see in Tasklist: the desk urges a technician's task it has no right to open.
	 */
	private List<String> holders(CaseRecord found) {
		if (found.processInstanceId() == null) {
			return List.of();
		}
		return Privileged.run(engine, () -> {
			TaskService taskService = engine.getTaskService();
			Set<String> holders = new LinkedHashSet<>();
			for (Task task : taskService.createTaskQuery().processInstanceId(found.processInstanceId()).active()
					.unlimitedList()) {
				if (task.getAssignee() != null) {
					holders.add(task.getAssignee());
				}
				else {
					taskService.getIdentityLinksForTask(task.getId()).stream()
							.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
							.forEach(l -> holders.add(l.getGroupId()));
				}
			}
			return List.copyOf(holders);
		});
	}

}
