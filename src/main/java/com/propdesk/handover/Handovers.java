package com.propdesk.handover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.propdesk.handover.ShiftChanges.EndingShift;
import com.propdesk.intake.ActorNames;
import com.propdesk.intake.CaseTypes;
import com.propdesk.security.Groups;
import com.propdesk.sla.SlaNames;
import com.propdesk.system.Clock;
import com.propdesk.worklog.Duty;

/**
 * Shift handovers: the snapshot of live data prepared at a shift change (what the incoming shift takes over), who
 * handed over and acknowledged it and when, the outgoing shift's notes and the questions asked back.
 */
@Service
public class Handovers {

	/** Kinds of item, in the order a handover lists them. */
	public static final Map<String, String> KINDS = Map.of("emergency", "紧急事件", "case", "未办结事项", "breach", "本班超时",
			"special-need", "住户特殊需要", "missed-round", "漏做的例行工作");

	static final Map<String, String> STATUSES = Map.of("prepared", "待交班", "handed-over", "待接班", "acknowledged", "已接班");

	/** What a Camunda string variable holds; the full list is always in the handover itself. */
	static final int SUMMARY_LIMIT = 3800;

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private final JdbcTemplate jdbc;

	private final TaskService tasks;

	private final ActorNames actorNames;

	private final CaseTypes caseTypes;

	private final ShiftChanges shifts;

	Handovers(JdbcTemplate jdbc, TaskService tasks, ActorNames actorNames, CaseTypes caseTypes, ShiftChanges shifts) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.actorNames = actorNames;
		this.caseTypes = caseTypes;
		this.shifts = shifts;
	}

	public record Item(long id, int position, String kind, String kindLabel, String caseNo, String title, String detail,
			OffsetDateTime dueAt, String holder) {
	}

	public record Question(long id, long itemId, String itemTitle, String askedBy, String askedByName, OffsetDateTime askedAt,
			String question, String answeredBy, String answeredByName, OffsetDateTime answeredAt, String answer) {
	}

	public record Handover(long id, LocalDate date, String shift, String shiftLabel, OffsetDateTime shiftStart,
			OffsetDateTime changedAt, OffsetDateTime preparedAt, String status, String statusLabel, String handedOverBy,
			String handedOverByName, OffsetDateTime handedOverAt, String notes, String acknowledgedBy,
			String acknowledgedByName, OffsetDateTime acknowledgedAt, OffsetDateTime escalatedAt, List<Item> items,
			List<Question> questions) {
	}

	/**
	 * Prepares the handover of the shift that ended at the last change at or before now, from live data; a second
	 * call for the same shift finds the first handover.
	 */
	@Transactional
	public long prepare(String processInstanceId) {
		OffsetDateTime now = Clock.now();
		EndingShift shift = shifts.endingAt(now);
		Optional<Long> existing = jdbc.queryForList("select id from shift_handover where shift_date = ? and shift = ?",
				Long.class, shift.date(), shift.shift()).stream().findFirst();
		if (existing.isPresent()) {
			return existing.get();
		}
		OffsetDateTime since = jdbc.queryForList("select max(changed_at) from shift_handover where changed_at < ?",
				OffsetDateTime.class, shift.end()).stream().filter(t -> t != null).findFirst().orElse(shift.start());
		var key = new GeneratedKeyHolder();
		jdbc.update(c -> {
			var s = c.prepareStatement("insert into shift_handover (shift_date, shift, shift_start, changed_at, prepared_at, "
					+ "status, process_instance_id) values (?, ?, ?, ?, ?, 'prepared', ?)", new String[] { "id" });
			s.setObject(1, shift.date());
			s.setString(2, shift.shift());
			s.setObject(3, shift.start());
			s.setObject(4, shift.end());
			s.setObject(5, now);
			s.setString(6, processInstanceId);
			return s;
		}, key);
		long id = key.getKey().longValue();
		int position = 0;
		for (Draft item : snapshot(shift, since)) {
			jdbc.update("insert into shift_handover_item (handover_id, position, kind, case_no, title, detail, due_at, holder) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?)", id, ++position, item.kind(), item.caseNo(), cut(item.title(), 200),
					cut(item.detail(), 1000), item.dueAt(), cut(item.holder(), 200));
		}
		return id;
	}

	record Draft(String kind, String caseNo, String title, String detail, OffsetDateTime dueAt, String holder) {
	}

	/**
	 * What is unfinished at the change: open emergencies first, then the other open cases by their next due time,
	 * the ending shift's breaches, special needs noted since the last handover and the ending shift's missed rounds.
	 */
	List<Draft> snapshot(EndingShift shift, OffsetDateTime since) {
		List<Draft> drafts = new ArrayList<>();
		List<Map<String, Object>> open = jdbc.queryForList("select c.case_no, c.type, c.unit_code, c.building_code, "
				+ "c.description, c.process_instance_id, (select min(k.due_at) from sla_clock k where k.case_no = c.case_no "
				+ "and k.met_at is null and k.stopped_at is null) next_due from case_record c "
				+ "where c.status not in ('closed', 'promoted')");
		open = new ArrayList<>(open);
		open.sort(java.util.Comparator.comparing((Map<String, Object> row) -> "emergency".equals(row.get("type")) ? 0 : 1)
				.thenComparing(row -> toTime(row.get("next_due")), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
				.thenComparing(row -> (String) row.get("case_no")));
		Map<String, String> holders = holders(open.stream().map(row -> (String) row.get("process_instance_id"))
				.filter(p -> p != null).toList());
		for (Map<String, Object> row : open) {
			String type = (String) row.get("type");
			boolean emergency = "emergency".equals(type);
			String caseNo = (String) row.get("case_no");
			String where = row.get("unit_code") != null ? (String) row.get("unit_code")
					: row.get("building_code") != null ? row.get("building_code") + "号楼" : "";
			String typeLabel = caseTypes.find(type).map(t -> t.label()).orElse(type);
			OffsetDateTime due = Clock.local(toTime(row.get("next_due")));
			drafts.add(new Draft(emergency ? "emergency" : "case", caseNo,
					(emergency ? "【紧急】" : "") + caseNo + " " + typeLabel + (where.isEmpty() ? "" : " " + where),
					(String) row.get("description"), due, holders.getOrDefault((String) row.get("process_instance_id"), "")));
		}
		jdbc.query("select case_no, sla, due_at, breached_at, escalated_to from sla_clock where breached_at >= ? "
				+ "and breached_at < ? order by breached_at, case_no", (ResultSet rs) -> {
					String sla = SlaNames.LABELS.getOrDefault(rs.getString("sla"), rs.getString("sla"));
					OffsetDateTime breached = Clock.local(rs.getObject("breached_at", OffsetDateTime.class));
					drafts.add(new Draft("breach", rs.getString("case_no"), rs.getString("case_no") + " " + sla + "超时",
							"应于 " + shown(Clock.local(rs.getObject("due_at", OffsetDateTime.class))) + " 前完成，"
									+ shown(breached) + " 记录超时"
									+ (rs.getString("escalated_to") == null ? "" : "，已升级" + Groups.label(rs.getString("escalated_to"))),
							Clock.local(rs.getObject("due_at", OffsetDateTime.class)), null));
				}, shift.start(), shift.end());
		jdbc.query("select unit_code, name, phone, special_needs, special_needs_noted_at from resident "
				+ "where special_needs is not null and special_needs <> '' and special_needs_noted_at > ? "
				+ "and special_needs_noted_at <= ? order by special_needs_noted_at, id", (ResultSet rs) -> {
					drafts.add(new Draft("special-need", null, rs.getString("unit_code") + " " + rs.getString("name") + " 特殊需要",
							rs.getString("special_needs") + "（" + shown(Clock.local(rs.getObject("special_needs_noted_at",
									OffsetDateTime.class))) + " 登记，电话 " + rs.getString("phone") + "）", null, null));
				}, since, shift.end());
		jdbc.query("select p.duty, p.building_code, p.location, p.department, p.contractor, r.starts_at, r.due_at "
				+ "from duty_round r join duty_plan p on p.id = r.plan_id where r.status = 'missed' and r.due_at >= ? "
				+ "and r.due_at < ? order by r.due_at, r.id", (ResultSet rs) -> {
					String duty = Duty.ofCode(rs.getString("duty")).map(Duty::label).orElse(rs.getString("duty"));
					OffsetDateTime due = Clock.local(rs.getObject("due_at", OffsetDateTime.class));
					drafts.add(new Draft("missed-round", null, rs.getString("building_code") + "号楼 " + duty + " 漏做",
							(rs.getString("location") == null ? "" : rs.getString("location") + "，")
									+ shown(Clock.local(rs.getObject("starts_at", OffsetDateTime.class))) + "–" + shown(due)
									+ "，" + Groups.label(rs.getString("department"))
									+ (rs.getString("contractor") == null ? "" : "（" + rs.getString("contractor") + "）"),
							due, Groups.label(rs.getString("department"))));
				}, shift.start(), shift.end());
		return drafts;
	}

	/** Who has each case now: its open tasks' assignees, else their candidate groups, by Chinese name. */
	private Map<String, String> holders(List<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return Map.of();
		}
		ActorNames.Reader names = actorNames.reader();
		Map<String, List<String>> byInstance = new LinkedHashMap<>();
		for (int from = 0; from < processInstanceIds.size(); from += 500) {
			List<String> chunk = processInstanceIds.subList(from, Math.min(from + 500, processInstanceIds.size()));
			for (Task task : tasks.createTaskQuery().processInstanceIdIn(chunk.toArray(String[]::new)).list()) {
				List<String> who = new ArrayList<>();
				if (task.getAssignee() != null) {
					who.add(names.nameOf(task.getAssignee()));
				}
				else {
					for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
						if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
							who.add(Groups.label(link.getGroupId()));
						}
					}
				}
				byInstance.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>()).addAll(who);
			}
		}
		return byInstance.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
				e -> e.getValue().stream().distinct().collect(Collectors.joining("、"))));
	}

	/** The items as the forms show them: one numbered line each, the due time and who has it. */
	public String summary(long id) {
		StringBuilder text = new StringBuilder();
		List<Item> items = items(id);
		if (items.isEmpty()) {
			return "本班没有需要交接的事项。";
		}
		for (Item item : items) {
			// an emergency's title carries its own mark
			String line = item.position() + ". " + ("emergency".equals(item.kind()) ? "" : "[" + item.kindLabel() + "] ") + item.title()
					+ (item.dueAt() == null || !"case".equals(item.kind()) && !"emergency".equals(item.kind()) ? ""
							: "｜下一时限 " + shown(item.dueAt()))
					+ (item.holder() == null || item.holder().isBlank() ? "" : "｜经办 " + item.holder())
					+ (item.detail() == null || item.detail().isBlank() ? "" : "\n   " + item.detail()) + "\n";
			if (text.length() + line.length() > SUMMARY_LIMIT) {
				text.append("……另有 ").append(items.size() - item.position() + 1).append(" 项，完整清单见交接记录 #").append(id);
				break;
			}
			text.append(line);
		}
		return text.toString().strip();
	}

	@Transactional
	public void handedOver(long id, String by, String notes) {
		jdbc.update("update shift_handover set status = 'handed-over', handed_over_by = ?, handed_over_at = ?, notes = ? "
				+ "where id = ?", by, Clock.now(), notes == null || notes.isBlank() ? null : cut(notes, 2000), id);
	}

	@Transactional
	public void acknowledged(long id, String by) {
		jdbc.update("update shift_handover set status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ? where id = ?",
				by, Clock.now(), id);
	}

	@Transactional
	public void escalated(long id) {
		jdbc.update("update shift_handover set escalated_at = ? where id = ? and escalated_at is null", Clock.now(), id);
	}

	@Transactional
	public long ask(long id, long itemId, String by, String question) {
		var key = new GeneratedKeyHolder();
		jdbc.update(c -> {
			var s = c.prepareStatement("insert into shift_handover_question (handover_id, item_id, asked_by, asked_at, question) "
					+ "values (?, ?, ?, ?, ?)", new String[] { "id" });
			s.setLong(1, id);
			s.setLong(2, itemId);
			s.setString(3, by);
			s.setObject(4, Clock.now());
			s.setString(5, cut(question, 1000));
			return s;
		}, key);
		return key.getKey().longValue();
	}

	/** Answers the handover's open question. */
	@Transactional
	public void answer(long id, String by, String answer) {
		jdbc.update("update shift_handover_question set answered_by = ?, answered_at = ?, answer = ? "
				+ "where handover_id = ? and answered_by is null", by, Clock.now(), cut(answer, 1000), id);
	}

	/** Questions and answers so far, as the acknowledge form shows them. */
	public String answers(long id) {
		return questions(id).stream().map(q -> "问（" + q.itemTitle() + "）：" + q.question() + "\n答："
				+ (q.answer() == null ? "（待答复）" : q.answer() + "（" + q.answeredByName() + "）")).collect(Collectors.joining("\n"));
	}

	public Optional<Item> item(long handoverId, long itemId) {
		return items(handoverId).stream().filter(i -> i.id() == itemId).findFirst();
	}

	public List<Item> items(long id) {
		return jdbc.query("select * from shift_handover_item where handover_id = ? order by position", ITEM, id);
	}

	public List<Question> questions(long id) {
		ActorNames.Reader names = actorNames.reader();
		return jdbc.query("select q.*, i.title from shift_handover_question q join shift_handover_item i on i.id = q.item_id "
				+ "where q.handover_id = ? order by q.id", (rs, n) -> new Question(rs.getLong("id"), rs.getLong("item_id"),
						rs.getString("title"), rs.getString("asked_by"), names.nameOf(rs.getString("asked_by")),
						time(rs, "asked_at"), rs.getString("question"), rs.getString("answered_by"),
						names.nameOf(rs.getString("answered_by")), time(rs, "answered_at"), rs.getString("answer")), id);
	}

	public Optional<Handover> find(long id) {
		return jdbc.query("select * from shift_handover where id = ?", (rs, n) -> handover(rs, true), id).stream().findFirst();
	}

	/** The handovers of a day (the day the handing-over shift started), optionally of one shift, without their items. */
	public List<Handover> list(LocalDate date, String shift) {
		if (shift == null) {
			return jdbc.query("select * from shift_handover where shift_date = ? order by changed_at",
					(rs, n) -> handover(rs, false), date);
		}
		return jdbc.query("select * from shift_handover where shift_date = ? and shift = ? order by changed_at",
				(rs, n) -> handover(rs, false), date, shift);
	}

	private Handover handover(ResultSet rs, boolean full) throws SQLException {
		ActorNames.Reader names = actorNames.reader();
		long id = rs.getLong("id");
		String shift = rs.getString("shift");
		String status = rs.getString("status");
		return new Handover(id, rs.getObject("shift_date", LocalDate.class), shift, ShiftChanges.label(shift),
				time(rs, "shift_start"), time(rs, "changed_at"), time(rs, "prepared_at"), status, STATUSES.get(status),
				rs.getString("handed_over_by"), names.nameOf(rs.getString("handed_over_by")), time(rs, "handed_over_at"),
				rs.getString("notes"), rs.getString("acknowledged_by"), names.nameOf(rs.getString("acknowledged_by")),
				time(rs, "acknowledged_at"), time(rs, "escalated_at"), full ? items(id) : null, full ? questions(id) : null);
	}

	private static final RowMapper<Item> ITEM = (rs, n) -> new Item(rs.getLong("id"), rs.getInt("position"),
			rs.getString("kind"), KINDS.get(rs.getString("kind")), rs.getString("case_no"), rs.getString("title"),
			rs.getString("detail"), time(rs, "due_at"), rs.getString("holder"));

	private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
		return Clock.local(rs.getObject(column, OffsetDateTime.class));
	}

	private static OffsetDateTime toTime(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof OffsetDateTime time) {
			return time;
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return OffsetDateTime.ofInstant(timestamp.toInstant(), java.time.ZoneId.systemDefault());
		}
		if (value instanceof java.time.Instant instant) {
			return OffsetDateTime.ofInstant(instant, java.time.ZoneId.systemDefault());
		}
		return OffsetDateTime.parse(value.toString());
	}

	static String shown(OffsetDateTime time) {
		return time == null ? "" : SHOWN.format(time);
	}

	private static String cut(String text, int max) {
		if (text == null || text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
	}

}
