package com.propdesk.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.security.Groups;

/** The decisions of a repair order, without an engine. */
class RepairRulesTests {

	@Test
	void theTablesClassificationHoldsWhenItDecidedElseTheDesks() {
		RepairProcess.Triage decided = new RepairProcess.Triage("P1", Groups.ENGINEERING, false, true);
		RepairProcess.Triage undecided = new RepairProcess.Triage(null, null, false, false);

		RepairRules.Classification byTable = RepairRules.classification(decided, "P4", Groups.CLEANING, true, "plumbing");
		assertThat(byTable).isEqualTo(new RepairRules.Classification("P1", Groups.ENGINEERING, false, true));
		assertThat(RepairRules.classifiedNote(byTable, "plumbing")).isEqualTo("按分诊表分类：P1 · 工程部 · 给排水");

		RepairRules.Classification byDesk = RepairRules.classification(undecided, "P2", Groups.SECURITY, true, "door-access");
		assertThat(byDesk).isEqualTo(new RepairRules.Classification("P2", Groups.SECURITY, true, false));
		assertThat(RepairRules.classifiedNote(byDesk, "door-access")).isEqualTo("客服人工分类：P2 · 安保部 · 门禁 · 涉及人身安全");
		assertThat(RepairRules.TASK_PRIORITIES).containsEntry("P1", 100).containsEntry("P4", 25);
	}

	@Test
	void aClassificationNamesAKnownPriorityDepartmentAndCategory() {
		assertThatThrownBy(() -> RepairRules.classification(null, "P5", Groups.ENGINEERING, false, "plumbing"))
				.isInstanceOf(IllegalArgumentException.class).hasMessage("优先级必须是 P1、P2、P3 或 P4，而不是 P5");
		assertThatThrownBy(() -> RepairRules.classification(null, "P3", Groups.MANAGEMENT, false, "plumbing"))
				.hasMessage("处理部门必须是工程部、保洁部或安保部，而不是 management");
		assertThatThrownBy(() -> RepairRules.classification(null, "P3", Groups.ENGINEERING, false, "fees"))
				.hasMessage("报修类别无效：fees");
	}

	@Test
	void promotionChoosesThePlanByCategoryAndWords() {
		assertThat(RepairRules.incidentType("gas", "")).isEqualTo("gas-leak");
		assertThat(RepairRules.incidentType("other", "楼道冒烟")).isEqualTo("fire");
		assertThat(RepairRules.incidentType("lift", "有人被困在电梯里")).isEqualTo("entrapment");
		assertThat(RepairRules.incidentType("other", "有人受伤")).isEqualTo("other");
	}

	@Test
	void theTechnicianRecordsADiagnosisTheWorkOrWhyItWaits() {
		assertThatThrownBy(() -> RepairRules.diagnosedNote("engineer", "")).hasMessage("必须填写现场诊断");
		assertThat(RepairRules.diagnosedNote("王师傅", "阀门老化")).isEqualTo("现场诊断（王师傅）：阀门老化");
		assertThat(RepairRules.repairedNote("王师傅", "更换阀门", "", 35.5))
				.isEqualTo("维修完成（王师傅）；处理 更换阀门；费用 ¥35.50");
		assertThat(RepairRules.repairedNote("engineer", "", "", null)).isEqualTo("维修完成（engineer）");
		assertThat(RepairRules.pauseReason("partsOnOrder")).isEqualTo("等待配件");
		assertThatThrownBy(() -> RepairRules.pauseReason("")).hasMessage("暂停时必须选择原因：等待配件或联系不上业主");
	}

	@Test
	void aJobHandedBackGoesToAnotherDepartmentOrToAnyoneButTheTechnician() {
		assertThat(RepairRules.handBack("王师傅", Groups.ENGINEERING, "是保洁问题", Groups.CLEANING, ""))
				.isEqualTo(new RepairRules.HandBack(Groups.CLEANING, "王师傅退回，转交保洁部：是保洁问题"));
		assertThat(RepairRules.handBack("王师傅", Groups.ENGINEERING, "缺工具", Groups.ENGINEERING, "需要登高"))
				.isEqualTo(new RepairRules.HandBack(null, "王师傅无法处理，退回重新派工：缺工具；现场诊断：需要登高"));
		assertThatThrownBy(() -> RepairRules.handBack("engineer", Groups.ENGINEERING, "", "", ""))
				.hasMessage("退回时必须填写原因");
		assertThatThrownBy(() -> RepairRules.handBack("engineer", Groups.ENGINEERING, "不归我", Groups.MANAGEMENT, ""))
				.hasMessage("转交部门无效：management");
	}

	@Test
	void theNotesKeepEachRoundWithItsTime() {
		LocalDateTime now = LocalDateTime.parse("2026-11-27T10:15:30.123");
		assertThat(RepairRules.withNote("", now, "第一次")).isEqualTo("[2026-11-27 10:15] 第一次");
		assertThat(RepairRules.withNote("[2026-11-27 09:00] 早先", now, "再次"))
				.isEqualTo("[2026-11-27 09:00] 早先\n[2026-11-27 10:15] 再次");
		assertThatThrownBy(() -> RepairRules.rejectionNote("engineer", "")).hasMessage("验收不通过时必须填写原因");
		assertThat(RepairRules.rejectionNote("王师傅", "仍漏水")).isEqualTo("验收不通过，返修给王师傅：仍漏水");
	}

	@Test
	void closingSaysWhetherTheOwnerScoredAndALowScoreBecomesAComplaint() {
		assertThat(RepairRules.resolvedNote("")).isEqualTo("业主验收通过，等待评价");
		assertThat(RepairRules.resolvedNote("电话确认")).isEqualTo("业主验收通过，等待评价（电话确认）");
		assertThat(RepairRules.closedNote(true)).isEqualTo("已办结");
		assertThat(RepairRules.closedNote(false)).isEqualTo("已办结（72 小时内未评价）");
		assertThat(RepairRules.lowScore(2)).isTrue();
		assertThat(RepairRules.lowScore(3)).isFalse();
		assertThat(RepairRules.lowScore(null)).isFalse();
		assertThat(RepairRules.lowScoreComplaint(1, "态度差")).isEqualTo("维修评价 1 分：态度差");
		assertThat(RepairRules.lowScoreComplaint(2, "")).isEqualTo("维修评价 2 分");
	}

	@Test
	void aReturnVisitRecordsItsOutcome() {
		assertThat(RepairRules.visitNote(true, "满意", "已修好")).isEqualTo("回访已联系业主，满意度 满意：已修好");
		assertThat(RepairRules.visitNote(false, "", "无人接听")).isEqualTo("回访未联系上业主：无人接听");
		assertThatThrownBy(() -> RepairRules.visitNote(true, "满意", "")).hasMessage("请填写回访结果");
	}

	/** The work form offers the pause reasons this class names; the timeline and the clock's pause use the names. */
	@Test
	void theWorkFormOffersThePauseReasonsByTheirNames() throws Exception {
		JsonNode form = new ObjectMapper().readTree(Path.of("forms", "repair-work.form").toFile());
		Map<String, String> offered = new LinkedHashMap<>();
		form.findParents("key").stream().filter(c -> "pauseReason".equals(c.path("key").asText()))
				.flatMap(c -> c.path("values").valueStream())
				.forEach(o -> offered.put(o.path("value").asText(), o.path("label").asText()));
		assertThat(offered).containsExactlyEntriesOf(RepairRules.PAUSE_REASONS);
	}

}
