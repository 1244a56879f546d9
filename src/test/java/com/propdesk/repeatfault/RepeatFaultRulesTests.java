package com.propdesk.repeatfault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.propdesk.repeatfault.RepeatFaultRules.Repair;
import com.propdesk.repeatfault.RepeatFaultRules.Scope;
import com.propdesk.repeatfault.RepeatFaultRules.Subject;

/** What counts as a repeat fault, without the engine. */
class RepeatFaultRulesTests {

	static final OffsetDateTime T = OffsetDateTime.parse("2026-01-05T10:00:00+08:00");

	static Repair repair(String caseNo, int day, String building, String unit, String category) {
		return new Repair(caseNo, T.plusDays(day), building, unit, category);
	}

	@Test
	void aFlatsOwnRepairsAreAboutTheFlatAndSharedEquipmentAboutTheBuilding() {
		assertThat(RepeatFaultRules.subject(repair("R1", 0, "3", "3-1201", "plumbing")))
				.contains(new Subject(Scope.UNIT, "3", "3-1201", null));
		assertThat(RepeatFaultRules.subject(repair("R2", 0, "3", "3-1201", "lift")))
				.contains(new Subject(Scope.EQUIPMENT, "3", null, "lift"));
		assertThat(RepeatFaultRules.subject(repair("R3", 0, "3", null, "plumbing")))
				.contains(new Subject(Scope.EQUIPMENT, "3", null, "plumbing"));
		assertThat(RepeatFaultRules.subject(repair("R4", 0, "3", null, "structure"))).isEmpty();
		assertThat(new Subject(Scope.UNIT, "3", "3-1201", null).key()).isEqualTo("unit:3-1201");
		assertThat(new Subject(Scope.EQUIPMENT, "3", null, "lift").key()).isEqualTo("equipment:3:lift");
		assertThat(new Subject(Scope.EQUIPMENT, "3", null, "lift").label()).isEqualTo("3号楼 电梯");
	}

	@Test
	void threeWithinNinetyDaysMakeAFlagTwoOrASpreadOfNinetyOneDoNot() {
		Repair first = repair("R1", 0, "3", "3-1201", "plumbing");
		Repair second = repair("R2", 45, "3", "3-1201", "electrical");

		assertThat(RepeatFaultRules.newFlag(List.of(first, second, repair("R3", 90, "3", "3-1201", "structure")),
				repair("R3", 90, "3", "3-1201", "structure"))).extracting(Repair::caseNo).containsExactly("R1", "R2", "R3");
		assertThat(RepeatFaultRules.newFlag(List.of(first, second), second)).isEmpty();
		Repair late = repair("R3", 91, "3", "3-1201", "plumbing");
		assertThat(RepeatFaultRules.newFlag(List.of(first, second, late), late)).isEmpty();
	}

	@Test
	void historyMakesOneEpisodePerRunOfRepeatsLaterRepairsJoiningUntilNinetyQuietDays() {
		List<Repair> history = List.of(repair("R1", 0, "3", "3-1201", "plumbing"), repair("R2", 10, "3", "3-1201", "plumbing"),
				repair("R3", 20, "3", "3-1201", "plumbing"), repair("R4", 100, "3", "3-1201", "plumbing"),
				repair("R5", 300, "3", "3-1201", "plumbing"), repair("R6", 301, "3", "3-1201", "plumbing"),
				repair("R7", 302, "3", "3-1201", "plumbing"), repair("R8", 500, "3", "3-1201", "plumbing"));

		assertThat(RepeatFaultRules.episodes(history)).extracting(e -> e.stream().map(Repair::caseNo).toList())
				.containsExactly(List.of("R1", "R2", "R3", "R4"), List.of("R5", "R6", "R7"));
	}

	@Test
	void aLongListKeepsItsNewestLinesAndSaysHowManyAreLeftOut() {
		List<String> lines = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "R-" + i + " " + "漏水".repeat(20)).toList();

		String text = RepeatFaultRules.fitted(lines, 3900);

		assertThat(text.length()).isLessThanOrEqualTo(3900);
		assertThat(text).startsWith("（另有 ").endsWith("R-99 " + "漏水".repeat(20)).doesNotContain("R-0 ");
		assertThat(RepeatFaultRules.fitted(List.of("a", "b"), 3900)).isEqualTo("a\nb");
	}

	@Test
	void aPreventiveDutyNeedsItsDutyBuildingFrequencyAndStart() {
		assertThatThrownBy(() -> RepeatFaultRules.dutyMeasure("", "3", null, "P2D", null, null, null))
				.hasMessage("预防性工作：请在列表中选择；频次：请在列表中选择；首次开始：必填");
		var duty = RepeatFaultRules.dutyMeasure("lift-maintenance", "3", "电梯机房", "P7D", T, "迅达电梯", null);
		assertThat(duty.window()).isEqualTo("P3D");
		assertThat(duty.summary()).isEqualTo("电梯维保 · 3号楼 电梯机房 · 每周 · 自 2026-01-05 起 · 维保单位：迅达电梯");
		assertThat(RepeatFaultRules.roundWindow("PT4H")).isEqualTo("PT4H");
		assertThatThrownBy(() -> RepeatFaultRules.dutyMeasure("lift-maintenance", "3", null, "P7D",
				com.propdesk.system.Clock.now().plusMonths(18), null, null)).hasMessage("首次开始：应在一年之内");
		assertThatThrownBy(() -> RepeatFaultRules.causeRepair("boiler", " ", null)).hasMessage("维修类别：请在列表中选择；维修内容：必填");
	}

}
