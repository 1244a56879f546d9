package com.propdesk.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.registry.Estate.Building;
import com.propdesk.registry.Estate.Resident;
import com.propdesk.registry.Estate.Technician;
import com.propdesk.registry.Estate.Unit;
import com.propdesk.registry.Estate.Zone;
import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.ProblemException;

/**
 * Staff upkeep of the estate. Every member of staff reads it; the service desk keeps residents and
 * their contacts current; management keeps zones, buildings, units and the technician roster.
 */
@RestController
@RequestMapping("/api/registry")
@Transactional
class RegistryController {

	private static final int SKILLS = 200;

	private final RegistryRepository registry;

	RegistryController(RegistryRepository registry) {
		this.registry = registry;
	}

	@GetMapping("/zones")
	List<Zone> zones(HttpServletRequest request) {
		Caller.staff(request);
		return registry.zones();
	}

	@PutMapping("/zones/{code}")
	Zone saveZone(@PathVariable String code, @Valid @RequestBody Zone zone, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		check(sameKey("code", code, zone.code()));
		registry.save(zone);
		return zone;
	}

	@GetMapping("/buildings")
	List<Building> buildings(HttpServletRequest request) {
		Caller.staff(request);
		return registry.buildings();
	}

	@GetMapping("/buildings/{code}")
	Building building(@PathVariable String code, HttpServletRequest request) {
		Caller.staff(request);
		return registry.building(code).orElseThrow(() -> ProblemException.notFound("没有楼栋 " + code));
	}

	@PutMapping("/buildings/{code}")
	Building saveBuilding(@PathVariable String code, @Valid @RequestBody Building building, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		List<FieldProblem> problems = sameKey("code", code, building.code());
		if (registry.zone(building.zone()).isEmpty()) {
			problems.add(new FieldProblem("zone", "没有这个片区：" + building.zone()));
		}
		check(problems);
		registry.save(building);
		return building;
	}

	@GetMapping("/buildings/{code}/units")
	List<Unit> units(@PathVariable String code, HttpServletRequest request) {
		building(code, request);
		return registry.units(code);
	}

	@GetMapping("/units/{code}")
	Unit unit(@PathVariable String code, HttpServletRequest request) {
		Caller.staff(request);
		return registry.unit(code).orElseThrow(() -> ProblemException.notFound("没有单元 " + code));
	}

	@PutMapping("/units/{code}")
	Unit saveUnit(@PathVariable String code, @Valid @RequestBody Unit unit, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		List<FieldProblem> problems = sameKey("code", code, unit.code());
		if (registry.building(unit.building()).isEmpty()) {
			problems.add(new FieldProblem("building", "没有这个楼栋：" + unit.building()));
		}
		check(problems);
		registry.save(unit);
		return unit;
	}

	@GetMapping("/units/{code}/residents")
	List<Resident> residents(@PathVariable String code, HttpServletRequest request) {
		unit(code, request);
		return registry.residents(code);
	}

	@PostMapping("/residents")
	ResponseEntity<Resident> addResident(@Valid @RequestBody Resident resident, HttpServletRequest request) {
		Caller.staffIn(request, Groups.SERVICE_DESK, Groups.MANAGEMENT);
		if (resident.id() != null) {
			throw new InvalidRequestException("id", "新建住户时不要提供 id");
		}
		checkUnit(resident);
		return ResponseEntity.status(201).body(registry.save(resident));
	}

	@PutMapping("/residents/{id}")
	Resident saveResident(@PathVariable long id, @Valid @RequestBody Resident resident, HttpServletRequest request) {
		Caller.staffIn(request, Groups.SERVICE_DESK, Groups.MANAGEMENT);
		if (resident.id() != null && resident.id() != id) {
			throw new InvalidRequestException("id", "与路径中的 id 不一致");
		}
		registry.resident(id).orElseThrow(() -> ProblemException.notFound("没有住户 " + id));
		checkUnit(resident);
		return registry.save(new Resident(id, resident.unit(), resident.name(), resident.phone(), resident.role(),
				resident.elderlyAlone(), resident.specialNeeds()));
	}

	@DeleteMapping("/residents/{id}")
	ResponseEntity<Void> deleteResident(@PathVariable long id, HttpServletRequest request) {
		Caller.staffIn(request, Groups.SERVICE_DESK, Groups.MANAGEMENT);
		if (!registry.deleteResident(id)) {
			throw ProblemException.notFound("没有住户 " + id);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/technicians")
	List<Technician> technicians(HttpServletRequest request) {
		Caller.staff(request);
		return registry.technicians();
	}

	@GetMapping("/technicians/{username}")
	Technician technician(@PathVariable String username, HttpServletRequest request) {
		Caller.staff(request);
		return registry.technician(username).orElseThrow(() -> ProblemException.notFound("没有技师 " + username));
	}

	@PutMapping("/technicians/{username}")
	Technician saveTechnician(@PathVariable String username, @Valid @RequestBody Technician technician,
			HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		List<FieldProblem> problems = sameKey("username", username, technician.username());
		// skills are stored joined by commas in technician.skills (V1)
		if (technician.skills() != null && technician.skills().stream().anyMatch(s -> s != null && s.contains(","))) {
			problems.add(new FieldProblem("skills", "技能不能含逗号"));
		}
		else if (technician.skills() != null && String.join(",", technician.skills()).length() > SKILLS) {
			problems.add(new FieldProblem("skills", "合计最长 " + SKILLS + " 个字符（以逗号连接）"));
		}
		if (registry.zone(technician.zone()).isEmpty()) {
			problems.add(new FieldProblem("zone", "没有这个片区：" + technician.zone()));
		}
		if (registry.building(technician.baseBuilding()).isEmpty()) {
			problems.add(new FieldProblem("baseBuilding", "没有这个楼栋：" + technician.baseBuilding()));
		}
		check(problems);
		registry.save(technician);
		return technician;
	}

	private void checkUnit(Resident resident) {
		if (registry.unit(resident.unit()).isEmpty()) {
			throw new InvalidRequestException("unit", "没有这个单元：" + resident.unit());
		}
	}

	private static List<FieldProblem> sameKey(String field, String path, String body) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!Objects.equals(path, body)) {
			problems.add(new FieldProblem(field, "与路径中的 " + path + " 不一致"));
		}
		return problems;
	}

	private static void check(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
	}

}
