package com.propdesk.intake;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import com.propdesk.security.Caller;
import com.propdesk.system.Actor;
import com.propdesk.security.Groups;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.ProblemException;

/**
 * The case API channel systems integrate with (its paths and field names are kept stable): channels open cases,
 * staff, channels and owners follow them.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

	private final CaseService cases;

	private final TaskService taskService;

	private final CaseClocks clocks;

	private final OwnerView.Reader ownerViews;

	private final ActorNames actorNames;

	private final IntakeMeter intakeMeter;

	CaseController(CaseService cases, TaskService taskService, CaseClocks clocks,
			OwnerView.Reader ownerViews, ActorNames actorNames, IntakeMeter intakeMeter) {
		this.intakeMeter = intakeMeter;
		this.ownerViews = ownerViews;
		this.actorNames = actorNames;
		this.cases = cases;
		this.taskService = taskService;
		this.clocks = clocks;
	}

	@Operation(summary = "新建事项", description = "渠道系统（X-Api-Key）或工作人员提交报修、投诉、紧急事件或咨询。"
			+ "受理成功返回 201 和回执；同一渠道、同一 externalId 再次提交返回 200 和原事项的回执，不会重复受理。"
			+ "请求无效时返回 400，errors[] 逐一列出出错的字段，且不新建任何事项。",
			security = { @SecurityRequirement(name = OpenApiDocument.API_KEY), @SecurityRequirement(name = OpenApiDocument.BASIC) })
	@ApiResponse(responseCode = "201", description = "已受理：新事项的回执，Location 指向该事项")
	@ApiResponse(responseCode = "200", description = "重复提交：原事项的回执",
			content = @Content(schema = @Schema(implementation = CaseReceipt.class)))
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "501", ref = OpenApiDocument.NOT_IMPLEMENTED)
	@PostMapping
	ResponseEntity<CaseReceipt> open(@RequestBody CaseRequest request, HttpServletRequest http) {
		return intakeMeter.time(request, () -> openAs(Caller.of(http), request));
	}

	private ResponseEntity<CaseReceipt> openAs(Caller caller, CaseRequest request) {
		if (caller instanceof Caller.Owner) {
			throw ProblemException.forbidden("跟踪令牌只能查看自己的事项，不能新建事项");
		}
		if (caller instanceof Caller.Channel channel && Channels.LABELS.containsKey(request.channel())
				&& !channel.mayUse(request.channel())) {
			throw ProblemException.forbidden("此 API 密钥不能代表渠道 " + request.channel() + " 提交事项");
		}
		CaseService.Opened opened = cases.open(request);
		CaseReceipt receipt = CaseReceipt.of(opened.record(), clocks.nearestDue(opened.record().caseNo()).orElse(null));
		if (opened.created()) {
			return ResponseEntity.created(URI.create("/api/cases/" + receipt.caseNo())).body(receipt);
		}
		return ResponseEntity.ok(receipt);
	}

	@Operation(summary = "查看事项", description = "状态、优先级、负责部门、处理人、服务时限、关联事项和处理经过。"
			+ "工作人员（HTTP Basic）、提交该事项的渠道（X-Api-Key）或业主（跟踪令牌）可查看；"
			+ "无权查看的事项与不存在的事项一样返回 404。",
			security = { @SecurityRequirement(name = OpenApiDocument.BASIC), @SecurityRequirement(name = OpenApiDocument.API_KEY),
					@SecurityRequirement(name = OpenApiDocument.TRACKING_TOKEN) })
	@ApiResponse(responseCode = "200", description = "事项详情")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@GetMapping("/{caseNo}")
	CaseView find(@Parameter(description = "事项编号", example = "R-20261127-0001") @PathVariable String caseNo,
			HttpServletRequest http) {
		CaseRecord found = cases.find(caseNo).orElseThrow(() -> ProblemException.notFound("没有事项 " + caseNo));
		Caller caller = Caller.of(http);
		checkAccess(caller, found);
		Task task = found.processInstanceId() == null ? null
				: taskService.createTaskQuery().processInstanceId(found.processInstanceId()).orderByTaskCreateTime()
						.desc().listPage(0, 1).stream().findFirst().orElse(null);
		// who holds the task is the company's: an owner or a channel reads the technician in `owner` (王师傅)
		String assignee = task == null || !(caller instanceof Caller.Staff) ? null : task.getAssignee();
		return new CaseView(found.caseNo(), found.type().key(), found.type().label(), found.channel(),
				found.status().code(), found.status().label(), found.priority(), found.department(),
				found.department() == null ? null : Groups.label(found.department()), found.category(),
				found.type().categoryLabel(found.category()), found.building(),
				found.unit(), found.description(), found.answer(), assignee, actorNames.reader().nameOf(assignee), clocks.nearestDue(caseNo).orElse(null),
				clocks.clocks(caseNo), found.createdAt(), found.updatedAt(), cases.links(caseNo), timeline(caseNo, caller),
				ownerViews.of(found));
	}

	@Operation(summary = "受理回执", description = "新建事项时的回执（含跟踪令牌），供客服在电话里告诉业主事项编号和查询链接；"
			+ "限能受理事项的工作人员（客服、值班、管理层）。Tasklist 用登录会话读取它，在启动表单提交后显示。",
			security = { @SecurityRequirement(name = OpenApiDocument.BASIC) })
	@ApiResponse(responseCode = "200", description = "事项的回执")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@GetMapping("/{caseNo}/receipt")
	CaseReceipt receipt(@Parameter(description = "事项编号", example = "R-20261127-0001") @PathVariable String caseNo,
			HttpServletRequest http) {
		Caller.staffIn(http, Groups.SERVICE_DESK, Groups.DUTY_OFFICER, Groups.MANAGEMENT);
		CaseRecord found = cases.find(caseNo).orElseThrow(() -> ProblemException.notFound("没有事项 " + caseNo));
		return CaseReceipt.of(found, clocks.nearestDue(caseNo).orElse(null));
	}

	/** The owner's score of a resolved case: 409 when the case is not waiting for feedback. */
	@Operation(summary = "业主评价", description = "业主凭跟踪令牌（或客服代为登记）对已解决、待评价的事项打分；"
			+ "2 分及以下转为投诉，其余按比例抽样回访。事项不在待评价状态或已评价时返回 409。",
			security = { @SecurityRequirement(name = OpenApiDocument.TRACKING_TOKEN), @SecurityRequirement(name = OpenApiDocument.BASIC) })
	@ApiResponse(responseCode = "200", description = "已记录评价：事项详情")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@ApiResponse(responseCode = "409", ref = OpenApiDocument.CONFLICT)
	@PostMapping("/{caseNo}/feedback")
	ResponseEntity<CaseView> feedback(@Parameter(description = "事项编号") @PathVariable String caseNo, @RequestBody Feedback feedback, HttpServletRequest http) {
		CaseRecord found = cases.find(caseNo).orElseThrow(() -> ProblemException.notFound("没有事项 " + caseNo));
		Caller caller = Caller.of(http);
		if (caller instanceof Caller.Channel) {
			throw ProblemException.forbidden("评价须由业主凭跟踪令牌提交，或由客服代为登记");
		}
		if (caller instanceof Caller.Staff) {
			// staff may only take down what the owner said on the phone: the service desk, not the technician
			Caller.staffIn(http, Groups.SERVICE_DESK);
		}
		checkAccess(caller, found);
		cases.feedback(caseNo, feedback, caller instanceof Caller.Staff staff ? staff.userId() : "owner");
		return ResponseEntity.ok(find(caseNo, http));
	}

	/**
	 * The timeline as the caller may read it. Owners and channels (which show it to owners) read what the owner was
	 * told and what the owner did (urges, the rating); staff lines — pages, dispatch reasons, call records, sampling — are the
	 * company's.
	 */
	private List<CaseView.Line> timeline(String caseNo, Caller caller) {
		ActorNames.Reader names = actorNames.reader();
		if (caller instanceof Caller.Staff) {
			return cases.timeline(caseNo).stream().map(e -> CaseView.Line.of(e, names)).toList();
		}
		return cases.timeline(caseNo).stream().filter(CaseService::ownerSees).map(CaseService::asOwnerReads)
				.map(e -> CaseView.Line.of(e, names)).toList();
	}

	/**
	 * Whether the case's open task is the caller's or offered to their department: the department carrying out
	 * management's plan for a major complaint, which stays management's case.
	 */
	private boolean worksOn(Caller.Staff staff, CaseRecord found) {
		if (found.processInstanceId() == null) {
			return false;
		}
		var tasks = taskService.createTaskQuery().processInstanceId(found.processInstanceId());
		return staff.groups().isEmpty() ? tasks.taskAssignee(staff.userId()).count() > 0
				: tasks.or().taskAssignee(staff.userId()).taskCandidateGroupIn(staff.groups()).endOr().count() > 0;
	}

	/** Staff who see every case; the departments see the cases routed to them. */
	private static final String[] ALL_CASES = { Groups.SERVICE_DESK, Groups.DUTY_OFFICER, Groups.MANAGEMENT,
			Groups.AUDITOR, Groups.CAMUNDA_ADMIN };

	private void checkAccess(Caller caller, CaseRecord found) {
		if (caller instanceof Caller.Staff staff) {
			if (staff.isIn(ALL_CASES) || found.department() != null && staff.isIn(found.department()) || worksOn(staff, found)) {
				return;
			}
			throw ProblemException.notFound("没有事项 " + found.caseNo());
		}
		if (caller instanceof Caller.Channel channel) {
			if (!channel.mayUse(found.channel())) {
				throw ProblemException.notFound("没有事项 " + found.caseNo());
			}
			return;
		}
		if (caller instanceof Caller.Owner owner && found.isTrackedWith(owner.token())) {
			return;
		}
		// the same answer as for a case that does not exist: case numbers are sequential, tokens are not
		throw ProblemException.notFound("没有事项 " + found.caseNo());
	}

}
