package com.propdesk.handover;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.ProblemException;

/** Shift handovers kept for the desk, the duty officer, management and auditors to look up by day and shift. */
@RestController
@RequestMapping("/api/handovers")
class HandoverController {

	private static final String[] READERS = { Groups.SERVICE_DESK, Groups.DUTY_OFFICER, Groups.MANAGEMENT, Groups.AUDITOR };

	private final Handovers handovers;

	HandoverController(Handovers handovers) {
		this.handovers = handovers;
	}

	@Operation(summary = "按日期和班次查交接", description = "某天（交班班次开始的那天；夜班属于它开始的那天）的班次交接，"
			+ "不含清单明细。shift 为 day（白班）或 night（夜班），不填则两班都列出。限客服、值班、管理层和审计。")
	@ApiResponse(responseCode = "200", description = "交接列表，按换班时间排列")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@GetMapping
	List<Handovers.Handover> list(@Parameter(description = "日期 YYYY-MM-DD") @RequestParam(required = false) String date,
			@Parameter(description = "班次：day 白班 · night 夜班") @RequestParam(required = false) String shift,
			HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate day = null;
		if (date == null || date.isBlank()) {
			problems.add(new FieldProblem("date", "必填：日期，格式 YYYY-MM-DD"));
		}
		else {
			try {
				day = LocalDate.parse(date.trim());
			}
			catch (DateTimeParseException e) {
				problems.add(new FieldProblem("date", "日期格式应为 YYYY-MM-DD：" + date));
			}
		}
		if (shift != null && !ShiftChanges.DAY.equals(shift) && !ShiftChanges.NIGHT.equals(shift)) {
			problems.add(new FieldProblem("shift", "班次只能是 day（白班）或 night（夜班）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return handovers.list(day, shift);
	}

	@Operation(summary = "一次交接的全部内容", description = "交接清单的每一项、交班备注、追问与答复、交班人和接班人及时间。"
			+ "限客服、值班、管理层和审计。")
	@ApiResponse(responseCode = "200", description = "交接")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@GetMapping("/{id}")
	Handovers.Handover one(@Parameter(description = "交接编号") @PathVariable String id, HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		long number;
		try {
			number = Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			throw new InvalidRequestException("id", "交接编号应为数字：" + id);
		}
		return handovers.find(number).orElseThrow(() -> ProblemException.notFound("没有编号为 " + id + " 的交接"));
	}

}
