package com.propdesk.desk;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import com.propdesk.intake.CaseView;
import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.ProblemException;

/**
 * The service desk's API: {@code GET /api/desk/search?q=&page=} (one box for a case number, a phone number or its
 * last digits, a unit, a name), {@code GET /api/desk/callers/{unit}} (the caller's card), and for one case what the
 * desk needs on a call ({@code GET /api/desk/cases/{caseNo}}) and does there (a call record, a corrected contact,
 * the tracking link by SMS; urging is {@code POST /api/cases/{caseNo}/urge}). For the service desk, the duty
 * officer and management, with their own login.
 */
@RestController
@RequestMapping("/api/desk")
class DeskController {

	private static final String[] DESK = { Groups.SERVICE_DESK, Groups.DUTY_OFFICER, Groups.MANAGEMENT };

	private final DeskSearch search;

	private final DeskCases cases;

	DeskController(DeskSearch search, DeskCases cases) {
		this.search = search;
		this.cases = cases;
	}

	/** Who is logged in at the desk. */
	@Schema(description = "当前登录的客服台用户")
	record Me(@Schema(description = "用户编号", requiredMode = Schema.RequiredMode.REQUIRED) String userId,
			@Schema(description = "姓名", requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(description = "所属组", requiredMode = Schema.RequiredMode.REQUIRED) List<String> groups) {
	}

	@Operation(summary = "客服台当前用户", description = "登录的用户、姓名和所属组；不属于客服、值班或管理层的用户得到 403。")
	@ApiResponse(responseCode = "200", description = "当前用户")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@GetMapping("/me")
	Me me(HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, DESK);
		return new Me(staff.userId(), cases.displayName(staff.userId()), staff.groups());
	}

	@Operation(summary = "客服台搜索", description = "一个搜索框：事项编号（完全一致，不分大小写）、电话号码（完整或至少后 4 位，"
			+ "可带空格、横线、+86）、房号（3-1201、3-01201、3栋1201、3号楼1201）或姓名（报事人或住户，部分即可）。"
			+ "返回匹配的住户（电话只显示后 4 位）和事项（最新在前，每页 20 条，total 为事项总数）；无匹配时两个列表为空。"
			+ "限客服、值班和管理层。")
	@ApiResponse(responseCode = "200", description = "匹配的住户和事项")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@GetMapping("/search")
	DeskSearch.Found search(
			@Parameter(description = "要找的内容，最多 64 个字符", example = "1234") @RequestParam(required = false) String q,
			@Parameter(description = "页码，从 1 开始") @RequestParam(defaultValue = "1") String page,
			HttpServletRequest request) {
		Caller.staffIn(request, DESK);
		var problem = SearchTerms.problem(q);
		if (problem.isPresent()) {
			throw new InvalidRequestException("q", problem.get());
		}
		if (!page.matches("[1-9][0-9]{0,5}")) {
			throw new InvalidRequestException("page", "应为从 1 开始的页码");
		}
		return search.search(q, Integer.parseInt(page));
	}

	@Operation(summary = "来电住户卡片", description = "一个房号的住户（含独居老人、行动不便等特别关注）、未办结的事项、"
			+ "近 90 天的事项（含投诉）和最近一次回访。房号的写法同搜索。限客服、值班和管理层。")
	@ApiResponse(responseCode = "200", description = "住户卡片")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@GetMapping("/callers/{unit}")
	DeskSearch.CallerCard caller(@Parameter(description = "房号", example = "3-1201") @PathVariable String unit,
			HttpServletRequest request) {
		Caller.staffIn(request, DESK);
		return search.card(unit).orElseThrow(() -> ProblemException.notFound("没有房号 " + unit));
	}

	@Operation(summary = "客服台看事项", description = "在「查看事项」之外，客服接电话需要的：报事人的完整电话、业主跟踪链接、"
			+ "正在办理的任务（谁在办、从何时起、何时到期，含客服无权打开的工程任务）、24 小时内的催办次数。限客服、值班和管理层。")
	@ApiResponse(responseCode = "200", description = "事项的客服台信息")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@GetMapping("/cases/{caseNo}")
	DeskCases.DeskCase deskCase(@Parameter(description = "事项编号", example = "R-20261127-0001") @PathVariable String caseNo,
			HttpServletRequest request) {
		Caller.staffIn(request, DESK);
		return cases.view(cases.find(caseNo));
	}

	@Operation(summary = "添加来电记录", description = "记下谁来电、说了什么，记入事项的处理经过。限客服、值班和管理层。")
	@ApiResponse(responseCode = "201", description = "已记录：处理经过中新增的一条")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@PostMapping("/cases/{caseNo}/calls")
	@ResponseStatus(HttpStatus.CREATED)
	CaseView.Line call(@Parameter(description = "事项编号") @PathVariable String caseNo,
			@RequestBody(required = false) DeskCases.CallRecord call, HttpServletRequest request) {
		String actor = Caller.staffIn(request, DESK).userId();
		return cases.call(cases.find(caseNo), call, actor);
	}

	@Operation(summary = "更正报事人联系方式", description = "业主来电更正姓名或电话：事项、正在办理的流程（表单显示的联系人）"
			+ "和处理经过（号码部分隐藏）一并更新；之后的短信发到新号码。限客服、值班和管理层。")
	@ApiResponse(responseCode = "200", description = "更正后的联系方式（电话已规范化）")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@PutMapping("/cases/{caseNo}/reporter")
	DeskCases.Reporter reporter(@Parameter(description = "事项编号") @PathVariable String caseNo,
			@RequestBody(required = false) DeskCases.Reporter reporter, HttpServletRequest request) {
		String actor = Caller.staffIn(request, DESK).userId();
		return cases.correctReporter(cases.find(caseNo), reporter, actor);
	}

	@Operation(summary = "短信发送跟踪链接", description = "把业主的跟踪链接（查看进度、评价、催办）用短信发到报事人电话；"
			+ "处理经过只记「已发送」，不含链接。同一分钟内重复请求不重复发送。未配置对外地址时返回 409。限客服、值班和管理层。")
	@ApiResponse(responseCode = "200", description = "已发送")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@ApiResponse(responseCode = "409", ref = OpenApiDocument.CONFLICT)
	@PostMapping("/cases/{caseNo}/tracking-sms")
	DeskCases.LinkSent trackingSms(@Parameter(description = "事项编号") @PathVariable String caseNo,
			HttpServletRequest request) {
		Caller.staffIn(request, DESK);
		return cases.sendTrackingLink(cases.find(caseNo));
	}

}
