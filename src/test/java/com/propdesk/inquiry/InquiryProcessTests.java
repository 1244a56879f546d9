package com.propdesk.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.CaseProcessTest;
import com.propdesk.ProcessCoverage;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.Work;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseStatus;
import com.propdesk.sla.SlaClock;
import com.propdesk.sla.SlaNames;

/** One test per path through {@code processes/inquiry.bpmn}. */
@PropDeskTest
class InquiryProcessTests extends CaseProcessTest {

	@RegisterExtension
	static ProcessCoverage coverage = new ProcessCoverage(InquiryProcess.KEY, 0.9);

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	KnowledgeMatcher matcher;

	@Autowired
	UnansweredQuestions unanswered;

	@AfterEach
	void forgetLearntWordings() {
		// wordings the desk's choices taught: each test starts from the shipped knowledge base
		jdbc.update("delete from kb_phrasing where case_no is not null");
	}

	private CaseRecord ask(String channel, String question) {
		return cases.open(new CaseRequest("inquiry", channel, channel + "-" + UUID.randomUUID(),
				new CaseRequest.Reporter("周女士", "13700000000"), "2", "2-602", null, question, null)).record();
	}

	private HistoricProcessInstance process(CaseRecord inquiry) {
		return processEngine.getHistoryService().createHistoricProcessInstanceQuery()
				.processDefinitionKey(InquiryProcess.KEY).processInstanceBusinessKey(inquiry.caseNo()).singleResult();
	}

	private Task task(CaseRecord inquiry) {
		return taskService.createTaskQuery().processInstanceBusinessKey(inquiry.caseNo())
				.processDefinitionKey(InquiryProcess.KEY).singleResult();
	}

	private void complete(CaseRecord inquiry, String activity, String user, Object... variables) {
		Task task = task(inquiry);
		assertThat(task.getTaskDefinitionKey()).isEqualTo(activity);
		completeAs(user, task, variables);
	}

	private List<String> ownerEvents(CaseRecord inquiry) {
		return ownerEvents(inquiry.caseNo());
	}

	private SlaClock clock(CaseRecord inquiry, String sla) {
		return slas.clock(inquiry.caseNo(), sla).orElseThrow();
	}

	private CaseRecord reload(CaseRecord inquiry) {
		return cases.find(inquiry.caseNo()).orElseThrow();
	}

	private void breach(CaseRecord inquiry, String sla) {
		letClockRunOut(inquiry.caseNo(), sla);
	}

	@Test
	void aCommonQuestionOnWeChatIsAnsweredWithTheStandardAnswerWithinTheRequest() {
		CaseRecord inquiry = ask("wechat", "物业费可以微信支付吗");

		// the case was answered before open() returned: the channel's request gets the answer
		assertThat(inquiry.status()).isEqualTo(CaseStatus.CLOSED);
		String standard = knowledge.latest("fee-payment").orElseThrow().answer();
		assertThat(inquiry.answer()).isEqualTo(standard);
		assertThat(process(inquiry).getEndActivityId()).isEqualTo(InquiryProcess.END_AUTO_ANSWERED);
		assertThat(ownerEvents(inquiry)).containsExactly("answered");
		SlaClock firstResponse = clock(inquiry, SlaNames.INQUIRY_FIRST_RESPONSE);
		assertThat(firstResponse.metAt()).isNotNull();
		assertThat(firstResponse.breached()).isFalse();
		assertThat(jdbc.queryForMap("select outcome, answered_code from inquiry_question where case_no = ?", inquiry.caseNo()))
				.containsEntry("OUTCOME", "auto").containsEntry("ANSWERED_CODE", "fee-payment");
	}

	@Test
	void aQuestionWithTwoAsksGetsTheMainOneAnsweredAtOnceAndTheDeskAnswersTheRest() {
		CaseRecord inquiry = ask("wechat", "物业费可以微信支付吗？另外小区附近有没有好的幼儿园");

		// the main ask answered within the request; the case stays open for the rest
		String standard = knowledge.latest("fee-payment").orElseThrow().answer();
		assertThat(inquiry.status()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(inquiry.answer()).startsWith(standard).contains("小区附近有没有好的幼儿园");
		assertThat(ownerEvents(inquiry)).containsExactly("answered");
		// the rest is still to be answered within the first response's 30 minutes: the desk's task is due then
		assertThat(clock(inquiry, SlaNames.INQUIRY_FIRST_RESPONSE).metAt()).isNull();
		Task desk = task(inquiry);
		assertThat(desk.getTaskDefinitionKey()).isEqualTo(InquiryProcess.DESK_ANSWER);
		assertThat(desk.getDueDate()).isEqualTo(java.util.Date.from(clock(inquiry, SlaNames.INQUIRY_FIRST_RESPONSE).dueAt().toInstant()));
		Map<String, Object> variables = taskService.getVariables(desk.getId());
		assertThat(variables).containsEntry("restQuestion", "小区附近有没有好的幼儿园").containsEntry("partialAnswer", standard);
		// the desk's answer text starts empty, not with the answer already sent
		assertThat(variables.get("answerText")).isNull();

		complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "own",
				InquiryProcess.ANSWER_TEXT.name(), "附近有阳光幼儿园，步行约十分钟。");

		CaseRecord answered = reload(inquiry);
		assertThat(answered.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(answered.answer()).startsWith(standard).endsWith("关于「小区附近有没有好的幼儿园」：附近有阳光幼儿园，步行约十分钟。");
		assertThat(ownerEvents(inquiry)).containsExactly("answered", "answered");
		assertThat(clock(inquiry, SlaNames.INQUIRY_FIRST_RESPONSE).metAt()).isNotNull();
		assertThat(process(inquiry).getEndActivityId()).isEqualTo(InquiryProcess.END_ANSWERED);
		assertThat(jdbc.queryForList("select kind from case_event where case_no = ?", String.class, inquiry.caseNo()))
				.contains(InquiryCaseType.Timeline.PARTLY_ANSWERED.code());
	}

	@Test
	void aCandidateChosenForTheRestTeachesTheRestNotTheWholeMessage() {
		CaseRecord inquiry = ask("app", "物业费可以微信支付吗？还有 晚上楼上太吵了怎么办才好呢我真的受不了");
		Task desk = task(inquiry);
		assertThat(desk.getTaskDefinitionKey()).isEqualTo(InquiryProcess.DESK_ANSWER);
		String rest = (String) taskService.getVariable(desk.getId(), "restQuestion");
		assertThat(rest).isNotBlank().doesNotContain("物业费");

		complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "candidate1");

		assertThat(jdbc.queryForList("select question from kb_phrasing where case_no = ?", String.class, inquiry.caseNo()))
				.containsExactly(rest);
	}

	@Test
	void anEntryOnTheTopicThatDoesNotSayWhatIsAskedLeavesItToTheDeskAndSaysWhy() {
		// the clubhouse entry says how to book, not what it costs
		CaseRecord inquiry = ask("app", "会所健身房办年卡多少钱");

		Task desk = task(inquiry);
		assertThat(desk.getTaskDefinitionKey()).isEqualTo(InquiryProcess.DESK_ANSWER);
		assertThat((String) taskService.getVariable(desk.getId(), "triageReason")).contains("不自动答复");
	}

	@Test
	void aRequestToDoSomethingForTheOwnerReachesTheDesk() {
		eachReachesAPerson(List.of("帮我预约一下周六的乒乓球室", "门禁卡丢了，赶紧帮我挂失", "周末能装修吗？楼上周末一直在电钻，你们管不管"));
	}

	@Test
	void claimsOutagesAndFaultsWordedAsQuestionsReachAPerson() {
		// found from outside: each of these was answered with the entry on its topic and closed
		eachReachesAPerson(List.of("电动车在车棚充电被偷了，物业赔不赔", "快递放快递柜被人拿走了，你们要负责", "装修押金到现在还没退，给我个说法",
				"现在停电了 什么时候能来电啊", "医药费你们给不给补偿", "人脸识别失败进不去门怎么办", "宽带网速慢找物业有用吗"));
	}

	/** Each message opens an inquiry that waits for a person's task and was not answered from the knowledge base. */
	private void eachReachesAPerson(List<String> messages) {
		for (String message : messages) {
			CaseRecord inquiry = ask("app", message);
			assertThat(task(inquiry)).as(message).isNotNull();
			assertThat(reload(inquiry).answer()).as(message).isNull();
		}
	}

	@Test
	void aComplaintAboutTheGuardsGoesToManagementNotToTheGuards() {
		for (String complaint : List.of("我要投诉保安态度太差", "门岗那个保安态度很差，我很不满意", "物业管理处的服务让人不满",
				"你们保安部太不负责了")) {
			CaseRecord inquiry = ask("app", complaint);

			Task specialist = task(inquiry);
			assertThat(specialist.getTaskDefinitionKey()).as(complaint).isEqualTo(InquiryProcess.SPECIALIST_REPLY);
			assertThat(Work.candidateGroups(taskService, specialist)).as(complaint).containsExactly("management");
		}
	}

	@Test
	void aRequestToLookAtTheCamerasReachesTheDeskNeverAnAutomaticAnswer() {
		CaseRecord inquiry = ask("app", "快递放门口被人拿走了，能帮我查下监控吗");

		assertThat(task(inquiry).getTaskDefinitionKey()).isEqualTo(InquiryProcess.DESK_ANSWER);
		assertThat((String) taskService.getVariable(task(inquiry).getId(), "triageReason")).contains("请物业办事");
	}

	@Test
	void anUncertainMatchGoesToTheDeskWithThreeCandidatesAndTheAgentAnswersWithOne() {
		CaseRecord inquiry = ask("app", "物业费交哪");

		assertThat(reload(inquiry).status()).isEqualTo(CaseStatus.ACCEPTED);
		assertThat(ownerEvents(inquiry)).containsExactly("accepted");
		Task desk = task(inquiry);
		assertThat(desk.getTaskDefinitionKey()).isEqualTo(InquiryProcess.DESK_ANSWER);
		assertThat(Work.candidateGroups(taskService, desk)).containsExactly("service-desk");
		Map<String, Object> variables = taskService.getVariables(desk.getId());
		// the invoice entry is as alike to "物业费交哪", but it is about 发票: the desk sees the payment entry first
		assertThat(variables.get("candidate1Code")).isEqualTo("fee-payment");
		assertThat(variables.get("candidate2Code")).isNotNull();
		assertThat(variables.get("candidate3Code")).isNotNull();

		complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "candidate1");

		CaseRecord answered = reload(inquiry);
		assertThat(answered.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(answered.answer()).isEqualTo(knowledge.latest("fee-payment").orElseThrow().answer());
		assertThat(ownerEvents(inquiry)).containsExactly("accepted", "answered");
		assertThat(clock(inquiry, SlaNames.INQUIRY_FIRST_RESPONSE).breached()).isFalse();
		assertThat(process(inquiry).getEndActivityId()).isEqualTo(InquiryProcess.END_ANSWERED);
		assertThat(jdbc.queryForObject("select outcome from inquiry_question where case_no = ?", String.class,
				inquiry.caseNo())).isEqualTo("candidate");
	}

	@Test
	void theDesksChoiceTeachesTheKnowledgeBaseANewWording() {
		String wording = "小区的水池夏天什么时候放水";
		CaseRecord first = ask("app", wording);
		Task desk = task(first);
		assertThat(desk.getTaskDefinitionKey()).isEqualTo(InquiryProcess.DESK_ANSWER);
		int chosen = java.util.stream.IntStream.rangeClosed(1, 3)
				.filter(n -> "pool-hours".equals(taskService.getVariable(desk.getId(), "candidate" + n + "Code"))).findFirst()
				.orElseThrow();

		complete(first, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "candidate" + chosen);

		assertThat(knowledge.phrasingsOf("pool-hours")).extracting(KnowledgeBase.Phrasing::question).contains(wording);
		CaseRecord next = ask("wechat", "小区水池夏天什么时候放水呀？");
		assertThat(next.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(next.answer()).isEqualTo(knowledge.latest("pool-hours").orElseThrow().answer());

		// a wording the owners remove no longer answers
		long id = knowledge.phrasingsOf("pool-hours").stream().filter(p -> p.question().equals(wording)).findFirst()
				.orElseThrow().id();
		assertThat(knowledge.removePhrasing("pool-hours", id, "agent")).isTrue();
		assertThat(matcher.match("小区水池夏天什么时候放水呀？").confident()).isFalse();
	}

	@Test
	void aRenovationDisputeReachesAnEngineeringSpecialistWithAPromisedTimeTheOwnerSees() {
		CaseRecord inquiry = ask("wechat", "楼上装修把我家卫生间天花板泡了，这个谁负责赔偿？");

		CaseRecord handedOver = reload(inquiry);
		assertThat(handedOver.status()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(handedOver.department()).isEqualTo("engineering");
		OffsetDateTime promised = TestClock.DAY.plusHours(24);
		assertThat(jdbc.queryForMap("select event, promised_at from owner_event where case_no = ? and event = 'promised'",
				inquiry.caseNo()).get("PROMISED_AT")).isNotNull();
		assertThat(ownerEvents(inquiry)).containsExactly("promised");
		// the promise is the first response, and the promise itself is now a clock
		assertThat(clock(inquiry, SlaNames.INQUIRY_FIRST_RESPONSE).metAt()).isEqualTo(TestClock.DAY);
		SlaClock promise = clock(inquiry, SlaNames.INQUIRY_PROMISED_REPLY);
		assertThat(promise.dueAt().toInstant()).isEqualTo(promised.toInstant());
		assertThat(promise.escalateTo()).isEqualTo("management");
		Task specialist = task(inquiry);
		assertThat(specialist.getTaskDefinitionKey()).isEqualTo(InquiryProcess.SPECIALIST_REPLY);
		assertThat(Work.candidateGroups(taskService, specialist)).containsExactly("engineering");

		TestClock.advance(Duration.ofHours(5));
		complete(inquiry, InquiryProcess.SPECIALIST_REPLY, "engineer", InquiryProcess.ANSWER_TEXT.name(),
				"已上门查看：楼上卫生间防水层破损导致渗漏，按装修管理协议由楼上业主负责修复并赔偿，物业已约双方明天上午 10 点现场协调。");

		CaseRecord answered = reload(inquiry);
		assertThat(answered.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(answered.answer()).contains("防水层破损");
		assertThat(clock(inquiry, SlaNames.INQUIRY_PROMISED_REPLY).breached()).isFalse();
		assertThat(clock(inquiry, SlaNames.INQUIRY_PROMISED_REPLY).metAt()).isNotNull();
		assertThat(ownerEvents(inquiry)).containsExactly("promised", "answered");
		assertThat(jdbc.queryForObject("select outcome from inquiry_question where case_no = ?", String.class,
				inquiry.caseNo())).isEqualTo("specialist");
	}

	@Test
	void aSpecialistPastThePromisedTimeIsEscalatedToManagement() {
		CaseRecord inquiry = ask("phone", "楼上装修把我家卫生间天花板泡了，这个谁负责赔偿？");

		breach(inquiry, SlaNames.INQUIRY_PROMISED_REPLY);

		SlaClock promise = clock(inquiry, SlaNames.INQUIRY_PROMISED_REPLY);
		assertThat(promise.breached()).isTrue();
		assertThat(promise.escalatedTo()).isEqualTo("management");
		assertThat(cases.timeline(inquiry.caseNo())).anySatisfy(e -> assertThat(e.message()).startsWith("超时：承诺答复"));
		// the specialist still answers; the breach stays on record
		complete(inquiry, InquiryProcess.SPECIALIST_REPLY, "engineer", InquiryProcess.ANSWER_TEXT.name(), "已协调，楼上业主负责维修。");
		assertThat(reload(inquiry).status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(clock(inquiry, SlaNames.INQUIRY_PROMISED_REPLY).breached()).isTrue();
	}

	@Test
	void theDeskHandsOverWithThePromiseItChooses() {
		CaseRecord inquiry = ask("app", "下个月想在小区花园办一场婚礼酒席，可以吗？");
		assertThat(task(inquiry).getTaskDefinitionKey()).isEqualTo(InquiryProcess.DESK_ANSWER);

		TestClock.advance(Duration.ofMinutes(10));
		complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "specialist",
				InquiryProcess.SPECIALIST_GROUP.name(), "security", InquiryProcess.PROMISE_HOURS.name(), "4");

		assertThat(clock(inquiry, SlaNames.INQUIRY_PROMISED_REPLY).dueAt().toInstant())
				.isEqualTo(TestClock.DAY.plusMinutes(10).plusHours(4).toInstant());
		assertThat(Work.candidateGroups(taskService, task(inquiry))).containsExactly("security");
		assertThat(ownerEvents(inquiry)).containsExactly("accepted", "promised");
	}

	@Test
	void aDeskLeftForThirtyMinutesEscalatesToTheDutyOfficer() {
		CaseRecord inquiry = ask("web", "请问这边的学区是哪个小学？");

		breach(inquiry, SlaNames.INQUIRY_FIRST_RESPONSE);

		SlaClock firstResponse = clock(inquiry, SlaNames.INQUIRY_FIRST_RESPONSE);
		assertThat(firstResponse.breached()).isTrue();
		assertThat(firstResponse.escalatedTo()).isEqualTo("duty-officer");
		assertThat(firstResponse.dueAt().toInstant()).isEqualTo(TestClock.DAY.plusMinutes(30).toInstant());
	}

	@Test
	void anAnswerWrittenByHandBecomesAnEntryOnceItsOwnersApproveIt() {
		String question = "小区东门晚上几点关门？十一点以后还能从东门进吗";
		CaseRecord inquiry = ask("app", question);
		String answer = "东门开放时间为 6:00–23:00，23:00 后请走南门（24 小时有人值守），刷门禁卡或人脸进入。";
		complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "own", InquiryProcess.ANSWER_TEXT.name(),
				answer, InquiryProcess.ADD_TO_KNOWLEDGE.name(), true, InquiryProcess.KNOWLEDGE_CATEGORY.name(), "access");

		assertThat(reload(inquiry).answer()).isEqualTo(answer);
		Task review = task(inquiry);
		assertThat(review.getTaskDefinitionKey()).isEqualTo(InquiryProcess.REVIEW_ENTRY);
		// access entries belong to security; management may review any
		assertThat(Work.candidateGroups(taskService, review)).containsExactlyInAnyOrder("security", "management");
		assertThat(matcher.match("东门几点关门").confident()).isFalse();

		complete(inquiry, InquiryProcess.REVIEW_ENTRY, "guard", InquiryProcess.APPROVED.name(), true, "draftQuestion",
				"小区东门几点关门？晚上还能进吗？", "draftKeywords", "东门, 关门, 大门, 几点关");

		long draftId = jdbc.queryForObject("select max(id) from kb_draft where case_no = ?", Long.class, inquiry.caseNo());
		KnowledgeEntry entry = knowledge.latest("kb-" + draftId).orElseThrow();
		assertThat(entry.category()).isEqualTo("access");
		assertThat(entry.department()).isEqualTo("security");
		assertThat(entry.answer()).isEqualTo(answer);
		assertThat(entry.changedBy()).isEqualTo("guard");
		assertThat(process(inquiry).getEndActivityId()).isEqualTo(InquiryProcess.END_ANSWERED);
		// the next owner asking gets the new answer at once
		CaseRecord next = ask("wechat", "东门晚上几点关门啊");
		assertThat(next.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(next.answer()).isEqualTo(answer);
	}

	@Test
	void aRejectedDraftAddsNothing() {
		CaseRecord inquiry = ask("app", "小区里能不能摆摊卖菜？");
		complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "own", InquiryProcess.ANSWER_TEXT.name(),
				"小区内不允许摆摊经营。", InquiryProcess.ADD_TO_KNOWLEDGE.name(), true, InquiryProcess.KNOWLEDGE_CATEGORY.name(), "services");
		int entries = knowledge.latest().size();

		// the agent who wrote the answer may not approve it; management (or a colleague) reviews
		assertThat(Work.candidateGroups(taskService, task(inquiry))).containsExactlyInAnyOrder("service-desk", "management");
		Task review = task(inquiry);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Work.completeAs(identityService, taskService, "agent", review,
				Map.of(InquiryProcess.APPROVED.name(), true))).hasMessageContaining("不能审核自己提交的草稿");
		assertThat(knowledge.latest()).hasSize(entries);

		complete(inquiry, InquiryProcess.REVIEW_ENTRY, "manager", InquiryProcess.APPROVED.name(), false, "reviewNote", "属个案，不收录");

		assertThat(knowledge.latest()).hasSize(entries);
		assertThat(jdbc.queryForObject("select status from kb_draft where case_no = ?", String.class, inquiry.caseNo()))
				.isEqualTo("rejected");
		assertThat(process(inquiry).getEndActivityId()).isEqualTo(InquiryProcess.END_ANSWERED);
	}

	@Test
	void aSmellOfGasIsNeverAnsweredFromTheKnowledgeBaseAndPagesTheDutyOfficer() {
		CaseRecord inquiry = ask("wechat", "家里厨房有很重的煤气味，燃气怎么办");

		assertThat(task(inquiry).getTaskDefinitionKey()).isEqualTo(InquiryProcess.DESK_ANSWER);
		assertThat(reload(inquiry).answer()).isNull();
		assertThat(reload(inquiry).priority()).isEqualTo("P1");
		assertThat(taskService.getVariable(task(inquiry).getId(), "triageReason").toString()).startsWith("疑似险情");
		assertThat(jdbc.queryForObject("select count(*) from notification where event_id = ? and recipient = 'duty-officer'",
				Integer.class, "inquiry-urgent:" + inquiry.caseNo())).isEqualTo(1);

		// the agent calls back and turns it into an emergency case at once
		complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "emergency", "incidentType",
				"gas-leak", "building", "2", "unit", "2-602");

		CaseRecord answered = reload(inquiry);
		assertThat(answered.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(cases.links(inquiry.caseNo())).singleElement().satisfies(link -> {
			assertThat(link.caseNo()).startsWith("E-");
			assertThat(answered.answer()).contains(link.caseNo()).contains("紧急事件");
			CaseRecord emergency = cases.find(link.caseNo()).orElseThrow();
			assertThat(emergency.category()).isEqualTo("gas-leak");
			assertThat(emergency.reporterPhone()).isEqualTo("13700000000");
		});
	}

	@Test
	void aFaultReportedAsAQuestionBecomesALinkedRepair() {
		CaseRecord inquiry = ask("app", "卫生间下水道堵了，水都漫出来了，怎么办？");
		assertThat(taskService.getVariable(task(inquiry).getId(), "triageReason").toString()).contains("转报修");

		complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "repair", "repairCategory",
				"plumbing", "building", "2", "unit", "2-602");

		CaseRecord answered = reload(inquiry);
		assertThat(answered.status()).isEqualTo(CaseStatus.CLOSED);
		String repairNo = cases.links(inquiry.caseNo()).get(0).caseNo();
		assertThat(repairNo).startsWith("R-");
		assertThat(answered.answer()).contains(repairNo);
		assertThat(cases.find(repairNo).orElseThrow().category()).isEqualTo("plumbing");
		assertThat(ownerEvents(inquiry)).containsExactly("accepted", "answered");
		assertThat(jdbc.queryForObject("select outcome from inquiry_question where case_no = ?", String.class,
				inquiry.caseNo())).isEqualTo("linked");
	}

	@Test
	void aRepairNeedsAPlaceTheRegistryKnows() {
		CaseRecord inquiry = ask("app", "卫生间下水道堵了");
		Task desk = task(inquiry);

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Work.completeAs(identityService, taskService, "agent", desk,
				Map.of(InquiryProcess.ANSWER_MODE.name(), "repair", "repairCategory", "plumbing", "building", "99", "unit", "")))
				.hasMessageContaining("building");

		assertThat(task(inquiry).getId()).isEqualTo(desk.getId());
		assertThat(cases.links(inquiry.caseNo())).isEmpty();
		assertThat(reload(inquiry).building()).isEqualTo("2");
	}

	@Test
	void aLongAnswerReachesTheOwnerWholeOnTheCaseAndShortenedInTheMessage() {
		CaseRecord inquiry = ask("app", "请详细介绍一下小区周边的配套设施");
		String answer = "小区周边配套：".repeat(1) + "超市、菜场、银行、医院、学校、公交、地铁站，步行十分钟内均可到达。".repeat(20);

		complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "own", InquiryProcess.ANSWER_TEXT.name(), answer);

		assertThat(reload(inquiry).answer()).isEqualTo(answer);
		String summary = jdbc.queryForObject("select summary from owner_event where case_no = ? and event = 'answered'",
				String.class, inquiry.caseNo());
		assertThat(summary.length()).isLessThanOrEqualTo(500);
		assertThat(summary).endsWith("（完整答复请查看事项进度页）");
	}

	@Test
	void questionsTheKnowledgeBaseCouldNotAnswerAreListedMostFrequentFirst() {
		for (String q : List.of("小区对口的学区是哪个小学", "请问学区是哪个小学", "孩子明年上学，我们小区的学区是哪个小学")) {
			CaseRecord inquiry = ask("app", q);
			complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "own",
					InquiryProcess.ANSWER_TEXT.name(), "翠湖花园对口西湖小学，以教育局当年公布为准。");
		}
		CaseRecord once = ask("app", "电梯里的广告收入归谁");
		complete(once, InquiryProcess.DESK_ANSWER, "agent", InquiryProcess.ANSWER_MODE.name(), "own", InquiryProcess.ANSWER_TEXT.name(),
				"公共收益归全体业主，每半年公示。");

		List<UnansweredQuestions.Group> groups = unanswered.groups(1);
		assertThat(groups.get(0).count()).isEqualTo(3);
		assertThat(groups.get(0).examples()).allSatisfy(q -> assertThat(q).contains("学区"));
		assertThat(groups).anySatisfy(g -> assertThat(g.question()).isEqualTo("电梯里的广告收入归谁"));
	}

	@Test
	void anAgentRegistersAPhoneInquiryFromTheStartForm() {
		identityService.setAuthentication("agent", List.of("service-desk"));
		try {
			var instance = runtimeService.startProcessInstanceByKey(InquiryProcess.KEY,
					Map.of("channel", "phone", "reporterName", "吴先生", "reporterPhone", "13600000000", "building", "5", "unit", "5-301",
							"description", "快递柜在哪"));
			CaseRecord inquiry = cases.find(instance.getBusinessKey()).orElseThrow();
			assertThat(inquiry.status()).isEqualTo(CaseStatus.CLOSED);
			assertThat(inquiry.answer()).isEqualTo(knowledge.latest("delivery-parcel").orElseThrow().answer());
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
