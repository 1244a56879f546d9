package com.propdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.propdesk.registry.Estate.Building;
import com.propdesk.registry.Estate.Technician;
import com.propdesk.registry.Shift;

/** The dispatch rule on its own, without an engine: who is eligible, and who is nearest. */
class DispatcherTests {

	// zone A: buildings 1, 2 on a row, 3 further; zone B: 4 across the lawn
	static final List<Building> ESTATE = List.of(new Building("1", "1号楼", "A", 0, 0), new Building("2", "2号楼", "A", 60, 0),
			new Building("3", "3号楼", "A", 300, 0), new Building("4", "4号楼", "B", 0, 150),
			new Building("5", "5号楼", "B", 400, 150));

	static final Map<String, Building> BUILDINGS = ESTATE.stream()
			.collect(Collectors.toMap(Building::code, Function.identity()));

	static final LocalTime MORNING = LocalTime.of(10, 0);

	static Technician tech(String username, String zone, String base, Shift shift, String... skills) {
		return new Technician(username, username + "师傅", "engineering", List.of(skills), zone, base, shift, true);
	}

	static Dispatcher.Decision decide(List<Technician> roster, String site, String skill, Map<String, Long> load) {
		return Dispatcher.decide(roster, BUILDINGS, BUILDINGS.get(site), "engineering", skill, skill, Set.of(), MORNING,
				u -> load.getOrDefault(u, 0L));
	}

	@Test
	void sameBuildingWinsOverSameZoneEvenWithMoreOpenWork() {
		var roster = List.of(tech("a", "A", "1", Shift.DAY, "plumbing"), tech("b", "A", "2", Shift.DAY, "plumbing"));

		var decision = decide(roster, "1", "plumbing", Map.of("a", 3L));

		assertThat(decision.technician()).contains("a");
		assertThat(decision.reason()).contains("同楼栋", "当前在办 3 件");
	}

	@Test
	void sameZoneWinsOverACloserTechnicianInAnotherZone() {
		// 4 is 150 m from 1; 3 is 300 m from 1 but in the same zone
		var roster = List.of(tech("near", "B", "4", Shift.DAY, "plumbing"), tech("zone", "A", "3", Shift.DAY, "plumbing"));

		assertThat(decide(roster, "1", "plumbing", Map.of()).technician()).contains("zone");
	}

	@Test
	void withinTheZoneTheOneWithLeastOpenWorkWins() {
		var roster = List.of(tech("busy", "A", "2", Shift.DAY, "plumbing"), tech("free", "A", "3", Shift.DAY, "plumbing"));

		assertThat(decide(roster, "1", "plumbing", Map.of("busy", 2L, "free", 1L)).technician()).contains("free");
		assertThat(decide(roster, "1", "plumbing", Map.of()).technician()).as("equal load: the nearer").contains("busy");
	}

	@Test
	void outsideTheZoneTheNearestWinsBeforeLoad() {
		var roster = List.of(tech("far", "B", "5", Shift.DAY, "lift"), tech("near", "B", "4", Shift.DAY, "lift"));

		var decision = decide(roster, "1", "lift", Map.of("near", 4L));

		assertThat(decision.technician()).contains("near");
		assertThat(decision.reason()).contains("距离最近（约 150 米）");
	}

	@Test
	void onlyOnDutyQualifiedActiveAndNotExcludedTechniciansOfTheDepartmentAreEligible() {
		var roster = List.of(tech("night", "A", "1", Shift.NIGHT, "plumbing"), tech("electrician", "A", "1", Shift.DAY, "electrical"),
				new Technician("away", "away", "engineering", List.of("plumbing"), "A", "1", Shift.DAY, false),
				new Technician("cleaner", "cleaner", "cleaning", List.of("plumbing"), "A", "1", Shift.ALL, true),
				tech("handedBack", "A", "1", Shift.ALL, "plumbing"), tech("eligible", "B", "5", Shift.ALL, "plumbing"));

		var decision = Dispatcher.decide(roster, BUILDINGS, BUILDINGS.get("1"), "engineering", "plumbing",
				"给排水", Set.of("handedBack"), MORNING, u -> 0);

		assertThat(decision.technician()).contains("eligible");
	}

	@Test
	void nobodyEligibleIsSaidWithTheReason() {
		var roster = List.of(tech("night", "A", "1", Shift.NIGHT, "hvac"), tech("x", "A", "1", Shift.ALL, "hvac"),
				new Technician("cleaner", "陈阿姨", "cleaning", List.of("cleaning"), "A", "1", Shift.ALL, true));

		var decision = Dispatcher.decide(roster, BUILDINGS, BUILDINGS.get("1"), "engineering", "hvac", "暖通空调",
				Set.of("x", "cleaner"), MORNING, u -> 0);

		assertThat(decision.technician()).isEmpty();
		assertThat(decision.reason()).as("who handed back, by name, of this department only")
				.isEqualTo("工程部无人可派：当前没有在岗、具备「暖通空调」技能的技师（已排除退回的 x师傅），请值班人员手工派工");
	}

	@Test
	void jobWithoutASkillNeedsOnlyTheDepartment() {
		var roster = List.of(tech("any", "A", "2", Shift.DAY, "cleaning"));

		assertThat(decide(roster, "1", null, Map.of()).technician()).contains("any");
		assertThat(decide(roster, "1", "other", Map.of()).technician()).contains("any");
	}

	@Test
	void shiftsMeetAtEightAndTwenty() {
		assertThat(Shift.DAY.covers(LocalTime.of(8, 0))).isTrue();
		assertThat(Shift.DAY.covers(LocalTime.of(19, 59))).isTrue();
		assertThat(Shift.DAY.covers(LocalTime.of(20, 0))).isFalse();
		assertThat(Shift.NIGHT.covers(LocalTime.of(20, 0))).isTrue();
		assertThat(Shift.NIGHT.covers(LocalTime.of(7, 59))).isTrue();
		assertThat(Shift.NIGHT.covers(LocalTime.of(8, 0))).isFalse();
		assertThat(Shift.ALL.covers(LocalTime.of(3, 0))).isTrue();
	}

}
