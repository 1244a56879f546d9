package com.propdesk.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.propdesk.security.Groups;

/** The decisions of an inquiry, without an engine: routing, the kind of answer, the promise, the knowledge entry. */
class InquiryRulesTests {

	static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

	static final KnowledgeEntry FEES = new KnowledgeEntry("fee-payment", 1, "fees", Groups.SERVICE_DESK, "物业费在哪里交？",
			"在物业服务中心或 App 缴纳。", List.of("物业费"), LocalDate.of(2026, 1, 1), null, "system", null, null);

	static InquiryProcess.Triage triage(String route, boolean urgent) {
		return new InquiryProcess.Triage(route, "specialist".equals(route) ? Groups.ENGINEERING : null, "PT48H", "装修纠纷", urgent);
	}

	static KnowledgeMatcher.Match match(double score, boolean confident) {
		return new KnowledgeMatcher.Match(List.of(new KnowledgeMatcher.Candidate(FEES, score, 3, true)), confident, null);
	}

	@Test
	void aConfidentMatchOfAKnowledgeQuestionIsAnsweredAtOnce() {
		InquiryRules.Routing routing = InquiryRules.route(triage("knowledge", false), match(0.82, true));

		assertThat(routing).isEqualTo(new InquiryRules.Routing("auto", "P3", Groups.SERVICE_DESK,
				"知识库匹配「物业费在哪里交？」（置信度 82%），自动答复"));
	}

	@Test
	void whatTheTableSendsToASpecialistIsNeverAnsweredFromTheKnowledgeBase() {
		InquiryRules.Routing routing = InquiryRules.route(triage("specialist", false), match(0.9, true));

		assertThat(routing).isEqualTo(new InquiryRules.Routing("specialist", "P3", Groups.ENGINEERING, "咨询分流：装修纠纷"));
	}

	@Test
	void anUnsureMatchGoesToTheDeskWithTheReasonInTheTimeline() {
		assertThat(InquiryRules.route(triage("knowledge", false), match(0.2, false)).note())
				.isEqualTo("知识库最接近「物业费在哪里交？」（置信度 20%），不足以自动答复，交客服从候选答案中选择或自行答复");
		KnowledgeMatcher.Match declined = new KnowledgeMatcher.Match(match(0.8, false).candidates(), false, null, "问的是价钱，条目没有说");
		assertThat(InquiryRules.route(triage("knowledge", false), declined).note())
				.isEqualTo("知识库最接近「物业费在哪里交？」（置信度 80%），但问的是价钱，条目没有说，不自动答复，交客服从候选答案中选择或自行答复");
		assertThat(InquiryRules.route(triage("knowledge", false), new KnowledgeMatcher.Match(List.of(), false, null)).note())
				.isEqualTo("知识库没有相关条目，交客服答复");
		InquiryRules.Routing urgent = InquiryRules.route(triage("desk", true), match(0.9, true));
		assertThat(urgent).isEqualTo(new InquiryRules.Routing("desk", "P1", Groups.SERVICE_DESK, "咨询分流：装修纠纷"));
	}

	@Test
	void theAnswerModeAndRouteTellWhatKindOfAnswerTheOwnerGot() {
		assertThat(InquiryRules.outcome("auto", "")).isEqualTo("auto");
		assertThat(InquiryRules.outcome("desk", "repair")).isEqualTo("linked");
		assertThat(InquiryRules.outcome("desk", "candidate2")).isEqualTo("candidate");
		assertThat(InquiryRules.outcome("specialist", "candidate2")).isEqualTo("specialist");
		assertThat(InquiryRules.outcome("desk", "specialist")).isEqualTo("specialist");
		assertThat(InquiryRules.outcome("desk", "own")).isEqualTo("own");
	}

	@Test
	void onlyAnAnswerWrittenByHandMayBeProposedForTheKnowledgeBase() {
		assertThat(InquiryRules.proposesEntry("own", true)).isTrue();
		assertThat(InquiryRules.proposesEntry("specialist", true)).isTrue();
		assertThat(InquiryRules.proposesEntry("own", false)).isFalse();
		assertThat(InquiryRules.proposesEntry("candidate", true)).isFalse();
	}

	@Test
	void aWrittenAnswerMustBeThereAndFit() {
		assertThat(InquiryRules.writtenAnswer("可以。")).isEqualTo("可以。");
		assertThatThrownBy(() -> InquiryRules.writtenAnswer("")).hasMessage("请填写给业主的答复");
		assertThatThrownBy(() -> InquiryRules.writtenAnswer("字".repeat(4001))).hasMessage("答复最长 4000 个字符");
	}

	@Test
	void theOwnersMessageCarriesALongAnswerCutShort() {
		String message = InquiryRules.answeredMessage("答".repeat(500));

		assertThat(message).startsWith("您的咨询答复：答").endsWith("答…（完整答复请查看事项进度页）");
		assertThat(message).hasSize("您的咨询答复：".length() + 399 + "…（完整答复请查看事项进度页）".length());
		assertThat(InquiryRules.answeredMessage("可以。")).isEqualTo("您的咨询答复：可以。");
	}

	@Test
	void aHandOverPromisesTheDesksHoursElseTheTablesDurationElseADay() {
		InquiryRules.HandOver handOver = InquiryRules.handOver(Groups.ENGINEERING, "4", "PT48H", NOW);

		assertThat(handOver.promisedAt()).isEqualTo(NOW.plusHours(4));
		assertThat(handOver.note()).isEqualTo("转工程部专员，承诺 11月27日 14:00 前答复");
		assertThat(handOver.ownerMessage()).isEqualTo("您的咨询已转交工程部专员，将于 11月27日 14:00 前答复您");
		assertThat(handOver.promisedAtText()).isEqualTo("11月27日 14:00");
		assertThat(InquiryRules.promise("", "PT48H")).isEqualTo(Duration.ofHours(48));
		assertThat(InquiryRules.promise("", "")).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void aHandOverNeedsASpecialistGroupAndASensiblePromise() {
		assertThatThrownBy(() -> InquiryRules.handOver(Groups.AUDITOR, "4", "", NOW)).hasMessageStartingWith("请选择接手的专员部门：客服、工程部");
		assertThatThrownBy(() -> InquiryRules.promise("0", "")).hasMessage("承诺答复时限应为 1 到 336 小时");
		assertThatThrownBy(() -> InquiryRules.promise("337", "")).hasMessage("承诺答复时限应为 1 到 336 小时");
		assertThatThrownBy(() -> InquiryRules.promise("两天", "")).hasMessage("承诺答复时限应为 1 到 336 小时");
		assertThatThrownBy(() -> InquiryRules.promise("", "2 days")).hasMessage("分流表的承诺答复时限不是 ISO-8601 时长：2 days");
	}

	@Test
	void aReportedFaultOrDangerBecomesALinkedCaseWhoseNumberIsTheAnswer() {
		assertThat(InquiryRules.linkedType("emergency")).isEqualTo("emergency");
		assertThat(InquiryRules.linkedType("repair")).isEqualTo("repair");
		assertThat(InquiryRules.linkedAnswer("repair", "R-1")).isEqualTo("您反映的问题已转为报修（事项编号 R-1），维修人员会尽快与您联系。");
		assertThat(InquiryRules.linkedAnswer("emergency", "E-1")).startsWith("您反映的情况已转为紧急事件（事项编号 E-1）");
		assertThatThrownBy(() -> InquiryRules.linkedCategory("emergency", "")).hasMessage("请选择紧急事件类型");
		assertThatThrownBy(() -> InquiryRules.linkedCategory("repair", "")).hasMessage("请选择报修类别");
		assertThat(InquiryRules.linkedRefused("repair", "单元不存在")).isEqualTo("无法转报修：单元不存在");
	}

	@Test
	void aDraftTakesTheChosenCategoryElseTheCasesElseOther() {
		assertThat(InquiryRules.draftCategory("parking", "fees")).isEqualTo("parking");
		assertThat(InquiryRules.draftCategory("", "fees")).isEqualTo("fees");
		assertThat(InquiryRules.draftCategory("nonsense", null)).isEqualTo("other");
	}

	@Test
	void aReviewerEditsTheDraftIntoAnEntryButNeverReviewsTheirOwn() {
		assertThat(InquiryRules.approvedEntry("", "新答案", "物业费，缴费 、 App", "草稿问题", "草稿答案"))
				.isEqualTo(new InquiryRules.Entry("草稿问题", "新答案", List.of("物业费", "缴费", "App")));
		assertThatThrownBy(() -> InquiryRules.approvedEntry("问".repeat(501), "", "", "", "答"))
				.hasMessage("标准问题最长 500 个字符，标准答案最长 4000 个字符，请精简后收录");
		assertThatThrownBy(() -> InquiryRules.approvedEntry("", "", "词".repeat(31), "问", "答"))
				.hasMessage("关键词最多 30 个，每个最长 30 个字符");
		assertThat(InquiryRules.reviewNote("manager", "agent", "好")).isEqualTo("好");
		assertThatThrownBy(() -> InquiryRules.reviewNote("agent", "agent", ""))
				.hasMessage("不能审核自己提交的草稿，请由本部门其他同事或管理层审核");
		assertThat(InquiryRules.withNote("知识库草稿未采纳", "")).isEqualTo("知识库草稿未采纳");
		assertThat(InquiryRules.withNote("知识库草稿未采纳", "重复")).isEqualTo("知识库草稿未采纳：重复");
	}

	@Test
	void aRequestToMediateBecomesALinkedMediationWithoutACategory() {
		assertThat(InquiryRules.outcome(InquiryProcess.DESK, "mediation")).isEqualTo("linked");
		assertThat(InquiryRules.linkedType("mediation")).isEqualTo("mediation");
		assertThat(InquiryRules.linkedCategory("mediation", "")).isNull();
		assertThat(InquiryRules.linkedAnswer("mediation", "M-20261127-0001")).contains("M-20261127-0001").contains("分别联系双方");
		assertThat(InquiryRules.linkedRefused("mediation", "对方房号：必填")).isEqualTo("无法转邻里纠纷调解：对方房号：必填");
	}

}
