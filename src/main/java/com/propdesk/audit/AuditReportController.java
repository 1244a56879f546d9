package com.propdesk.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;

/**
 * Auditors' and management's read-only API: {@code GET /api/audit/reports/sla?from=&to=&groupBy=[&format=csv]},
 * {@code GET /api/audit/cases} (search), {@code GET /api/audit/cases/{caseNo}/timeline} and
 * {@code GET /api/audit/cases/{caseNo}/diagram}, and {@code GET /api/audit/me} for the web view's login.
 */
@RestController
@RequestMapping("/api/audit")
class AuditReportController {

	private final SlaReport report;

	private final CaseHistory caseHistory;

	private final CaseSearch search;

	private final CaseDiagrams diagrams;

	AuditReportController(SlaReport report, CaseHistory caseHistory, CaseSearch search, CaseDiagrams diagrams) {
		this.report = report;
		this.caseHistory = caseHistory;
		this.search = search;
		this.diagrams = diagrams;
	}

	/** Who is logged in to the web view; answers 401 or 403 like every other call here when they may not. */
	@GetMapping("/me")
	Map<String, Object> me(HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, Groups.AUDITOR, Groups.MANAGEMENT);
		return Map.of("userId", staff.userId(), "groups", staff.groups().stream().map(Groups::label).toList());
	}

	@GetMapping("/cases")
	ResponseEntity<?> cases(@RequestParam(required = false) String caseNo, @RequestParam(required = false) String type,
			@RequestParam(required = false) String building, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String category, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean breached, @RequestParam(defaultValue = "json") String format,
			HttpServletRequest request) {
		Caller.staffIn(request, Groups.AUDITOR, Groups.MANAGEMENT);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate start = from == null ? null : date("from", from, problems);
		LocalDate end = to == null ? null : date("to", to, problems);
		if (!format.equals("json") && !format.equals("csv")) {
			problems.add(new FieldProblem("format", "应为 json 或 csv"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		var found = search.search(new CaseSearch.Criteria(caseNo, type, building, unit, category, start, end, status, breached));
		if (format.equals("csv")) {
			return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
					.header("Content-Disposition", "attachment; filename=\"cases.csv\"").body(Csv.BOM + CaseSearch.csv(found));
		}
		return ResponseEntity.ok(found);
	}

	@GetMapping("/cases/{caseNo}/timeline")
	List<CaseHistory.Line> timeline(@org.springframework.web.bind.annotation.PathVariable String caseNo,
			HttpServletRequest request) {
		Caller.staffIn(request, Groups.AUDITOR, Groups.MANAGEMENT);
		List<CaseHistory.Line> lines = caseHistory.timeline(caseNo);
		if (lines.isEmpty()) {
			throw com.propdesk.system.ProblemException.notFound("没有事项 " + caseNo);
		}
		return lines;
	}

	@GetMapping("/cases/{caseNo}/diagram")
	List<CaseDiagrams.Diagram> diagram(@org.springframework.web.bind.annotation.PathVariable String caseNo,
			HttpServletRequest request) {
		Caller.staffIn(request, Groups.AUDITOR, Groups.MANAGEMENT);
		List<CaseDiagrams.Diagram> found = diagrams.diagrams(caseNo);
		if (found.isEmpty()) {
			throw com.propdesk.system.ProblemException.notFound("没有事项 " + caseNo);
		}
		return found;
	}

	@GetMapping("/reports/sla")
	ResponseEntity<?> sla(@RequestParam String from, @RequestParam String to,
			@RequestParam(defaultValue = "") String groupBy, @RequestParam(defaultValue = "json") String format,
			HttpServletRequest request) {
		Caller.staffIn(request, Groups.AUDITOR, Groups.MANAGEMENT);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate start = date("from", from, problems);
		LocalDate end = date("to", to, problems);
		List<String> dimensions = groupBy.isBlank() ? List.of() : Arrays.stream(groupBy.split(",")).map(String::trim).toList();
		dimensions.stream().filter(d -> !SlaReport.DIMENSIONS.contains(d)).findFirst().ifPresent(d -> problems
				.add(new FieldProblem("groupBy", "未知维度 " + d + "：应为 " + String.join("、", SlaReport.DIMENSIONS))));
		if (start != null && end != null && !end.isAfter(start)) {
			problems.add(new FieldProblem("to", "必须晚于 from"));
		}
		if (!format.equals("json") && !format.equals("csv")) {
			problems.add(new FieldProblem("format", "应为 json 或 csv"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		var rows = report.report(start, end, dimensions);
		if (format.equals("csv")) {
			return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
					.header("Content-Disposition", "attachment; filename=\"sla-" + from + "-" + to + ".csv\"")
					.body(Csv.BOM + SlaReport.csv(rows, dimensions));
		}
		return ResponseEntity.ok(rows);
	}

	private static LocalDate date(String field, String value, List<FieldProblem> problems) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, "日期格式应为 2026-11-01"));
			return null;
		}
	}

}
