package com.propdesk.worklog;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.intake.ActorNames;
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

/**
 * Work logs from the app (the recorder is the authenticated staff member) and the rounds of a department. Only the
 * duty's department, or management, records a duty.
 */
@RestController
@RequestMapping("/api/worklogs")
class WorkLogController {

	/** How far back a round may be recorded. */
	static final Duration OLDEST = Duration.ofDays(7);

	/** A phone's clock a little ahead of the server's is not "the future". */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

	/** Who uses the phone page: their name, and the duties they may record (code → Chinese name). */
	record Me(String userId, String name, List<String> groups, java.util.Map<String, String> duties) {
	}

	/** The groups the phone page is for; anyone else is refused before the page shows anything. */
	static final String[] PAGE_GROUPS = { Groups.CLEANING, Groups.ENGINEERING, Groups.SECURITY, Groups.MANAGEMENT };

	/** {@code roundId}: the round the log is for, as the phone page knows it; without it the log finds its round. */
	record WorkLogRequest(String duty, String building, String location, String doneAt, String notes, List<String> photos,
			String clientId, Long roundId) {
	}

	private final WorkLogs logs;

	private final DutyRounds rounds;

	private final Uploads uploads;

	private final DutyFields fields;

	private final ActorNames names;

	WorkLogController(WorkLogs logs, DutyRounds rounds, Uploads uploads, DutyFields fields, ActorNames names) {
		this.names = names;
		this.logs = logs;
		this.rounds = rounds;
		this.uploads = uploads;
		this.fields = fields;
	}

	@Operation(summary = "手机工作记录页的登录人", description = "姓名和可以记录的工作（保洁部、工程部、安保部和管理层）。")
	@GetMapping("/me")
	Me me(HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, PAGE_GROUPS);
		java.util.Map<String, String> duties = new java.util.LinkedHashMap<>();
		for (Duty duty : Duty.values()) {
			if (staff.isIn(duty.department(), Groups.MANAGEMENT)) {
				duties.put(duty.code(), duty.label());
			}
		}
		return new Me(staff.userId(), names.reader().nameOf(staff.userId()), staff.groups(), duties);
	}

	@Operation(summary = "记录一轮工作", description = "记录人是登录的工作人员；只有该工作的部门或管理层可以记录。完成时间 doneAt 为 ISO-8601 含时区，"
			+ "不能晚于现在、不能早于 7 天前；roundId 为要完成的轮次（须是该楼栋该工作待完成的轮次），不填时与该楼栋该工作时段内"
			+ "待完成的轮次匹配，轮次即为已完成。photos 为上传接口返回的照片编号。"
			+ "同一记录人同一 clientId 再次提交时返回 200 和第一次的记录。")
	@ApiResponse(responseCode = "201", description = "已记录")
	@ApiResponse(responseCode = "200", description = "同一 clientId 已记录过：第一次的记录")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@PostMapping
	ResponseEntity<WorkLog> record(@RequestBody WorkLogRequest body, HttpServletRequest request) {
		Caller.Staff staff = Caller.staff(request);
		if (body.clientId() != null) {
			// a retry of a record already made answers with it, before its photos (attached by then) are checked again
			Optional<WorkLog> first = logs.findByClient(staff.userId(), body.clientId());
			if (first.isPresent()) {
				return ResponseEntity.ok(first.get());
			}
		}
		WorkLogs.Entry entry = validate(body, staff.userId());
		if (!staff.isIn(entry.duty().department(), Groups.MANAGEMENT)) {
			throw ProblemException.forbidden("只有" + Groups.label(entry.duty().department()) + "或管理层可以记录"
					+ entry.duty().label());
		}
		WorkLogs.Recorded recorded = logs.record(entry, staff.userId());
		return ResponseEntity.status(recorded.created() ? 201 : 200).body(recorded.log());
	}

	@Operation(summary = "工作记录列表", description = "按楼栋、工作、完成时间（from 含、to 不含；ISO-8601 日期或含时区的时间，默认最近 7 天）筛选，"
			+ "最近的在前，最多 500 条（工作人员）。")
	@GetMapping
	List<WorkLog> list(@RequestParam(required = false) String building, @RequestParam(required = false) String duty,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletRequest request) {
		Caller.staff(request);
		OffsetDateTime now = Clock.now();
		List<FieldProblem> problems = new ArrayList<>();
		OffsetDateTime since = time(problems, "from", from, now.minus(OLDEST));
		OffsetDateTime until = time(problems, "to", to, now.plusDays(1));
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return logs.find(building, duty, since, until);
	}

	@Operation(summary = "一条工作记录", description = "照片为上传接口的链接（工作人员）。")
	@GetMapping("/{id}")
	WorkLog one(@PathVariable long id, HttpServletRequest request) {
		Caller.staff(request);
		return logs.find(id).orElseThrow(() -> ProblemException.notFound("没有工作记录 " + id));
	}

	@Operation(summary = "工作轮次", description = "按部门和状态（due 待完成、done 已完成、missed 漏做）筛选开始时间在 from（含）至 to（不含）"
			+ "之间的轮次，默认今天；先到期的在前（工作人员）。")
	@GetMapping("/rounds")
	List<DutyRound> rounds(@RequestParam(required = false) String department, @RequestParam(required = false) String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletRequest request) {
		Caller.staff(request);
		OffsetDateTime today = Clock.now().toLocalDate().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
		List<FieldProblem> problems = new ArrayList<>();
		OffsetDateTime since = time(problems, "from", from, today);
		OffsetDateTime until = time(problems, "to", to, today.plusDays(1));
		if (status != null && !List.of(DutyRound.DUE, DutyRound.DONE, DutyRound.MISSED).contains(status)) {
			problems.add(new FieldProblem("status", "可选：due（待完成）、done（已完成）、missed（漏做）"));
		}
		if (department != null && !Groups.DEPARTMENTS.containsKey(department)) {
			problems.add(new FieldProblem("department", "可选：" + String.join("、", Groups.DEPARTMENTS.keySet())));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return rounds.find(department, status, since, until);
	}

	private WorkLogs.Entry validate(WorkLogRequest body, String recorder) {
		List<FieldProblem> problems = new ArrayList<>();
		Duty duty = fields.duty(problems, body.duty());
		fields.building(problems, body.building());
		TextRules.optional(problems, "location", body.location(), Lines.ONE, 200);
		TextRules.optional(problems, "notes", body.notes(), Lines.MANY, 2000);
		TextRules.optional(problems, "clientId", body.clientId(), Lines.ONE, 64);
		OffsetDateTime doneAt = doneAt(problems, body.doneAt());
		List<String> photos = body.photos() == null ? List.of() : body.photos();
		if (photos.size() > 10) {
			problems.add(new FieldProblem("photos", "最多 10 张照片"));
		}
		for (int i = 0; i < photos.size() && i < 10; i++) {
			String photo = photos.get(i);
			String problem = photo == null ? "不是已上传的照片编号" : uploads.photoProblem(photo, recorder);
			if (problem != null) {
				problems.add(new FieldProblem("photos[" + i + "]", problem));
			}
		}
		if (photos.stream().distinct().count() < photos.size()) {
			problems.add(new FieldProblem("photos", "同一张照片只能附一次"));
		}
		if (body.roundId() != null && duty != null) {
			DutyRound round = rounds.find(body.roundId()).orElse(null);
			if (round == null || !round.duty().equals(duty.code()) || !round.building().equals(body.building())) {
				problems.add(new FieldProblem("roundId", "不是" + duty.label() + "在该楼栋的轮次"));
			}
			else if (!DutyRound.DUE.equals(round.status())) {
				problems.add(new FieldProblem("roundId", "这一轮的状态是" + DutyRound.label(round.status()) + "，不能再记录"));
			}
			else if (doneAt != null && doneAt.isBefore(round.startsAt())) {
				problems.add(new FieldProblem("doneAt", "早于这一轮的开始时间"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new WorkLogs.Entry(duty, body.building(), TextRules.blankToNull(body.location()), doneAt,
				TextRules.blankToNull(body.notes()), photos, TextRules.blankToNull(body.clientId()), body.roundId());
	}

	private static OffsetDateTime doneAt(List<FieldProblem> problems, String text) {
		OffsetDateTime now = Clock.now();
		OffsetDateTime doneAt;
		try {
			doneAt = text == null ? null : OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException notIso) {
			doneAt = null;
		}
		if (doneAt == null) {
			problems.add(new FieldProblem("doneAt", "必填：完成时间，ISO-8601 含时区，如 2026-11-27T09:30+08:00"));
		}
		else if (doneAt.isAfter(now.plus(CLOCK_SKEW))) {
			problems.add(new FieldProblem("doneAt", "不能晚于现在"));
		}
		else if (doneAt.isBefore(now.minus(OLDEST))) {
			problems.add(new FieldProblem("doneAt", "不能早于 7 天前"));
		}
		return doneAt;
	}

	/** A query's time: ISO-8601 with offset, or a day (its start, estate time); the default when absent. */
	private static OffsetDateTime time(List<FieldProblem> problems, String field, String text, OffsetDateTime otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime()
					: OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException notIso) {
			problems.add(new FieldProblem(field, "应为日期 2026-11-27 或含时区的时间 2026-11-27T08:00+08:00"));
			return otherwise;
		}
	}

}
