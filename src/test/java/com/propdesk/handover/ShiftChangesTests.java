package com.propdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Set;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.junit.jupiter.api.Test;

import com.propdesk.security.ExpressionPolicy;

/** The shift changes from configuration, and the one way a diagram's timer may read them. */
class ShiftChangesTests {

	final ShiftChanges changes = new ShiftChanges(new HandoverProperties(LocalTime.of(7, 30), LocalTime.of(19, 30), Duration.ofMinutes(30)));

	@Test
	void theTimerReadsOneCronOfBothChangesThatTheEnginesCalendarAccepts() {
		assertThat(changes.getCron()).isEqualTo("0 30 7,19 * * ?");
		assertThat(new ShiftChanges(new HandoverProperties(null, null, null)).getCron()).isEqualTo("0 0 8,20 * * ?");
		new CycleBusinessCalendar().resolveDuedate(changes.getCron());
	}

	@Test
	void changesAtDifferentMinutesAreRefusedAtStartUp() {
		assertThatThrownBy(() -> new HandoverProperties(LocalTime.of(8, 0), LocalTime.of(20, 30), Duration.ofMinutes(30)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same minute");
	}

	@Test
	void theHandoverAtAChangeCoversTheShiftThatEndsThere() {
		ShiftChanges.EndingShift morning = changes.endingAt(OffsetDateTime.parse("2026-12-04T07:30:00+08:00"));
		assertThat(morning).isEqualTo(new ShiftChanges.EndingShift(java.time.LocalDate.parse("2026-12-03"), "night",
				OffsetDateTime.parse("2026-12-03T19:30:00+08:00"), OffsetDateTime.parse("2026-12-04T07:30:00+08:00")));
		ShiftChanges.EndingShift evening = changes.endingAt(OffsetDateTime.parse("2026-12-04T19:31:00+08:00"));
		assertThat(evening.shift()).isEqualTo("day");
		assertThat(evening.start()).isEqualTo(OffsetDateTime.parse("2026-12-04T07:30:00+08:00"));
		assertThat(evening.end()).isEqualTo(OffsetDateTime.parse("2026-12-04T19:30:00+08:00"));
		ShiftChanges.EndingShift small = changes.endingAt(OffsetDateTime.parse("2026-12-05T03:00:00+08:00"));
		assertThat(small.date()).hasToString("2026-12-04");
		assertThat(small.shift()).isEqualTo("day");
	}

	@Test
	void aTimerReadsOnePlainPropertyOfAScheduleBeanAndNothingElseOfIt() {
		ExpressionPolicy policy = new ExpressionPolicy(Set.of("prepareHandover"), Set.of("shiftChanges"));
		assertThat(policy.check("${shiftChanges.cron}")).isEmpty();
		assertThat(policy.check("${shiftChanges}")).isNotEmpty();
		assertThat(policy.check("${shiftChanges.class}")).isNotEmpty();
		assertThat(policy.check("${shiftChanges.cron.bytes}")).isNotEmpty();
		assertThat(policy.check("${shiftChanges.endingAt(null)}")).isNotEmpty();
		assertThat(policy.check("${shiftChanges['cron']}")).isNotEmpty();
		assertThat(policy.check("${shiftChanges.cron == 'x'}")).isNotEmpty();
		assertThat(policy.checkBeanReference("${shiftChanges}")).isNotEmpty();
		// without being a schedule, a bean's property is refused as before
		assertThat(new ExpressionPolicy(Set.of("prepareHandover")).check("${prepareHandover.handovers}")).isNotEmpty();
	}

}
