package com.propdesk.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.propdesk.CaseProcessTest;
import com.propdesk.ProcessCoverage;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseStatus;
import com.propdesk.sla.SlaClock;
import com.propdesk.sla.SlaNames;
import com.propdesk.system.Clock;

/** One test per path through {@code processes/mediation.bpmn}. */
@PropDeskTest
class MediationProcessTests extends CaseProcessTest {

	@RegisterExtension
	static ProcessCoverage coverage = new ProcessCoverage(MediationProcess.KEY, 0.9);

	private ProcessInstance dispute(String unit, String category, String description, String... otherUnits) {
		String building = unit.substring(0, unit.indexOf('-'));
		String caseNo = cases.open(new CaseRequest("mediation", "app", "app-" + UUID.randomUUID(),
				new CaseRequest.Reporter("周女士", "13900000001"), building, unit, category, description, null, null, null,
				List.of(otherUnits))).record().caseNo();
		return instance(MediationProcess.KEY, caseNo);
	}

	/** An evidence file as the upload API stores it (the API itself is tested in MediationApiTests). */
	private String evidenceFile(String purpose) {
		String id = UUID.randomUUID().toString();
		jdbc.update("insert into upload (id, purpose, content_type, file_name, size_bytes, sha256, content, uploaded_by, uploaded_at) "
				+ "values (?, ?, 'application/pdf', 'report.pdf', 5, 'x', ?, 'agent', ?)", id, purpose, "%PDF-".getBytes(), Clock.now());
		return id;
	}

	private void talks(ProcessInstance dispute) {
		complete(dispute, MediationProcess.TALK_REPORTER, "agent", "reporterFacts", "近两周每晚 23 点后楼上有拖动家具和跑跳声",
				"reporterDemands", "晚上 22 点后保持安静");
		complete(dispute, MediationProcess.TALK_OTHER, "agent", "otherFacts", "孩子晚上写完作业会玩一会，不知道楼下听得到",
				"otherDemands", "希望楼下有事直接说，不要敲暖气管");
	}

	private void fireTimer(ProcessInstance dispute, String timerId) {
		Job timer = managementService.createJobQuery().processInstanceId(dispute.getId()).activityId(timerId).timers().singleResult();
		assertThat(timer).as(timerId).isNotNull();
		TestClock.set(OffsetDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault()).plusMinutes(1));
		managementService.executeJob(timer.getId());
	}

	@Test
	void noiseDisputeIsMediatedWithEvidenceSettledFollowedUpAndClosedInWriting() {
		ProcessInstance dispute = dispute("4-1201", "noise", "楼上每天深夜噪音，希望物业帮忙调解", "4-1301");
		String caseNo = caseNo(dispute);

		assertThat(dispute).isWaitingAt(MediationProcess.TALK_REPORTER, MediationProcess.TALK_OTHER).variables()
				.containsEntry("otherUnits", "4-1301").containsEntry(MediationProcess.RECURRING.name(), false);
		assertThat(slas.clock(caseNo, SlaNames.MEDIATION_FIRST_CONTACT).orElseThrow().dueAt()).isEqualTo(TestClock.DAY.plusHours(24));
		assertThat(timeline(caseNo)).contains("parties:纠纷双方：报事方 4-1201，对方 4-1301");

		TestClock.advance(Duration.ofHours(2));
		complete(dispute, MediationProcess.TALK_REPORTER, "agent", "reporterFacts", "近两周每晚 23 点后楼上有拖动家具和跑跳声",
				"reporterDemands", "晚上 22 点后保持安静");
		assertThat(slas.clock(caseNo, SlaNames.MEDIATION_FIRST_CONTACT).orElseThrow().state())
				.as("met only when both parties have been contacted").isEqualTo(SlaClock.State.RUNNING);
		complete(dispute, MediationProcess.TALK_OTHER, "agent", "otherFacts", "孩子晚上写完作业会玩一会，不知道楼下听得到",
				"otherDemands", "希望楼下有事直接说");
		assertThat(slas.clock(caseNo, SlaNames.MEDIATION_FIRST_CONTACT).orElseThrow().state()).isEqualTo(SlaClock.State.MET);
		assertThat(cases.find(caseNo).orElseThrow().status()).isEqualTo(CaseStatus.IN_PROGRESS);

		String decibel = evidenceFile("evidence");
		String photo = evidenceFile("evidence");
		complete(dispute, MediationProcess.EVIDENCE, "agent", "decibelUploads", decibel, "photoUploads", photo,
				"evidenceFindings", "23:20 在 4-1201 卧室测得 52 分贝", "referToPolice", false);
		assertThat(dispute).isWaitingAt(MediationProcess.PROPOSE).variables()
				.containsEntry(MediationProcess.EVIDENCE_SUMMARY.name(), "分贝测量 1 份、照片 1 份");
		assertThat(jdbc.queryForList("select upload_id from mediation_evidence where case_no = ?", String.class, caseNo))
				.containsExactlyInAnyOrder(decibel, photo);

		complete(dispute, MediationProcess.PROPOSE, "agent", "settlement", "22 点后不在室内跑跳，家具脚加垫；楼下有事先联系物业");
		complete(dispute, MediationProcess.RESPONSES, "agent", "reporterAccepts", true, "reporterResponse", "可以",
				"otherAccepts", true, "otherResponse", "同意加垫");
		assertThat(timeline(caseNo)).contains("response:报事方接受调解方案", "response:对方接受调解方案");

		OffsetDateTime settledAt = Clock.now();
		Job first = managementService.createJobQuery().processInstanceId(dispute.getId())
				.activityId(MediationProcess.TIMER_FIRST_FOLLOW_UP).timers().singleResult();
		assertThat(first.getDuedate().toInstant()).isEqualTo(settledAt.plusDays(7).toInstant());
		fireTimer(dispute, MediationProcess.TIMER_FIRST_FOLLOW_UP);
		complete(dispute, MediationProcess.FIRST_FOLLOW_UP, "agent", "firstFollowUpNote", "双方均表示晚上安静了");
		Job second = managementService.createJobQuery().processInstanceId(dispute.getId())
				.activityId(MediationProcess.TIMER_SECOND_FOLLOW_UP).timers().singleResult();
		assertThat(second.getDuedate().toInstant()).isEqualTo(settledAt.plusDays(30).toInstant());
		fireTimer(dispute, MediationProcess.TIMER_SECOND_FOLLOW_UP);
		complete(dispute, MediationProcess.SECOND_FOLLOW_UP, "agent", "secondFollowUpNote", "未再发生");
		complete(dispute, MediationProcess.CLOSE_IN_WRITING, "agent", "closingLetter", "经调解双方达成一致：……");

		assertThat(dispute).hasPassed(MediationProcess.END_CLOSED).isEnded();
		assertThat(cases.find(caseNo).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(ownerEvents(caseNo)).containsExactly("accepted", "closed");
		assertThat(timeline(caseNo)).as("the timeline says who was heard, never what they said")
				.noneMatch(line -> line.contains("跑跳") || line.contains("写完作业") || line.contains("52 分贝"));
	}

	@Test
	void disputeReferredToThePoliceOfficeRecordsItsOutcomeAndClosesUnsettled() {
		ProcessInstance dispute = dispute("5-0801", "shared-space", "对门在楼道堆放杂物，沟通时发生争吵", "5-0802");
		talks(dispute);
		complete(dispute, MediationProcess.EVIDENCE, "agent", "cctvUploads", evidenceFile("evidence"), "referToPolice", true);
		assertThat(dispute).isWaitingAt(MediationProcess.POLICE);
		complete(dispute, MediationProcess.POLICE, "agent", "policeOutcome", "社区民警到场批评教育，双方承诺不再争吵");
		assertThat(timeline(dispute)).contains("police:转社区警务室，处理结果：社区民警到场批评教育，双方承诺不再争吵");

		complete(dispute, MediationProcess.PROPOSE, "agent", "settlement", "杂物三日内清出楼道");
		complete(dispute, MediationProcess.RESPONSES, "agent", "reporterAccepts", true, "otherAccepts", false, "otherResponse",
				"杂物要放到下月", "reviseSettlement", true);
		assertThat(dispute).as("a side declined: a revised proposal").isWaitingAt(MediationProcess.PROPOSE);
		complete(dispute, MediationProcess.PROPOSE, "agent", "settlement", "杂物月底前清出楼道，其间靠墙放置不挡通道");
		complete(dispute, MediationProcess.RESPONSES, "agent", "reporterAccepts", false, "reporterResponse", "不能等到月底",
				"otherAccepts", true, "reviseSettlement", false);
		assertThat(dispute).as("not settled: straight to the written closing, no follow-up").isWaitingAt(MediationProcess.CLOSE_IN_WRITING);
		complete(dispute, MediationProcess.CLOSE_IN_WRITING, "agent", "closingLetter", "调解未达成一致，可向街道人民调解委员会申请调解");

		assertThat(dispute).hasPassed(MediationProcess.END_CLOSED).hasNotPassed(MediationProcess.FIRST_FOLLOW_UP).isEnded();
		assertThat(timeline(dispute)).anySatisfy(line -> assertThat(line).contains("调解未达成一致"));
	}

	@Test
	void secondDisputeBetweenTheSameUnitsWithinNinetyDaysIsFlaggedAndGetsALongTermMeasure() {
		ProcessInstance first = dispute("6-1501", "pets", "楼上的狗每天早上叫", "6-1601");
		runtimeService.deleteProcessInstance(first.getId(), "settled elsewhere");
		TestClock.advance(Duration.ofDays(40));
		// reported by the other side this time: the same two units
		ProcessInstance second = dispute("6-1601", "pets", "楼下敲天花板", "6-1501");

		assertThat(second).variables().containsEntry(MediationProcess.RECURRING.name(), true)
				.containsEntry(MediationProcess.RECURRING_OF.name(), caseNo(first));
		assertThat(timeline(second)).anySatisfy(line -> assertThat(line).startsWith("recurring:重复纠纷：同样的房号在 90 天内已有调解 " + caseNo(first)));

		talks(second);
		complete(second, MediationProcess.EVIDENCE, "agent", "referToPolice", false);
		complete(second, MediationProcess.PROPOSE, "agent", "settlement", "早上 7 点前狗不放阳台");
		complete(second, MediationProcess.RESPONSES, "agent", "reporterAccepts", true, "otherAccepts", true);
		Task measure = taskService.createTaskQuery().processInstanceId(second.getId())
				.taskDefinitionKey(MediationProcess.LONG_TERM).singleResult();
		assertThat(candidateGroups(measure)).containsExactly("management");
		complete(second, MediationProcess.LONG_TERM, "manager", "longTermMeasure", "组织 6 号楼养宠邻居参加周末文明养犬共建活动");
		assertThat(timeline(second)).contains("long-term:长效措施：组织 6 号楼养宠邻居参加周末文明养犬共建活动");
		assertThat(second).isWaitingAt(MediationProcess.TIMER_FIRST_FOLLOW_UP);
	}

	@Test
	void disputeWithOtherUnitsLongAgoIsNotRecurring() {
		ProcessInstance first = dispute("6-0301", "noise", "楼上装修", "6-0401");
		runtimeService.deleteProcessInstance(first.getId(), "closed");
		TestClock.advance(Duration.ofDays(91));
		ProcessInstance late = dispute("6-0301", "noise", "楼上又装修", "6-0401");
		ProcessInstance otherPair = dispute("6-0301", "noise", "隔壁噪音", "6-0302");

		assertThat(late).as("the same units, 91 days later").variables().containsEntry(MediationProcess.RECURRING.name(), false);
		assertThat(otherPair).as("the same reporter with another neighbour").variables()
				.containsEntry(MediationProcess.RECURRING.name(), false);
	}

	@Test
	void firstContactLeftForADayEscalatesToManagement() {
		ProcessInstance dispute = dispute("1-0501", "leak", "楼上卫生间漏水到我家天花板", "1-0601");
		letClockRunOut(caseNo(dispute), SlaNames.MEDIATION_FIRST_CONTACT);
		assertThat(slas.clock(caseNo(dispute), SlaNames.MEDIATION_FIRST_CONTACT).orElseThrow().escalatedTo()).isEqualTo("management");
		assertThat(dispute).isWaitingAt(MediationProcess.TALK_REPORTER, MediationProcess.TALK_OTHER);
	}

	@Test
	void talkWithoutFactsAndEvidenceThatIsNoEvidenceUploadAreRefused() {
		ProcessInstance dispute = dispute("2-0901", "renovation", "楼上装修把我家墙面震裂", "2-1001");
		Task talk = taskService.createTaskQuery().processInstanceId(dispute.getId()).taskDefinitionKey(MediationProcess.TALK_REPORTER)
				.singleResult();
		assertThatThrownBy(() -> completeAs("agent", talk, "reporterFacts", " ")).hasMessageContaining("请记录对方陈述的事实");
		talks(dispute);
		Task evidence = taskService.createTaskQuery().processInstanceId(dispute.getId()).taskDefinitionKey(MediationProcess.EVIDENCE)
				.singleResult();
		String photo = evidenceFile("photo");
		assertThatThrownBy(() -> completeAs("agent", evidence, "photoUploads", photo)).hasMessageContaining("不是作为证据");
		assertThatThrownBy(() -> completeAs("agent", evidence, "photoUploads", "照片1")).hasMessageContaining("不是上传文件的编号");
		assertThat(jdbc.queryForObject("select count(*) from mediation_evidence where case_no = ?", Integer.class, caseNo(dispute)))
				.isZero();
	}

}
