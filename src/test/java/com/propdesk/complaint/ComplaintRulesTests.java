package com.propdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.propdesk.intake.CaseStatus;
import com.propdesk.security.Groups;
import com.propdesk.system.Var;

/**
 * The decisions of a complaint, without an engine: tiers, re-tiers, due times, the linked repair and what is written;
 * the plan form's text reads as a time through its {@link Var}.
 */
class ComplaintRulesTests {

	static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

	@Test
	void theCausesAreTheRootCauseFormsOptions() throws Exception {
		var form = new com.fasterxml.jackson.databind.ObjectMapper()
				.readTree(java.nio.file.Path.of("forms", "complaint-root-cause.form").toFile());
		java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
		form.findParents("key").stream().filter(c -> "causeCategory".equals(c.path("key").asText()))
				.forEach(c -> c.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText())));
		assertThat(ComplaintRules.CAUSES).as("the timeline names a cause as the form offered it").isEqualTo(options);
	}

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

	@Test
	void aMajorComplaintIsManagementsAndPagesThemAnOrdinaryOneTheDesks() {
		ComplaintRules.Tiering major = ComplaintRules.tiering(ComplaintProcess.MAJOR, "财物损失", "C-1", "车被砸");
		assertThat(major).isEqualTo(new ComplaintRules.Tiering(true, "P1", Groups.MANAGEMENT, "重大投诉：财物损失",
				"【重大投诉】C-1 财物损失：车被砸"));
		assertThat(ComplaintRules.tiering(ComplaintProcess.ORDINARY, "一般投诉", "C-1", "垃圾未清"))
				.as("the catch-all row's reason is the tier's name: said once")
				.isEqualTo(new ComplaintRules.Tiering(false, "P3", Groups.SERVICE_DESK, "一般投诉", null));
		assertThat(ComplaintRules.tiering(ComplaintProcess.ORDINARY, "服务态度", "C-1", "前台态度差").note())
				.isEqualTo("一般投诉：服务态度");
		assertThat(ComplaintRules.repeatNote("3-1201")).isEqualTo("3-1201 在 90 天内已有投诉");
	}

	@Test
	void aReTierNeedsAReason() {
		assertThat(ComplaintRules.retierReason("业主情绪激动")).isEqualTo("客服改级（业主情绪激动）");
		assertThatThrownBy(() -> ComplaintRules.retierReason("")).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("改级理由：改为重大投诉时必须填写理由");
	}

	@Test
	void theLinkedRepairTakesThePlanWhenNothingElseIsSaidAndIsAwaitedOnlyWhileItRuns() {
		assertThat(ComplaintRules.linkedRepair("", "", "更换门禁"))
				.isEqualTo(new ComplaintRules.LinkedRepair("other", "更换门禁"));
		assertThat(ComplaintRules.linkedRepair("door-access", "门禁失灵", "更换门禁"))
				.isEqualTo(new ComplaintRules.LinkedRepair("door-access", "门禁失灵"));
		assertThat(ComplaintRules.awaitedOutcome(CaseStatus.ACCEPTED)).isNull();
		assertThat(ComplaintRules.awaitedOutcome(CaseStatus.IN_PROGRESS)).isNull();
		assertThat(ComplaintRules.awaitedOutcome(CaseStatus.CLOSED)).isEqualTo(CaseStatus.CLOSED.code());
		assertThat(ComplaintRules.awaitedOutcome(CaseStatus.PROMOTED)).isEqualTo(CaseStatus.PROMOTED.code());
	}

	@Test
	void theTimelineAndTheOwnerAreToldInWords() {
		assertThat(ComplaintRules.replyNote("已处理")).isEqualTo("书面答复：已处理");
		assertThat(ComplaintRules.replyMessage("已处理")).isEqualTo("您的投诉已答复：已处理");
		assertThat(ComplaintRules.reopenNote("还是很吵")).isEqualTo("业主不满意，重新处理：还是很吵");
		assertThat(ComplaintRules.rootCauseNote("staff-error", "培训", "客服主管", LocalDate.parse("2026-12-15")))
				.isEqualTo("根因：人员失误；整改：培训（客服主管，2026-12-15 前）");
		assertThat(ComplaintRules.improvementNote("已培训")).isEqualTo("整改完成：已培训");
	}

}
