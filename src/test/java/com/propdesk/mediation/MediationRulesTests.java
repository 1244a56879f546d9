package com.propdesk.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The mediation's rules without an engine. */
class MediationRulesTests {

	private static final String ID_A = "0b9f4c8e-2d1a-4f5e-9a7b-1c2d3e4f5a6b";

	private static final String ID_B = "7e6d5c4b-3a29-4180-8f7e-6d5c4b3a2918";

	@Test
	void aDisputeBetweenTheSameUnitsIsRecurringWhicheverSideReportedIt() {
		var earlier = List.of(new MediationRules.Dispute("M-2", "3-1101", Set.of("3-1201")),
				new MediationRules.Dispute("M-1", "3-1201", Set.of("3-1101")));
		assertThat(MediationRules.recurringOf("3-1201", List.of("3-1101"), earlier)).contains("M-2");
		assertThat(MediationRules.recurringOf("3-1101", List.of("3-1201", "3-1301"), earlier)).contains("M-2");
	}

	@Test
	void sharingOneUnitOrBeingOnTheSameSideIsNotRecurring() {
		var earlier = List.of(new MediationRules.Dispute("M-1", "3-1201", Set.of("3-1301")),
				new MediationRules.Dispute("M-3", "3-0101", Set.of("3-1201", "3-1101")));
		assertThat(MediationRules.recurringOf("3-1201", List.of("3-1101"), earlier)).isEmpty();
		assertThat(MediationRules.recurringOf("3-1201", List.of("3-1101"), List.of())).isEmpty();
	}

	@Test
	void talkNeedsFactsAndItsLineNamesTheSideNotTheWords() {
		assertThatThrownBy(() -> MediationRules.talk("", "安静")).hasMessageContaining("不评判对错");
		assertThatThrownBy(() -> MediationRules.talk("长".repeat(2001), "")).hasMessageContaining("2000");
		MediationRules.talk("每晚有跑跳声", "");
		assertThat(MediationRules.talkNote("reporter", "3-1201")).isEqualTo("已与报事方（3-1201）单独谈话，事实与诉求记录在调解表单中");
		assertThat(MediationRules.talkNote("other", "3-1301")).startsWith("已与对方（3-1301）");
	}

	@Test
	void evidenceIsUploadIdsPerKindAndSummarisedByKind() {
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("cctv", ID_A);
		ids.put("decibel", ID_B + "， " + ID_A);
		ids.put("photos", "");
		ids.put("leak-test", "");
		List<MediationRules.Evidence> evidence = MediationRules.evidence(ids);
		assertThat(evidence).extracting(MediationRules.Evidence::kind).containsExactly("cctv", "decibel", "decibel");
		assertThat(MediationRules.evidenceSummary(evidence)).isEqualTo("监控录像 1 份、分贝测量 2 份");
		assertThat(MediationRules.evidenceSummary(List.of())).isEqualTo("未附证据文件");
		assertThatThrownBy(() -> MediationRules.evidence(Map.of("photos", "IMG_001.jpg"))).hasMessageContaining("照片：IMG_001.jpg 不是上传文件的编号");
		assertThatThrownBy(() -> MediationRules.evidence(Map.of("photos", (ID_A + ",").repeat(11)))).hasMessageContaining("最多 10 个");
	}

	@Test
	void settledOnlyWhenBothSidesAcceptEachRecordedOnItsOwn() {
		assertThat(MediationRules.responses(true, "", true, "").settled()).isTrue();
		var declined = MediationRules.responses(true, "可以", false, "不同意");
		assertThat(declined.settled()).isFalse();
		assertThat(declined.notes()).containsExactly("报事方接受调解方案", "对方不接受调解方案");
	}

	@Test
	void followUpsComeSevenAndThirtyDaysAfterTheSettlement() {
		OffsetDateTime settled = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");
		assertThat(MediationRules.firstFollowUp(settled)).isEqualTo("2026-12-04T10:00:00+08:00");
		assertThat(MediationRules.secondFollowUp(settled)).isEqualTo("2026-12-27T10:00:00+08:00");
		assertThatThrownBy(() -> MediationRules.followUpNote("first", " ")).hasMessageContaining("回访情况");
	}

	@Test
	void closingAndMeasuresMustBeWritten() {
		assertThatThrownBy(() -> MediationRules.closingLetter("")).hasMessageContaining("书面结案");
		assertThatThrownBy(() -> MediationRules.longTermMeasure("")).hasMessageContaining("邻里共建活动");
		assertThatThrownBy(() -> MediationRules.policeOutcome("")).hasMessageContaining("社区警务室");
		assertThat(MediationRules.closedNote(false)).contains("未达成一致");
	}

}
