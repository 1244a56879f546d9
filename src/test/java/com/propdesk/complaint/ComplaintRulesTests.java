package com.propdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.propdesk.system.Var;

/** The due-time rules of a complaint, without an engine; the plan form's text reads as a time through its {@link Var}. */
class ComplaintRulesTests {

	static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

	@Test
	void planDueTypedOnTheFormReadsAsATimeInEstateTime() {
		assertThat(ComplaintProcess.PLAN_DUE.convert("2026-12-01 18:00").toInstant())
				.isEqualTo(OffsetDateTime.parse("2026-12-01T18:00:00+08:00").toInstant());
		assertThat(ComplaintProcess.PLAN_DUE.convert("2026-12-01T18:00:00+08:00"))
				.isEqualTo(OffsetDateTime.parse("2026-12-01T18:00:00+08:00"));
	}

	@Test
	void planDueMustLieAhead() {
		OffsetDateTime tomorrow = NOW.plusDays(1);

		assertThat(ComplaintRules.planDue(tomorrow, NOW)).isEqualTo(tomorrow);
		assertThatThrownBy(() -> ComplaintRules.planDue(NOW, NOW)).hasMessage("计划完成时间：必须晚于现在");
		assertThatThrownBy(() -> ComplaintRules.planDue(null, NOW)).hasMessage(ComplaintRules.PLAN_DUE_FORMAT);
	}

	@Test
	void improvementIsOverdueAtTheEndOfItsDay() {
		assertThat(ComplaintRules.improvementDueAt(LocalDate.parse("2026-12-15"), NOW))
				.isEqualTo(OffsetDateTime.parse("2026-12-16T00:00:00+08:00"));
		assertThat(ComplaintRules.improvementDueAt(NOW.toLocalDate(), NOW))
				.isEqualTo(OffsetDateTime.parse("2026-11-28T00:00:00+08:00"));
		assertThatThrownBy(() -> ComplaintRules.improvementDueAt(LocalDate.parse("2026-11-26"), NOW))
				.hasMessage("整改完成日期：不能早于今天");
	}

}
