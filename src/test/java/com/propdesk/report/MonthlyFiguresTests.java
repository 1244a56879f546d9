package com.propdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.PropDeskTest;
import com.propdesk.report.MonthlyFigures.DutyRounds;
import com.propdesk.report.MonthlyFigures.RepairCategory;
import com.propdesk.report.MonthlyFigures.Responses;

/** The report's figures of {@link KnownMonth}, computed by hand from its rows. */
@PropDeskTest
class MonthlyFiguresTests {

	@Autowired
	ReportData data;

	@Autowired
	Archive archive;

	@Autowired
	JdbcTemplate jdbc;

	MonthlyFigures figures;

	@BeforeEach
	void knownMonth() {
		KnownMonth.ensure(archive, jdbc);
		figures = data.figures(KnownMonth.BUILDING, KnownMonth.MONTH);
	}

	@Test
	void repairsByCategoryCountTheMonthsIntakesInLocalTimeWithTheMedianTimeToTheLastFix() {
		// the repair at 23:30 on 31 January, the drill and the one at midnight on 1 March are not February's
		assertThat(figures.repairs()).containsExactly(
				new RepairCategory("plumbing", "给排水", 3, 2, 180L),
				new RepairCategory("lift", "电梯", 1, 1, 300L));
	}

	@Test
	void complaintsAndInquiriesShowTheMedianFirstResponseAndTheShareWithinTarget() {
		assertThat(figures.complaints()).isEqualTo(new Responses(2, 2, 120L, 1, 0.5));
		assertThat(figures.inquiries()).isEqualTo(new Responses(3, 3, 20L, 2, 0.667));
	}

	@Test
	void slaComplianceCountsTheClocksDueInTheMonthWhicheverMonthTheirCaseCameIn() {
		// due in February: three repairs of February and the one of 31 January, two complaints, three inquiries
		assertThat(figures.sla()).isEqualTo(new MonthlyFigures.Compliance(9, 6, 0.667));
	}

	@Test
	void satisfactionAveragesTheScoresOfTheMonthsCases() {
		assertThat(figures.satisfaction()).isEqualTo(new MonthlyFigures.Satisfaction(4, 4.0));
	}

	@Test
	void dutiesCountWorkLogsDoneAndRoundsPlannedAndMissedWhereTheDutyIsPlannedAndLeaveOutDutiesTheBuildingHasNot() {
		assertThat(figures.duties()).containsExactly(
				new DutyRounds("corridor-cleaning", "楼道保洁", 3, 3, 1),
				new DutyRounds("disinfection", "消杀", 1, null, null));
	}

	@Test
	void repeatFaultsOpenDuringTheMonthAreListedWithTheirMeasureWithoutNamingAFlat() {
		assertThat(figures.repeatFaults()).extracting(MonthlyFigures.RepeatFaultLine::subject, MonthlyFigures.RepeatFaultLine::measure)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("一户住户的给排水", "repair"),
						org.assertj.core.groups.Tuple.tuple("电梯", null));
		assertThat(ReportText.repeatFault(figures.repeatFaults().get(0))).isEqualTo(
				"一户住户的给排水：2024-01-20 发现重复报修，已安排根治维修（已处理），已处理完毕");
	}

	@Test
	void theMedianOfAnEvenCountIsTheLowerMiddle() {
		assertThat(MonthlyFigures.median(List.of(1L, 5L, 9L, 20L))).isEqualTo(5L);
		assertThat(MonthlyFigures.median(List.of())).isNull();
	}

}
