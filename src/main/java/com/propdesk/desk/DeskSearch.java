package com.propdesk.desk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import com.propdesk.intake.ActorNames;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.CaseTypeDefinition;
import com.propdesk.intake.CaseTypes;
import com.propdesk.registry.Estate.Unit;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.system.Clock;

/** The desk's search over the estate's residents and the case table, and the caller's card of one unit. */
@Component
class DeskSearch {

	static final int PAGE_SIZE = 20;

	static final int RECENT_DAYS = 90;

	/** A resident who may be calling; the phone shows only its last four digits. */
	record Caller(String unit, String name, String phone, String role, boolean elderlyAlone, String specialNeeds) {
	}

	record CaseLine(String caseNo, String type, String typeLabel, String status, String statusLabel, String priority,
			OffsetDateTime created, String unit, String reporter, String reporterPhone) {
	}

	record Found(String q, List<Caller> callers, List<CaseLine> cases, int page, int pageSize, long total) {
	}

	record CallerCard(String unit, String building, List<Caller> household, List<CaseLine> openCases,
			List<CaseLine> recentCases, ReturnVisit lastReturnVisit) {
	}

	/** A return visit (回访) as its case's timeline recorded it: who called the owner, when, and what they heard. */
	record ReturnVisit(String caseNo, OffsetDateTime at, String actor, String actorName, String message) {
	}

	/** The timeline code of a return visit's outcome (the repair procedure writes it; the desk may not depend on it). */
	static final String RETURN_VISIT = "return-visit";

	private static final Map<String, String> STATUS_LABELS = Arrays.stream(CaseStatus.values())
			.collect(Collectors.toMap(CaseStatus::code, CaseStatus::label));

	private static final RowMapper<Caller> CALLER = (rs, i) -> new Caller(rs.getString("unit_code"), rs.getString("name"),
			SearchTerms.masked(rs.getString("phone")), rs.getString("role"), rs.getBoolean("elderly_alone"),
			rs.getString("special_needs"));

	private static final String CASE_COLUMNS = "select case_no, type, status, priority, created_at, unit_code, "
			+ "reporter_name, reporter_phone from case_record ";

	private final JdbcTemplate jdbc;

	private final RegistryRepository registry;

	private final RowMapper<CaseLine> caseLine;

	private final ActorNames actorNames;

	DeskSearch(JdbcTemplate jdbc, RegistryRepository registry, CaseTypes caseTypes, ActorNames actorNames) {
		this.actorNames = actorNames;
		this.jdbc = jdbc;
		this.registry = registry;
		this.caseLine = (rs, i) -> {
			String type = rs.getString("type");
			String status = rs.getString("status");
			return new CaseLine(rs.getString("case_no"), type, caseTypes.find(type).map(CaseTypeDefinition::label).orElse(type),
					status, STATUS_LABELS.getOrDefault(status, status), rs.getString("priority"),
					Clock.local(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("unit_code"),
					rs.getString("reporter_name"), SearchTerms.masked(rs.getString("reporter_phone")));
		};
	}

	Found search(String q, int page) {
		SearchTerms terms = SearchTerms.of(q);
		Optional<String> unit = unit(terms);

		List<String> caseWhere = new ArrayList<>(List.of("case_no = ?"));
		List<Object> caseArgs = new ArrayList<>(List.of(terms.caseNo()));
		List<String> residentWhere = new ArrayList<>();
		List<Object> residentArgs = new ArrayList<>();
		// 3-1201 is also five digits; once it names a unit it is not read as a phone number as well
		terms.lastFour().filter(tail -> unit.isEmpty()).ifPresent(tail -> {
			caseWhere.add("(reporter_phone_tail = ? and replace(replace(reporter_phone, '-', ''), ' ', '') like ?)");
			caseArgs.addAll(List.of(tail, "%" + terms.phoneDigits()));
			residentWhere.add("(phone_tail = ? and replace(replace(phone, '-', ''), ' ', '') like ?)");
			residentArgs.addAll(List.of(tail, "%" + terms.phoneDigits()));
		});
		unit.ifPresent(code -> {
			caseWhere.add("unit_code = ?");
			caseArgs.add(code);
			residentWhere.add("unit_code = ?");
			residentArgs.add(code);
		});
		if (terms.mayBeName() && unit.isEmpty()) {
			String like = "%" + terms.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			caseWhere.add("reporter_name like ? escape '\\'");
			caseArgs.add(like);
			residentWhere.add("name like ? escape '\\'");
			residentArgs.add(like);
		}

		List<Caller> callers = residentWhere.isEmpty() ? List.of()
				: jdbc.query("select * from resident where " + String.join(" or ", residentWhere)
						+ " order by unit_code, id limit " + PAGE_SIZE, CALLER, residentArgs.toArray());
		// one indexed look-up per reading of the text, joined: an OR across columns makes H2 read the whole table
		String matching = "(" + caseWhere.stream().map(c -> CASE_COLUMNS + "where " + c)
				.collect(Collectors.joining(" union ")) + ") found ";
		Long total = jdbc.queryForObject("select count(*) from " + matching, Long.class, caseArgs.toArray());
		List<CaseLine> cases = jdbc.query("select * from " + matching + "order by created_at desc, case_no desc limit "
				+ PAGE_SIZE + " offset " + (long) (page - 1) * PAGE_SIZE, caseLine, caseArgs.toArray());
		return new Found(terms.text(), callers, cases, page, PAGE_SIZE, total == null ? 0 : total);
	}

	Optional<CallerCard> card(String written) {
		return unit(SearchTerms.of(written)).flatMap(registry::unit).map(this::card);
	}

	private CallerCard card(Unit unit) {
		List<Caller> household = jdbc.query("select * from resident where unit_code = ? order by id", CALLER, unit.code());
		List<CaseLine> open = jdbc.query(CASE_COLUMNS + "where unit_code = ? and status not in ('closed', 'promoted') "
				+ "order by created_at desc, case_no desc limit 100", caseLine, unit.code());
		List<CaseLine> recent = jdbc.query(CASE_COLUMNS + "where unit_code = ? and created_at >= ? "
				+ "order by created_at desc, case_no desc limit 100", caseLine, unit.code(),
				Clock.now().minusDays(RECENT_DAYS));
		ReturnVisit visit = jdbc.query("select e.case_no, e.at, e.actor, e.message from case_event e "
				+ "join case_record c on c.case_no = e.case_no where c.unit_code = ? and e.kind = ? "
				+ "order by e.at desc, e.id desc limit 1", (rs, i) -> new ReturnVisit(rs.getString("case_no"),
						Clock.local(rs.getObject("at", OffsetDateTime.class)), rs.getString("actor"),
						actorNames.reader().nameOf(rs.getString("actor")), rs.getString("message")),
				unit.code(), RETURN_VISIT).stream().findFirst().orElse(null);
		return new CallerCard(unit.code(), unit.building(), household, open, recent, visit);
	}

	/** The estate's unit the text names: {@code 3-1201}, {@code 3-01201}, {@code 3栋1201}, {@code 3号楼1201}. */
	private Optional<String> unit(SearchTerms terms) {
		if (terms.building() != null) {
			return registry.findBuilding(terms.building())
					.flatMap(b -> registry.findUnit(b.code() + "-" + terms.door())).map(Unit::code);
		}
		if (terms.phoneDigits() != null && !terms.text().contains("-")) {
			return Optional.empty();
		}
		return registry.findUnit(terms.text()).map(Unit::code);
	}

}
