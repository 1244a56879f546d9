package com.propdesk.desk;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.ProblemException;

/**
 * The service desk's API: {@code GET /api/desk/search?q=&page=} (one box for a case number, a phone number or its
 * last digits, a unit, a name) and {@code GET /api/desk/callers/{unit}} (the caller's card). For the service desk,
 * the duty officer and management, with their own login.
 */
@RestController
@RequestMapping("/api/desk")
class DeskController {

	private static final String[] DESK = { Groups.SERVICE_DESK, Groups.DUTY_OFFICER, Groups.MANAGEMENT };

	private final DeskSearch search;

	DeskController(DeskSearch search) {
		this.search = search;
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
			+ "近 90 天的事项（含投诉）。房号的写法同搜索。限客服、值班和管理层。")
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

}
