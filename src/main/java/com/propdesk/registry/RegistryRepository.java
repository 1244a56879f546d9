package com.propdesk.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.propdesk.registry.Estate.Building;
import com.propdesk.registry.Estate.Resident;
import com.propdesk.registry.Estate.Technician;
import com.propdesk.registry.Estate.Unit;
import com.propdesk.registry.Estate.Zone;
import com.propdesk.system.Clock;

/** Reads and writes the estate. Other packages read it through here; only the registry API writes. */
@Repository
public class RegistryRepository {

	private static final RowMapper<Zone> ZONE = (rs, i) -> new Zone(rs.getString("code"), rs.getString("name"));

	private static final RowMapper<Building> BUILDING = (rs, i) -> new Building(rs.getString("code"),
			rs.getString("name"), rs.getString("zone_code"), rs.getDouble("plan_x"), rs.getDouble("plan_y"));

	private static final RowMapper<Unit> UNIT = (rs, i) -> new Unit(rs.getString("code"),
			rs.getString("building_code"), rs.getInt("floor"));

	private static final RowMapper<Resident> RESIDENT = (rs, i) -> new Resident(rs.getLong("id"),
			rs.getString("unit_code"), rs.getString("name"), rs.getString("phone"), rs.getString("role"),
			rs.getBoolean("elderly_alone"), rs.getString("special_needs"));

	private static final RowMapper<Technician> TECHNICIAN = (rs, i) -> new Technician(rs.getString("username"),
			rs.getString("name"), rs.getString("department"), Arrays.asList(rs.getString("skills").split(",")),
			rs.getString("zone_code"), rs.getString("base_building"), Shift.valueOf(rs.getString("shift")),
			rs.getBoolean("active"));

	private final JdbcTemplate jdbc;

	RegistryRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Zone> zones() {
		return jdbc.query("select * from zone order by code", ZONE);
	}

	public Optional<Zone> zone(String code) {
		return jdbc.query("select * from zone where code = ?", ZONE, code).stream().findFirst();
	}

	public void save(Zone zone) {
		if (jdbc.update("update zone set name = ? where code = ?", zone.name(), zone.code()) == 0) {
			jdbc.update("insert into zone (code, name) values (?, ?)", zone.code(), zone.name());
		}
	}

	public List<Building> buildings() {
		return jdbc.query("select * from building order by code", BUILDING);
	}

	public Optional<Building> building(String code) {
		return jdbc.query("select * from building where code = ?", BUILDING, code).stream().findFirst();
	}

	/**
	 * The building someone wrote, however they wrote it ({@code 5号楼}, {@code 5栋}, {@code ５}, {@code 五号楼}):
	 * its code first, then its name, then the written text folded as {@link BuildingNames#key} against each
	 * building's code and name. The case API and the start forms both find a building here.
	 */
	public Optional<Building> findBuilding(String written) {
		if (written == null || written.isBlank()) {
			return Optional.empty();
		}
		Optional<Building> exact = building(written.trim());
		if (exact.isPresent()) {
			return exact;
		}
		String key = BuildingNames.key(written);
		List<Building> all = buildings();
		return all.stream().filter(b -> b.name().equals(written.trim())).findFirst()
				.or(() -> all.stream().filter(b -> BuildingNames.key(b.code()).equals(key)).findFirst())
				.or(() -> all.stream().filter(b -> BuildingNames.key(b.name()).equals(key)).findFirst());
	}

	public void save(Building b) {
		if (jdbc.update("update building set name = ?, zone_code = ?, plan_x = ?, plan_y = ? where code = ?", b.name(),
				b.zone(), b.planX(), b.planY(), b.code()) == 0) {
			jdbc.update("insert into building (code, name, zone_code, plan_x, plan_y) values (?, ?, ?, ?, ?)", b.code(),
					b.name(), b.zone(), b.planX(), b.planY());
		}
	}

	public List<Unit> units(String building) {
		return jdbc.query("select * from unit where building_code = ? order by floor, code", UNIT, building);
	}

	/**
	 * A unit as people write it: {@code 5-0801} (floor zero-padded), {@code ５－８０１}, {@code 5 - 801}, {@code 5/801}
	 * all find {@code 5-801}.
	 */
	public Optional<Unit> findUnit(String written) {
		return unit(UnitNames.code(written));
	}

	public Optional<Unit> unit(String code) {
		return jdbc.query("select * from unit where code = ?", UNIT, code).stream().findFirst();
	}

	public void save(Unit u) {
		if (jdbc.update("update unit set building_code = ?, floor = ? where code = ?", u.building(), u.floor(),
				u.code()) == 0) {
			jdbc.update("insert into unit (code, building_code, floor) values (?, ?, ?)", u.code(), u.building(),
					u.floor());
		}
	}

	public List<Resident> residents(String unit) {
		return jdbc.query("select * from resident where unit_code = ? order by id", RESIDENT, unit);
	}

	public List<Resident> residentsOfBuilding(String building) {
		return jdbc.query("select r.* from resident r join unit u on u.code = r.unit_code where u.building_code = ? "
				+ "order by r.id", RESIDENT, building);
	}

	public Optional<Resident> resident(long id) {
		return jdbc.query("select * from resident where id = ?", RESIDENT, id).stream().findFirst();
	}

	public Resident save(Resident r) {
		if (r.id() != null) {
			// changed needs are noted now, so that the next shift handover lists them
			jdbc.update("update resident set special_needs_noted_at = case when coalesce(special_needs, '') = coalesce(?, '') "
					+ "then special_needs_noted_at else ? end where id = ?", r.specialNeeds(), Clock.now(), r.id());
			jdbc.update("update resident set unit_code = ?, name = ?, phone = ?, role = ?, elderly_alone = ?, "
					+ "special_needs = ? where id = ?", r.unit(), r.name(), r.phone(), r.role(), r.elderlyAlone(),
					r.specialNeeds(), r.id());
			return r;
		}
		var key = new GeneratedKeyHolder();
		jdbc.update(c -> {
			var s = c.prepareStatement("insert into resident (unit_code, name, phone, role, elderly_alone, special_needs, "
					+ "special_needs_noted_at) values (?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			s.setString(1, r.unit());
			s.setString(2, r.name());
			s.setString(3, r.phone());
			s.setString(4, r.role());
			s.setBoolean(5, r.elderlyAlone());
			s.setString(6, r.specialNeeds());
			s.setObject(7, r.specialNeeds() == null || r.specialNeeds().isBlank() ? null : Clock.now());
			return s;
		}, key);
		return new Resident(key.getKey().longValue(), r.unit(), r.name(), r.phone(), r.role(), r.elderlyAlone(),
				r.specialNeeds());
	}

	public boolean deleteResident(long id) {
		return jdbc.update("delete from resident where id = ?", id) > 0;
	}

	public List<Technician> technicians() {
		return jdbc.query("select * from technician order by username", TECHNICIAN);
	}

	public List<Technician> technicians(String department) {
		return jdbc.query("select * from technician where department = ? and active order by username", TECHNICIAN,
				department);
	}

	public Optional<Technician> technician(String username) {
		return jdbc.query("select * from technician where username = ?", TECHNICIAN, username).stream().findFirst();
	}

	public void save(Technician t) {
		String skills = String.join(",", t.skills());
		if (jdbc.update("update technician set name = ?, department = ?, skills = ?, zone_code = ?, base_building = ?, "
				+ "shift = ?, active = ? where username = ?", t.name(), t.department(), skills, t.zone(),
				t.baseBuilding(), t.shift().name(), t.active(), t.username()) == 0) {
			jdbc.update("insert into technician (username, name, department, skills, zone_code, base_building, shift, "
					+ "active) values (?, ?, ?, ?, ?, ?, ?, ?)", t.username(), t.name(), t.department(), skills,
					t.zone(), t.baseBuilding(), t.shift().name(), t.active());
		}
	}

	public boolean isEmpty() {
		return jdbc.queryForObject("select count(*) from building", Integer.class) == 0;
	}

}
