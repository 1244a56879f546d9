package com.propdesk.report;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.notify.Notification;
import com.propdesk.notify.Notifications;
import com.propdesk.registry.Estate.Building;
import com.propdesk.registry.Estate.Resident;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.system.Clock;
import com.propdesk.system.Privileged;
import com.propdesk.system.Tokens;

/**
 * The monthly service reports: drafted per building from the month's figures, published by management with a note,
 * then told to the building's owners by SMS with the public link.
 */
@Service
public class MonthlyReports {

	public static final String DRAFT = "draft";

	public static final String PUBLISHED = "published";


	/**
	 * @param publicToken the page's unguessable token: staff see it only as {@link #publicPath} once published
	 */
	public record MonthlyReport(long id, String building, String buildingName, String month, String status,
			MonthlyFigures figures, String managerNote, OffsetDateTime draftedAt, OffsetDateTime publishedAt,
			String publishedBy, @JsonIgnore String publicToken, String processInstanceId) {

		public boolean published() {
			return PUBLISHED.equals(status);
		}

		/** Where owners read it: {@code /reports/{token}}, once published. */
		public String getPublicPath() {
			return published() ? "/reports/" + publicToken : null;
		}

		public String getStatusLabel() {
			return published() ? "已发布" : "待审核";
		}

	}

	private final JdbcTemplate jdbc;

	private final ReportData data;

	private final RegistryRepository registry;

	private final Notifications notifications;

	private final ObjectMapper json;

	private final Environment environment;

	private final RuntimeService runtime;

	private final ProcessEngineConfigurationImpl engine;

	MonthlyReports(JdbcTemplate jdbc, ReportData data, RegistryRepository registry, Notifications notifications,
			ObjectMapper json, Environment environment, RuntimeService runtime, ProcessEngineConfigurationImpl engine) {
		this.runtime = runtime;
		this.engine = engine;
		this.jdbc = jdbc;
		this.data = data;
		this.registry = registry;
		this.notifications = notifications;
		this.json = json;
		this.environment = environment;
	}

	/** Whether every building has its report of the month already (another draft would add nothing). */
	/**
	 * Starts {@code monthly-report} for a month that has ended, as the 1st of the month does: an internal process,
	 * so PropDesk starts it on the caller's behalf (history still names the caller); its process instance's id.
	 */
	String requestDrafts(YearMonth month) {
		return Privileged.run(engine, () -> runtime.startProcessInstanceByMessage(MonthlyReportProcess.DRAFT_REQUESTED,
				month.toString(), Map.of(MonthlyReportProcess.MONTH.name(), month.toString())).getId());
	}

	/** The month of the estate's earliest case or work log, estate time; empty before anything was recorded. */
	Optional<YearMonth> earliestMonth() {
		OffsetDateTime earliest = jdbc.queryForObject("select min(t) from (select min(created_at) t from case_record "
				+ "union all select min(done_at) t from work_log) first_records", OffsetDateTime.class);
		return Optional.ofNullable(earliest).map(t -> YearMonth.from(t.atZoneSameInstant(ReportData.ZONE)));
	}

	public boolean allDrafted(YearMonth month) {
		Integer drafted = jdbc.queryForObject("select count(*) from monthly_report where report_month = ?", Integer.class,
				month.toString());
		return drafted != null && drafted >= registry.buildings().size();
	}

	/**
	 * Drafts the month's report of every building that has none yet.
	 * @return the new reports' ids, in building order
	 */
	public List<String> draftAll(YearMonth month, String processInstanceId) {
		List<String> ids = new ArrayList<>();
		for (Building building : registry.buildings()) {
			if (find(building.code(), month).isEmpty()) {
				ids.add(String.valueOf(draft(building.code(), month, processInstanceId)));
			}
		}
		return ids;
	}

	long draft(String building, YearMonth month, String processInstanceId) {
		String figures = write(data.figures(building, month));
		jdbc.update("insert into monthly_report (building_code, report_month, status, figures, drafted_at, public_token, "
				+ "process_instance_id) values (?, ?, ?, ?, ?, ?, ?)", building, month.toString(), DRAFT, figures,
				Clock.now(), Tokens.random(), processInstanceId);
		return find(building, month).orElseThrow().id();
	}

	/** Publishes a draft with the manager's note; a report published already stays as it was. */
	public MonthlyReport publish(long id, String note, String actor) {
		jdbc.update("update monthly_report set status = ?, manager_note = ?, published_at = ?, published_by = ? "
				+ "where id = ? and status = ?", PUBLISHED, note == null || note.isBlank() ? null : note.trim(),
				Clock.now(), actor, id, DRAFT);
		return find(id).orElseThrow();
	}

	/**
	 * Tells the owners of the report's building by SMS, each resident once per report whatever happens again.
	 * @return how many were sent now
	 */
	public int tellOwners(MonthlyReport report) {
		// read at each call: the demo's address names the port the server got, known only once it listens
		String publicUrl = environment.getProperty("propdesk.public-url", "").strip().replaceAll("/+$", "");
		String text = "【翠湖花园物业】" + report.buildingName() + " " + ReportText.monthLabel(report.month())
				+ "服务报告已发布：保洁消杀、设备维护、报修与投诉处理情况，请查看 " + publicUrl + report.getPublicPath();
		int sent = 0;
		for (Resident resident : registry.residentsOfBuilding(report.building())) {
			if ("owner".equals(resident.role()) && notifications
					.send(new Notification("monthly-report:" + report.id(), Notification.Kind.SMS, resident.phone(), null, text))) {
				sent++;
			}
		}
		return sent;
	}

	public Optional<MonthlyReport> find(long id) {
		return jdbc.query(SELECT + "where r.id = ?", row(), id).stream().findFirst();
	}

	public Optional<MonthlyReport> find(String building, YearMonth month) {
		return jdbc.query(SELECT + "where r.building_code = ? and r.report_month = ?", row(), building, month.toString()).stream()
				.findFirst();
	}

	/** A published report by its public token; a draft is not public. */
	public Optional<MonthlyReport> published(String token) {
		return jdbc.query(SELECT + "where r.public_token = ? and r.status = ?", row(), token, PUBLISHED).stream().findFirst();
	}

	public List<MonthlyReport> search(String building, YearMonth month) {
		StringBuilder sql = new StringBuilder(SELECT + "where 1 = 1 ");
		List<Object> args = new ArrayList<>();
		if (building != null) {
			sql.append("and r.building_code = ? ");
			args.add(building);
		}
		if (month != null) {
			sql.append("and r.report_month = ? ");
			args.add(month.toString());
		}
		sql.append("order by r.report_month desc, r.building_code");
		return jdbc.query(sql.toString(), row(), args.toArray());
	}

	private static final String SELECT = "select r.*, b.name as building_name from monthly_report r "
			+ "join building b on b.code = r.building_code ";

	private RowMapper<MonthlyReport> row() {
		return (rs, i) -> new MonthlyReport(rs.getLong("id"), rs.getString("building_code"), rs.getString("building_name"),
				rs.getString("report_month"), rs.getString("status"), read(rs.getString("figures")), rs.getString("manager_note"),
				local(rs.getObject("drafted_at", OffsetDateTime.class)),
				local(rs.getObject("published_at", OffsetDateTime.class)), rs.getString("published_by"),
				rs.getString("public_token"), rs.getString("process_instance_id"));
	}

	private String write(MonthlyFigures figures) {
		try {
			return json.writeValueAsString(figures);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot write the figures of " + figures.building() + " " + figures.month(), e);
		}
	}

	private MonthlyFigures read(String figures) {
		try {
			return json.readValue(figures, MonthlyFigures.class);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot read a report's figures", e);
		}
	}


	private static OffsetDateTime local(OffsetDateTime time) {
		return time == null ? null : Clock.local(time);
	}

}
