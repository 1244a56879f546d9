package com.propdesk.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.propdesk.intake.CaseClocks.ClockView;
import com.propdesk.security.Groups;

/** The figures of an emergency's review from plain times, without an engine. */
class EmergencyReviewTests {

	static final OffsetDateTime REPORTED = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

	static ClockView clock(String label, OffsetDateTime breachedAt, String escalatedTo) {
		return new ClockView("sla", label, "met", REPORTED, REPORTED.plusHours(2), null, breachedAt, escalatedTo, null);
	}

	@Test
	void timesAreCountedFromTheReport() {
		EmergencyReview review = EmergencyReview.of(REPORTED,
				Map.of(EmergencyProcess.ACKNOWLEDGE, REPORTED.plusMinutes(3), "Task_Dispatch", REPORTED.plusMinutes(4),
						EmergencyProcess.ON_SITE, REPORTED.plusMinutes(40)),
				REPORTED.plusMinutes(90), List.of(), List.of());

		assertThat(review.acknowledge()).isEqualTo("3 分钟");
		assertThat(review.dispatch()).isEqualTo("4 分钟");
		assertThat(review.onSite()).isEqualTo("40 分钟");
		assertThat(review.resolution()).isEqualTo("1 小时 30 分钟");
	}

	@Test
	void aDispatchByHandCountsAndAStepThatNeverHappenedShowsADash() {
		EmergencyReview byHand = EmergencyReview.of(REPORTED, Map.of("Task_AssignByHand", REPORTED.plusMinutes(12)),
				REPORTED.plusHours(3), List.of(), List.of());

		assertThat(byHand.dispatch()).isEqualTo("12 分钟");
		assertThat(byHand.acknowledge()).isEqualTo(EmergencyReview.NONE);
		assertThat(byHand.onSite()).isEqualTo("—");
		assertThat(byHand.resolution()).isEqualTo("3 小时");
		assertThat(EmergencyReview.of(REPORTED, Map.of(), null, List.of(), List.of()).resolution()).isEqualTo("—");
	}

	@Test
	void breachedClocksAreListedWithWhereTheyEscalated() {
		List<ClockView> clocks = List.of(clock("值班确认", REPORTED.plusMinutes(5), Groups.DUTY_OFFICER),
				clock("初步排查", null, null), clock("紧急处置", REPORTED.plusHours(2), Groups.MANAGEMENT));

		assertThat(EmergencyReview.of(REPORTED, Map.of(), null, clocks, List.of()).breaches())
				.isEqualTo("值班确认超时（升级至24小时值班）；紧急处置超时（升级至管理层）");
		assertThat(EmergencyReview.of(REPORTED, Map.of(), null, List.of(clock("初步排查", null, null)), List.of()).breaches())
				.isEqualTo("无");
	}

	@Test
	void participantsAreNamedOnceInTheOrderTheyFirstActed() {
		assertThat(EmergencyReview.participants(Arrays.asList("duty", "guard", null, "duty", "manager")))
				.isEqualTo("duty、guard、manager");
		assertThat(EmergencyReview.participants(List.of())).isEmpty();
	}

}
