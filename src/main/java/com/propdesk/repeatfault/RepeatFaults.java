package com.propdesk.repeatfault;

import java.sql.PreparedStatement;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

import com.propdesk.intake.ActorNames;
import com.propdesk.intake.CaseStatus;
import com.propdesk.repair.RepairCaseType;
import com.propdesk.repeatfault.RepeatFaultRules.Repair;
import com.propdesk.repeatfault.RepeatFaultRules.Scope;
import com.propdesk.repeatfault.RepeatFaultRules.Subject;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.Privileged;
import com.propdesk.system.TextRules;

/**
 * Repeat faults (重复报修): found among the repairs as they are classified and once over the archive at start-up, kept
 * in repeat_fault with their cases (one open flag per subject), each open one worked by a {@code repeat-fault} process,
 * and read by the API and the monthly report.
 */
@Service
public class RepeatFaults {

	private static final Logger LOG = LoggerFactory.getLogger(RepeatFaults.class);

	static final String OPEN = "open";

	static final String CLOSED = "closed";

	static final Map<String, String> STATUSES = Map.of(OPEN, "待处理", CLOSED, "已关闭");

	static final Map<String, String> MEASURES = Map.of(RepeatFaultProcess.MEASURE_DUTY, "安排定期工作",
			RepeatFaultProcess.MEASURE_REPAIR, "维修根源");

	/** What a flag found in the archive says, when its repairs ended before anyone watched for repeats. */
	static final String ARCHIVE_NOTE = "存档扫描发现：此重复报修发生在监测启用之前，当时未记录预防措施";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	/** Repairs that count: not promoted to an emergency, not a drill, not itself the repair of a repeat fault's cause. */
	private static final String REPAIRS = "select case_no, created_at, building_code, unit_code, category from case_record c "
			+ "where type = 'repair' and status <> 'promoted' and drill = false and not exists (select 1 from repeat_fault f "
			+ "where f.measure = 'repair' and f.measure_ref = c.case_no)";

	private static final RowMapper<Repair> REPAIR = (rs, i) -> new Repair(rs.getString("case_no"),
			Clock.local(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("building_code"),
			rs.getString("unit_code"), rs.getString("category"));

	/** One flag's cases as the form and the API list them. */
	public record FlaggedCase(String caseNo, OffsetDateTime reportedAt, String unit, String category, String categoryLabel,
			String description, String status, String statusLabel, String workDone, String technician) {
	}

	/** A repeat fault with its cases and measure. */
	public record RepeatFault(long id, String scope, String scopeLabel, String building, String unit, String category,
			String categoryLabel, String subject, OffsetDateTime flaggedAt, String status, String statusLabel, String measure,
			String measureLabel, String measureRef, String measureNote, String decidedBy, OffsetDateTime decidedAt,
			OffsetDateTime closedAt, String processInstanceId, List<FlaggedCase> cases) {
	}

	private final JdbcTemplate jdbc;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ProcessEngineConfigurationImpl engine;

	private final ActorNames actorNames;

	RepeatFaults(JdbcTemplate jdbc, RuntimeService runtime, RepositoryService repository, ProcessEngineConfigurationImpl engine,
			ActorNames actorNames) {
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.repository = repository;
		this.engine = engine;
		this.actorNames = actorNames;
	}

	/**
	 * A repair was classified (its category is final): it joins its subject's open flag, or, as the third repair of
	 * its subject within 90 days not yet in a flag, opens one and starts its process.
	 */
	void repairClassified(String caseNo) {
		Optional<Repair> found = jdbc.query(REPAIRS + " and case_no = ?", REPAIR, caseNo).stream().findFirst();
		Optional<Subject> subject = found.flatMap(RepeatFaultRules::subject);
		if (subject.isEmpty()) {
			return;
		}
		Repair repair = found.get();
		Optional<Long> open = openFlag(subject.get());
		if (open.isPresent()) {
			// its task's form lists the flag's repairs when it is opened (RepeatFaultFormFacts): joining is a row
			addCases(open.get(), List.of(repair));
			return;
		}
		Set<String> flagged = flaggedCases(subject.get());
		List<Repair> candidates = jdbc.query(REPAIRS + " and building_code = ? and created_at >= ? and created_at <= ?", REPAIR,
				repair.building(), repair.at().minus(RepeatFaultRules.WINDOW), repair.at()).stream()
				.filter(r -> subject.equals(RepeatFaultRules.subject(r)) && !flagged.contains(r.caseNo())).toList();
		List<Repair> cases = RepeatFaultRules.newFlag(candidates, repair);
		if (!cases.isEmpty()) {
			open(subject.get(), cases, Clock.now());
		}
	}

	/**
	 * Looks for repeat faults in every repair kept, as if they had been watched from the start: a pattern whose last
	 * repair is within the last 90 days opens a flag with its process (unless its subject has one open); an older one
	 * is recorded closed, with no measure, so that monthly reports show it. Idempotent: a pattern whose repairs are in a
	 * flag of its subject is known, and only its newer repairs join that flag while it is open.
	 */
	public int scanArchive() {
		OffsetDateTime now = Clock.now();
		int flagged = 0;
		for (var entry : RepeatFaultRules.bySubject(jdbc.query(REPAIRS, REPAIR)).entrySet()) {
			Subject subject = entry.getKey();
			Map<String, Long> flagOfCase = flagOfCase(subject);
			for (List<Repair> episode : RepeatFaultRules.episodes(entry.getValue())) {
				Optional<Long> known = episode.stream().map(r -> flagOfCase.get(r.caseNo())).filter(id -> id != null).findFirst();
				if (known.isPresent()) {
					if (openFlag(subject).equals(known)) {
						addCases(known.get(), episode.stream().filter(r -> !flagOfCase.containsKey(r.caseNo())).toList());
					}
					continue;
				}
				OffsetDateTime third = episode.get(RepeatFaultRules.REPEATS - 1).at();
				OffsetDateTime quiet = episode.get(episode.size() - 1).at().plus(RepeatFaultRules.WINDOW);
				if (quiet.isAfter(now) && openFlag(subject).isEmpty()) {
					open(subject, episode, third);
				}
				else {
					long id = insert(subject, null, third, CLOSED);
					jdbc.update("update repeat_fault set measure_note = ?, closed_at = ? where id = ?", ARCHIVE_NOTE,
							quiet.isAfter(now) ? now : quiet, id);
					addCases(id, episode);
				}
				flagged++;
			}
		}
		return flagged;
	}

	private void open(Subject subject, List<Repair> cases, OffsetDateTime flaggedAt) {
		long id = insert(subject, subject.key(), flaggedAt, OPEN);
		addCases(id, cases);
		if (repository.createProcessDefinitionQuery().processDefinitionKey(RepeatFaultProcess.KEY).count() == 0) {
			LOG.warn("Repeat fault {} ({}) flagged, but process {} is not deployed", id, subject.key(), RepeatFaultProcess.KEY);
			return;
		}
		Repair latest = cases.get(cases.size() - 1);
		Map<String, Object> variables = new HashMap<>();
		variables.put(RepeatFaultProcess.REPEAT_FAULT_ID.name(), (int) id);
		variables.put(CaseVariables.CASE_NO.name(), latest.caseNo());
		variables.put(CaseVariables.BUILDING.name(), subject.building());
		variables.put(CaseVariables.UNIT.name(), subject.unit());
		variables.put(CaseVariables.DESCRIPTION.name(), RepeatFaultRules.summary(subject));
		variables.put(RepeatFaultProcess.DUTY_BUILDING.name(), subject.building());
		variables.put(RepeatFaultProcess.REPAIR_CATEGORY.name(), subject.category() != null ? subject.category() : latest.category());
		// PropDesk starts its internal process on its own account, whoever's repair found the repeat
		String instance = Privileged.run(engine,
				() -> runtime.startProcessInstanceByKey(RepeatFaultProcess.KEY, "repeat-fault-" + id, variables).getId());
		jdbc.update("update repeat_fault set process_instance_id = ? where id = ?", instance, id);
	}

	private long insert(Subject subject, String openSubject, OffsetDateTime flaggedAt, String status) {
		return inserted("insert into repeat_fault (scope, building_code, unit_code, category, open_subject, flagged_at, status) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", subject.scope().code, subject.building(), subject.unit(), subject.category(),
				openSubject, flaggedAt, status);
	}

	private long inserted(String sql, Object... arguments) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			PreparedStatement statement = connection.prepareStatement(sql, new String[] { "id" });
			new ArgumentPreparedStatementSetter(arguments).setValues(statement);
			return statement;
		}, key);
		return key.getKey().longValue();
	}

	private void addCases(long id, List<Repair> cases) {
		for (Repair repair : cases) {
			jdbc.update("insert into repeat_fault_case (repeat_fault_id, case_no) select ?, ? where not exists "
					+ "(select 1 from repeat_fault_case where repeat_fault_id = ? and case_no = ?)", id, repair.caseNo(), id,
					repair.caseNo());
		}
	}

	private Optional<Long> openFlag(Subject subject) {
		return jdbc.queryForList("select id from repeat_fault where open_subject = ?", Long.class, subject.key()).stream()
				.findFirst();
	}

	private Map<String, Long> flagOfCase(Subject subject) {
		Map<String, Long> flags = new HashMap<>();
		jdbc.query("select f.id, f.scope, f.building_code, f.unit_code, f.category, c.case_no from repeat_fault f "
				+ "join repeat_fault_case c on c.repeat_fault_id = f.id where f.building_code = ?", rs -> {
					Subject of = new Subject(Scope.of(rs.getString("scope")), rs.getString("building_code"),
							rs.getString("unit_code"), rs.getString("category"));
					if (of.equals(subject)) {
						flags.put(rs.getString("case_no"), rs.getLong("id"));
					}
				}, subject.building());
		return flags;
	}

	private Set<String> flaggedCases(Subject subject) {
		return flagOfCase(subject).keySet();
	}

	/**
	 * What the form's list holds (once a variable in the engine's text column): a flag that keeps growing lists its
	 * newest repairs and how many older ones the API shows.
	 */
	static final int CASES_TEXT = 3900;

	/**
	 * What 制定预防措施 shows of the flag when it is opened ({@link RepeatFaultFormFacts}): its latest repair in the
	 * header, its summary counting every repair that joined it, and those repairs as they stand.
	 */
	Map<String, Object> formFacts(long id) {
		List<FlaggedCase> cases = cases(id);
		if (cases.isEmpty()) {
			return Map.of();
		}
		return Map.of(CaseVariables.CASE_NO.name(), cases.get(cases.size() - 1).caseNo(),
				CaseVariables.DESCRIPTION.name(), RepeatFaultRules.summary(subject(id), cases.size()),
				RepeatFaultProcess.CASES.name(), casesText(cases));
	}

	/** The flag's repairs as the task's form lists them, one line each, oldest first, the newest that fit. */
	private static String casesText(List<FlaggedCase> cases) {
		List<String> lines = new ArrayList<>(cases.stream().map(c -> String.join(" · ", List.of(c.caseNo(),
				DAY.format(c.reportedAt()), c.unit() == null ? "公共区域" : c.unit(), c.categoryLabel(),
				TextRules.shorten(c.description(), 80), c.workDone() != null ? TextRules.shorten(c.workDone(), 120) : c.statusLabel(),
				"技师：" + (c.technician() == null ? "—" : c.technician())))).toList());
		return RepeatFaultRules.fitted(lines, CASES_TEXT);
	}

	List<FlaggedCase> cases(long id) {
		ActorNames.Reader names = actorNames.reader();
		return jdbc.query("select r.case_no, r.created_at, r.unit_code, r.category, r.description, r.status, "
				+ "(select max(e.id) from case_event e where e.case_no = r.case_no and e.kind = 'repaired') as repaired "
				+ "from repeat_fault_case c join case_record r on r.case_no = c.case_no where c.repeat_fault_id = ? "
				+ "order by r.created_at, r.case_no", (rs, i) -> {
					String workDone = null;
					String technician = null;
					long repaired = rs.getLong("repaired");
					if (!rs.wasNull()) {
						Map<String, Object> line = jdbc.queryForMap("select actor, message from case_event where id = ?", repaired);
						workDone = (String) line.get("message");
						technician = names.nameOf((String) line.get("actor"));
					}
					String status = rs.getString("status");
					return new FlaggedCase(rs.getString("case_no"), Clock.local(rs.getObject("created_at", OffsetDateTime.class)),
							rs.getString("unit_code"), rs.getString("category"),
							RepairCaseType.CATEGORIES.getOrDefault(rs.getString("category"), rs.getString("category")),
							rs.getString("description"), status, statusLabel(status), workDone, technician);
				}, id);
	}

	private static String statusLabel(String code) {
		return Arrays.stream(CaseStatus.values()).filter(s -> s.code().equals(code)).map(CaseStatus::label).findFirst()
				.orElse(code);
	}

	/** The subject's key, building and latest case of a flag, for the steps of its process. */
	Subject subject(long id) {
		return jdbc.queryForObject("select scope, building_code, unit_code, category from repeat_fault where id = ?",
				(rs, i) -> new Subject(Scope.of(rs.getString("scope")), rs.getString("building_code"), rs.getString("unit_code"),
						rs.getString("category")), id);
	}

	/** Management chose the measure: what, which record carries it out, who decided and when. */
	void decided(long id, String measure, String reference, String note, String decidedBy) {
		jdbc.update("update repeat_fault set measure = ?, measure_ref = ?, measure_note = ?, decided_by = ?, decided_at = ? "
				+ "where id = ?", measure, reference, note, decidedBy, Clock.now(), id);
	}

	/** The measure is done: the flag closes and its subject may be flagged again by three new repairs. */
	void close(long id) {
		jdbc.update("update repeat_fault set status = ?, open_subject = null, closed_at = ? where id = ? and status = ?", CLOSED,
				Clock.now(), id, OPEN);
	}


	/** Repeat faults, newest first: by status ({@code open}, {@code closed}) and building when given. */
	public List<RepeatFault> list(String status, String building) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> arguments = new ArrayList<>();
		if (status != null) {
			where.append(" and status = ?");
			arguments.add(status);
		}
		if (building != null) {
			where.append(" and building_code = ?");
			arguments.add(building);
		}
		return query(where + " order by flagged_at desc, id desc", arguments.toArray());
	}

	public Optional<RepeatFault> find(long id) {
		return query(" where id = ?", id).stream().findFirst();
	}

	/**
	 * A building's repeat faults flagged in the month or open during it, with their cases and measure, oldest first:
	 * what the monthly service report shows.
	 */
	public List<RepeatFault> ofBuildingInMonth(String building, YearMonth month) {
		ZoneId zone = ZoneId.systemDefault();
		OffsetDateTime start = month.atDay(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toOffsetDateTime();
		OffsetDateTime end = month.plusMonths(1).atDay(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toOffsetDateTime();
		return query(" where building_code = ? and flagged_at < ? and (closed_at is null or closed_at >= ?) order by flagged_at, id",
				building, end, start);
	}

	private List<RepeatFault> query(String where, Object... arguments) {
		List<RepeatFault> found = jdbc.query("select * from repeat_fault" + where, (rs, i) -> {
			Scope scope = Scope.of(rs.getString("scope"));
			Subject subject = new Subject(scope, rs.getString("building_code"), rs.getString("unit_code"), rs.getString("category"));
			String category = rs.getString("category");
			String status = rs.getString("status");
			String measure = rs.getString("measure");
			return new RepeatFault(rs.getLong("id"), scope.code, scope.label, subject.building(), subject.unit(), category,
					category == null ? null : RepairCaseType.CATEGORIES.getOrDefault(category, category), subject.label(),
					Clock.local(rs.getObject("flagged_at", OffsetDateTime.class)), status, STATUSES.getOrDefault(status, status),
					measure, measure == null ? null : MEASURES.getOrDefault(measure, measure), rs.getString("measure_ref"),
					rs.getString("measure_note"), rs.getString("decided_by"), local(rs.getObject("decided_at", OffsetDateTime.class)),
					local(rs.getObject("closed_at", OffsetDateTime.class)), rs.getString("process_instance_id"), List.of());
		}, arguments);
		Map<Long, RepeatFault> withCases = new LinkedHashMap<>();
		for (RepeatFault f : found) {
			withCases.put(f.id(), new RepeatFault(f.id(), f.scope(), f.scopeLabel(), f.building(), f.unit(), f.category(),
					f.categoryLabel(), f.subject(), f.flaggedAt(), f.status(), f.statusLabel(), f.measure(), f.measureLabel(),
					f.measureRef(), f.measureNote(), f.decidedBy(), f.decidedAt(), f.closedAt(), f.processInstanceId(), cases(f.id())));
		}
		return List.copyOf(withCases.values());
	}

	private static OffsetDateTime local(OffsetDateTime time) {
		return time == null ? null : Clock.local(time);
	}

}
