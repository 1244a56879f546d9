package com.propdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.propdesk.Jobs;
import com.propdesk.LocalReceiver;
import com.propdesk.OwnerEventJobs;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;

/** Owner-visible events delivered to a real HTTP receiver on loopback, with the job executor's retries driven by hand. */
@PropDeskTest
class OwnerEventDeliveryTests {

	@Autowired
	CaseService cases;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Notifications notificationService;

	LocalReceiver receiver;

	@BeforeEach
	void setUp() throws Exception {
		receiver = new LocalReceiver();
		TestClock.set(TestClock.DAY);
	}

	@AfterEach
	void tearDown() {
		receiver.close();
		runtimeService.createProcessInstanceQuery().list()
				.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
		managementService.createJobQuery().processDefinitionKey(OwnerEvents.DELIVERY).list()
				.forEach(j -> managementService.deleteJob(j.getId()));
		TestClock.reset();
	}

	private String open() {
		return cases.open(new CaseRequest("repair", "app", "app-" + java.util.UUID.randomUUID(),
				new CaseRequest.Reporter("赵先生", "13911112222"), "1", "1-801", "plumbing", "卫生间漏水",
				receiver.url("/hooks/case"))).record().caseNo();
	}

	private Job delivery(String caseNo) {
		return OwnerEventJobs.callback(managementService, jdbc, caseNo);
	}

	private boolean runJob(String caseNo) {
		return Jobs.runWhenDue(managementService, delivery(caseNo));
	}

	@Test
	void callbackFailingTwiceIsRetriedWithTheSameEventIdAndDeliveredOnce() throws Exception {
		receiver.failing(2);
		String caseNo = open();
		Job first = delivery(caseNo);
		String eventId = OwnerEventJobs.eventId(first);

		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(OwnerEvents.DELIVERY)
				.processInstanceBusinessKey(caseNo).count()).as("a job of its own, no instance per event").isZero();
		assertThat(first.getProcessDefinitionKey()).as("listed in Cockpit under").isEqualTo(OwnerEvents.DELIVERY);
		assertThat(jdbc.queryForObject("select count(*) from notification where event_id = ? and kind = 'SMS'",
				Integer.class, eventId)).as("the owner's SMS, recorded with the report").isOne();
		assertThat(runJob(caseNo)).as("first callback: the attempt fails, the next is scheduled").isTrue();
		Job retry = delivery(caseNo);
		assertThat(retry.getId()).isNotEqualTo(first.getId());
		assertThat(retry.getDuedate()).as("back-off before the next attempt")
				.isEqualTo(java.util.Date.from(TestClock.DAY.plus(CallbackDeliveries.BACK_OFF.get(0)).toInstant()));
		assertThat(runJob(caseNo)).as("second callback").isTrue();
		assertThat(jdbc.queryForObject("select count(*) from owner_event where event_id = ? and delivered_at is not null",
				Integer.class, eventId)).as("not yet").isZero();
		assertThat(runJob(caseNo)).as("third callback").isTrue();

		assertThat(OwnerEventJobs.callbacks(managementService, jdbc, caseNo)).as("no job left once delivered").isEmpty();
		List<LocalReceiver.Received> posts = receiver.received();
		assertThat(posts).hasSize(3);
		assertThat(posts).extracting(p -> p.header("X-Event-Id")).containsOnly(eventId);
		JsonNode body = json.readTree(posts.get(2).body());
		assertThat(body.get("eventId").asText()).isEqualTo(eventId);
		assertThat(body.get("event").asText()).isEqualTo("accepted");
		assertThat(body.get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(body.get("type").asText()).isEqualTo("repair");
		assertThat(body.get("status").asText()).isEqualTo("accepted");
		assertThat(body.get("statusLabel").asText()).isEqualTo("已受理");
		assertThat(body.get("at").asText()).endsWith("+08:00");
		assertThat(body.get("summary").asText()).contains(caseNo);
		assertThat(body.has("promisedAt")).isFalse();
		assertThat(jdbc.queryForObject("select count(*) from owner_event where event_id = ? and delivered_at is not null",
				Integer.class, eventId)).isOne();
		assertThat(jdbc.queryForObject("select count(*) from notification where event_id = ? and kind = 'SMS'",
				Integer.class, eventId)).isOne();
	}

	@Test
	void receiverThatNeverAnswersEndsInAnIncidentAfterTheRetries() {
		receiver.answeringAfter(Duration.ofSeconds(3));
		String caseNo = open();
		String eventId = OwnerEventJobs.eventId(delivery(caseNo));

		for (int backOff = 0; backOff < CallbackDeliveries.BACK_OFF.size(); backOff++) {
			assertThat(runJob(caseNo)).as("attempt %d fails and schedules the next", backOff + 1).isTrue();
		}
		int failures = 0;
		while (delivery(caseNo).getRetries() > 0 && failures < 10) {
			assertThat(runJob(caseNo)).as("the last attempt's own retries").isFalse();
			failures++;
		}

		assertThat(failures).as("the last attempt fails into the incident at once").isOne();
		Job last = delivery(caseNo);
		assertThat(runtimeService.createIncidentQuery().configuration(last.getId()).singleResult()
				.getIncidentMessage()).contains("Callback").contains("failed");
		assertThat(receiver.received()).extracting(p -> p.header("X-Event-Id"))
				.as("the first attempt and one after each back-off").hasSize(6).containsOnly(eventId);
	}

	@Test
	void aCallbackHostTakenOffTheChannelsListGetsNothingMoreAndTheCaseSaysSo() {
		String caseNo = open();
		// as if the operator had taken the host off the channel's list after the report
		jdbc.update("update case_record set callback_url = ? where case_no = ?", "http://hooks.retired.example.com/case", caseNo);

		assertThat(runJob(caseNo)).isTrue();

		assertThat(OwnerEventJobs.callbacks(managementService, jdbc, caseNo)).as("not tried again").isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from owner_event where case_no = ? and delivered_at is not null",
				Integer.class, caseNo)).isZero();
		assertThat(jdbc.queryForList("select message from case_event where case_no = ? and kind = 'callback-withheld'",
				String.class, caseNo)).singleElement().asString().contains("回调地址已不在该渠道允许的列表中");
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void anOwnerEventInstanceStartedBeforeCallbacksBecameJobsStillPostsItsEvent() throws Exception {
		String caseNo = open();
		Job job = delivery(caseNo);
		managementService.deleteJob(job.getId());
		ProcessInstance legacy = OwnerEventJobs.legacyInstance(runtimeService, jdbc, caseNo);

		assertThat(Jobs.runWhenDue(managementService, legacy.getId())).isTrue();

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(legacy.getId()).count()).isZero();
		assertThat(receiver.received()).extracting(p -> p.header("X-Event-Id")).containsExactly(OwnerEventJobs.eventId(job));
	}

	@Test
	void smsIsSentOncePerEventAndRecipient() {
		String caseNo = open();

		assertThat(notificationsSent(caseNo)).as("the accepted event's, recorded with the report").isOne();
		var sms = new Notification("evt-1", Notification.Kind.SMS, "13911112222", caseNo, "测试");
		assertThat(notificationService.send(sms)).isTrue();
		assertThat(notificationService.send(sms)).as("duplicate").isFalse();
		assertThat(notificationsSent(caseNo)).isEqualTo(2);
	}

	@Test
	void aCaseWithoutCallbackUrlTellsTheOwnerBySmsAndStartsNoDelivery() {
		String caseNo = cases.open(new CaseRequest("repair", "phone", "tel-" + java.util.UUID.randomUUID(),
				new CaseRequest.Reporter("钱女士", "13933334444"), "1", "1-802", "plumbing", "厨房水龙头漏水", null)).record()
				.caseNo();

		assertThat(OwnerEventJobs.callbacks(managementService, jdbc, caseNo)).isEmpty();
		assertThat(jdbc.queryForObject("select text from notification where case_no = ? and kind = 'SMS' and recipient = ?",
				String.class, caseNo, "13933334444")).as("number and status said once")
				.isEqualTo("【物业客服】您的报修已受理，事项编号 " + caseNo);
		assertThat(jdbc.queryForObject("select count(*) from owner_event where case_no = ? and event = 'accepted'",
				Integer.class, caseNo)).isOne();
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void anSmsSaysTheCaseNumberAndTheStatusOnceWhereItsWordsDoNotSayThem() {
		assertThat(OwnerEvents.sms("您的报修已处理完毕，请对本次服务进行评价", "R-20261202-0001", "待评价"))
				.isEqualTo("【物业客服】您的报修已处理完毕，请对本次服务进行评价（R-20261202-0001）");
		assertThat(OwnerEvents.sms("您的报修已重新处理", "R-20261202-0001", "处理中"))
				.isEqualTo("【物业客服】您的报修已重新处理（R-20261202-0001）");
		assertThat(OwnerEvents.sms("您的报修已办结，感谢您的支持", "R-20261202-0001", "已办结"))
				.isEqualTo("【物业客服】您的报修已办结，感谢您的支持（R-20261202-0001）");
		assertThat(OwnerEvents.sms("您报告的情况已转为紧急事件，值班人员正在处置", "R-20261202-0001", "已转紧急"))
				.isEqualTo("【物业客服】您报告的情况已转为紧急事件，值班人员正在处置（R-20261202-0001，已转紧急）");
		assertThat(OwnerEvents.sms("您的投诉有新进展：处理中", "C-20261202-0001", "处理中"))
				.isEqualTo("【物业客服】您的投诉有新进展：处理中（C-20261202-0001）");
	}

	private int notificationsSent(String caseNo) {
		return jdbc.queryForObject("select count(*) from notification where case_no = ? and kind = 'SMS'", Integer.class,
				caseNo);
	}

	@Test
	void gatewayAdapterPostsEachNotificationWithItsEventIdAndFailsOnAnError() throws Exception {
		var gateway = new HttpNotificationGateway(
				new NotifyProperties(receiver.url("/sms"), Duration.ofSeconds(1), Duration.ofSeconds(1)), json);

		gateway.send(new Notification("evt-9", Notification.Kind.PAGE, "duty-officer", null, "超时"));
		receiver.failing(1);

		assertThatThrownBy(() -> gateway.send(new Notification("evt-10", Notification.Kind.SMS, "13900000000", null, "x")))
				.hasMessageContaining("503");
		assertThat(receiver.received().get(0).header("Idempotency-Key")).isEqualTo("evt-9");
		assertThat(json.readTree(receiver.received().get(0).body()).get("recipient").asText()).isEqualTo("duty-officer");
	}

}
