package com.propdesk.report;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.registry.RegistryRepository;
import com.propdesk.report.MonthlyReports.MonthlyReport;
import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.Clock;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.ProblemException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Staff's API of the monthly reports: {@code POST /api/reports/drafts {month}} (management) drafts a month on
 * demand through the same {@code monthly-report} process the 1st of each month starts; {@code GET /api/reports}
 * and {@code GET /api/reports/{id}} read them (management, auditors, the service desk); {@code GET
 * /api/reports/{id}/pdf} lets management preview a draft's PDF before publishing it.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private static final String[] READERS = { Groups.MANAGEMENT, Groups.AUDITOR, Groups.SERVICE_DESK };

	record DraftRequest(@Schema(description = "已经结束的月份，yyyy-MM", example = "2026-11") String month) {
	}

	private final MonthlyReports reports;

	private final ReportPdf pdf;

	private final RegistryRepository registry;

	ReportController(MonthlyReports reports, ReportPdf pdf, RegistryRepository registry) {
		this.reports = reports;
		this.pdf = pdf;
		this.registry = registry;
	}

	@Operation(summary = "起草月度服务报告", description = "为一个已经结束、不早于最早记录的月份（month 如 2026-11）给每栋楼起草报告；"
			+ "已有报告的楼栋不再起草，全部已有时 409；每份报告在 Tasklist 中由管理层审核后发布（管理层）。")
	@ApiResponse(responseCode = "201", description = "已起草，审核任务已派给管理层")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "409", description = "该月每栋楼的报告都已起草")
	@PostMapping("/drafts")
	ResponseEntity<Map<String, Object>> draft(@RequestBody DraftRequest body, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth month = month(body.month(), true, problems);
		if (month != null && !month.isBefore(YearMonth.from(Clock.now().atZoneSameInstant(ReportData.ZONE)))) {
			problems.add(new FieldProblem("month", "只能起草已经结束的月份"));
		}
		else if (month != null) {
			// a month before anything was recorded would tell owners a month of nothing
			Optional<YearMonth> earliest = reports.earliestMonth();
			if (earliest.isEmpty() || month.isBefore(earliest.get())) {
				problems.add(new FieldProblem("month", earliest.map(e -> "早于最早的记录（" + ReportText.monthLabel(e.toString()) + "）")
						.orElse("还没有任何记录")));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		if (reports.allDrafted(month)) {
			throw ProblemException.conflict(ReportText.monthLabel(month.toString()) + "的报告已经起草过，每栋楼每月一份");
		}
		String instance = reports.requestDrafts(month);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("month", month.toString(), "processInstanceId", instance,
				"reports", reports.search(null, month)));
	}

	@Operation(summary = "月度服务报告列表", description = "按楼栋和月份筛选，含数字、状态、经理留言；发布后含业主链接 publicPath"
			+ "（管理层、审计、客服）。")
	@GetMapping
	List<MonthlyReport> search(@RequestParam(required = false) String building, @RequestParam(required = false) String month,
			HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth m = month(month, false, problems);
		if (building != null && registry.building(building).isEmpty()) {
			problems.add(new FieldProblem("building", "没有楼栋 " + building));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return reports.search(building, m);
	}

	@Operation(summary = "一份月度服务报告", description = "管理层、审计、客服。")
	@GetMapping("/{id}")
	MonthlyReport one(@PathVariable long id, HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		return reports.find(id).orElseThrow(() -> ProblemException.notFound("没有报告 " + id));
	}

	@Operation(summary = "月度服务报告的 PDF", description = "发布前预览或存档（管理层）。")
	@GetMapping("/{id}/pdf")
	ResponseEntity<byte[]> preview(@PathVariable long id, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		MonthlyReport report = reports.find(id).orElseThrow(() -> ProblemException.notFound("没有报告 " + id));
		return ReportPage.pdf(pdf.render(report), report);
	}

	private static YearMonth month(String month, boolean required, List<FieldProblem> problems) {
		if (month == null) {
			if (required) {
				problems.add(new FieldProblem("month", "必填：年月，如 2026-11"));
			}
			return null;
		}
		if (!MONTH.matcher(month).matches()) {
			problems.add(new FieldProblem("month", "应为年月 yyyy-MM，如 2026-11"));
			return null;
		}
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem("month", "没有这个月份：" + month));
			return null;
		}
	}

}
