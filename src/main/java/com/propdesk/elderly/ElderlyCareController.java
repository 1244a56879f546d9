package com.propdesk.elderly;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.elderly.CareRecord.Visit;
import com.propdesk.elderly.CareRules.CareRequest;
import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.ProblemException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Care records of residents living alone (高龄独居关怀): the desk, security, the duty officer and management read them
 * and their visits; the desk and management keep them.
 */
@RestController
@RequestMapping("/api/elderly-care")
class ElderlyCareController {

	private static final String[] READERS = { Groups.SERVICE_DESK, Groups.SECURITY, Groups.DUTY_OFFICER, Groups.MANAGEMENT };

	private static final String[] WRITERS = { Groups.SERVICE_DESK, Groups.MANAGEMENT };

	private final CareRecords records;

	private final CareVisits visits;

	private final JdbcTemplate jdbc;

	ElderlyCareController(CareRecords records, CareVisits visits, JdbcTemplate jdbc) {
		this.records = records;
		this.visits = visits;
		this.jdbc = jdbc;
	}

	@Operation(summary = "独居老人关怀记录", description = "在册的关怀记录及各自下次探访，可按楼栋筛选（客服、安保、值班、管理层）。")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@GetMapping
	List<CareRecord> list(@RequestParam(required = false) String building, HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		return records.list(building).stream().map(this::withNextVisit).toList();
	}

	@Operation(summary = "一位住户的关怀记录", description = "紧急联系人、住户同意登记的健康情况、探访频率和探访部门、下次探访。")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@GetMapping("/{residentId}")
	CareRecord get(@PathVariable long residentId, HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		return withNextVisit(found(residentId));
	}

	@Operation(summary = "登记或修改关怀记录", description = "住户须在登记册中标记为独居老人。contacts 至少一位（name、relation、phone；"
			+ "电话按登记册的规则检查）；healthNotes 须住户同意（healthConsent: true，记录同意人和时间）；visitEvery 为 P1W（每周）、"
			+ "P2W（每两周）或 P1M（每月）；visitedBy 为 service-desk 或 security。新记录立即开始探访；修改从下次探访起生效（客服、管理层）。")
	@ApiResponse(responseCode = "200", description = "已修改")
	@ApiResponse(responseCode = "201", description = "已登记，探访已开始")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@PutMapping("/{residentId}")
	@Transactional
	ResponseEntity<CareRecord> save(@PathVariable long residentId, @RequestBody CareRequest body, HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, WRITERS);
		List<Boolean> flagged = jdbc.queryForList("select elderly_alone from resident where id = ?", Boolean.class, residentId);
		if (flagged.isEmpty()) {
			throw ProblemException.notFound("没有住户 " + residentId);
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (!flagged.get(0)) {
			problems.add(new FieldProblem("residentId", "登记册中此住户未标记为独居老人（elderlyAlone），请先在住户信息中标记"));
		}
		CareRules.Settings settings = CareRules.settings(body == null ? new CareRequest(null, null, null, null, null) : body, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		boolean created = records.save(residentId, settings, staff.userId());
		return ResponseEntity.status(created ? 201 : 200).body(withNextVisit(found(residentId)));
	}

	@Operation(summary = "停止关怀", description = "住户不再需要探访或已搬离：记录和探访历史保留，探访在下次排定时结束（客服、管理层）。")
	@ApiResponse(responseCode = "204", description = "已停止")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@DeleteMapping("/{residentId}")
	ResponseEntity<Void> withdraw(@PathVariable long residentId, HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, WRITERS);
		if (!records.withdraw(residentId, staff.userId())) {
			throw ProblemException.notFound("没有住户 " + residentId + " 的关怀记录");
		}
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "探访记录", description = "最近 50 次探访，最新在前：待探访、已探访（住户状况、设施检查、需求及所开事项、代办结果）、"
			+ "未按时探访（联系紧急联系人的结果）。")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@GetMapping("/{residentId}/visits")
	List<Visit> visits(@PathVariable long residentId, HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		found(residentId);
		return visits.of(residentId, 50);
	}

	private CareRecord found(long residentId) {
		return records.find(residentId).orElseThrow(() -> ProblemException.notFound("没有住户 " + residentId + " 的关怀记录"));
	}

	private CareRecord withNextVisit(CareRecord record) {
		return record.withNextVisit(visits.open(record.residentId()).orElse(null));
	}

}
