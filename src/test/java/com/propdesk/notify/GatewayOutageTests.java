package com.propdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import com.propdesk.ApiClient;
import com.propdesk.LocalReceiver;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;

/**
 * PropDesk with a real SMS and paging gateway (a receiver on loopback) that is down: a report is still accepted and
 * dispatched, its page recorded with the case, and a job sends the page once the gateway is back — the same
 * {@code Idempotency-Key} on every attempt. A context of its own, as the shared one sends to no gateway, closed with
 * the class.
 */
@PropDeskTest
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
class GatewayOutageTests {

	static final LocalReceiver gateway = receiver();

	@DynamicPropertySource
	static void gatewayAndDatabaseOfItsOwn(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", () -> "jdbc:h2:mem:gateway-outage;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		properties.add("propdesk.notify.gateway-url", () -> gateway.url("/sms"));
		// a second engine in the test JVM: a name of its own, so that the shared context's REST API keeps finding its own
		properties.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
		// nor the webapps, whose runtime is kept in static fields that the shared context's Tasklist goes on using
		properties.add("camunda.bpm.webapp.enabled", () -> "false");
	}

	@Autowired
	CaseService cases;

	@LocalServerPort
	int port;

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		TestClock.set(TestClock.DAY);
	}

	@AfterEach
	void tearDown() {
		gateway.failing(0);
		runtimeService.createProcessInstanceQuery().list()
				.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
		managementService.createJobQuery().list().stream()
				.filter(j -> ((JobEntity) j).getJobHandlerType()
						.equals(NotificationDeliveries.TYPE))
				.forEach(j -> managementService.deleteJob(j.getId()));
		TestClock.reset();
	}

	@AfterAll
	static void closeGateway() {
		gateway.close();
	}

	@Test
	void aReportIsAcceptedWhileTheGatewayIsDownAndItsPageSentWhenItIsBack() {
		gateway.failing(1_000);
		String caseNo = open();

		// dispatched in the report's own transaction; the page is recorded with the case and waits for its job
		String technician = jdbc.queryForObject("select recipient from notification where case_no = ? and event_id like "
				+ "'dispatch:%'", String.class, caseNo);
		String eventId = "dispatch:" + caseNo + ":" + technician;
		Job first = delivery(eventId);
		assertThat(first.getProcessDefinitionKey()).as("listed in Cockpit under").isEqualTo(OwnerEvents.DELIVERY);
		assertThat(((JobEntity) first).isExclusive()).as("run beside each other, not one after the other").isFalse();

		managementService.executeJob(first.getId());
		Job second = delivery(eventId);
		assertThat(second.getId()).as("a new attempt after the failed one").isNotEqualTo(first.getId());
		assertThat(second.getDuedate()).as("tried again after the first back-off")
				.isEqualTo(java.util.Date.from(TestClock.DAY.plus(NotificationDeliveries.BACK_OFF.get(0)).toInstant()));

		gateway.failing(0);
		runWhenDue(second);
		assertThat(deliveries(eventId)).as("no job left once sent").isEmpty();
		List<LocalReceiver.Received> sent = gateway.received().stream()
				.filter(r -> eventId.equals(r.header("Idempotency-Key"))).toList();
		assertThat(sent).as("the failed attempt and the one that went through, with one key").hasSize(2);
		assertThat(sent.get(1).body()).contains(caseNo).contains("\"kind\":\"PAGE\"");
	}

	@Test
	void aGatewayDownForLongerThanEveryBackOffEndsInAnIncidentUnderOwnerEvent() throws Exception {
		gateway.failing(1_000);
		String caseNo = open();
		String eventId = "dispatch:" + caseNo + ":" + jdbc.queryForObject("select recipient from notification where "
				+ "case_no = ? and event_id like 'dispatch:%'", String.class, caseNo);

		for (int attempt = 0; attempt < NotificationDeliveries.BACK_OFF.size(); attempt++) {
			runWhenDue(delivery(eventId));
		}
		Job last = delivery(eventId);
		TestClock.set(OffsetDateTime.ofInstant(last.getDuedate().toInstant(), ZoneId.systemDefault()));
		for (int retry = 0; retry < 3; retry++) {
			try {
				managementService.executeJob(last.getId());
			}
			catch (RuntimeException failed) {
				// the engine's own retries of the last attempt
			}
		}
		assertThat(managementService.createJobQuery().jobId(last.getId()).singleResult().getRetries()).isZero();
		assertThat(runtimeService.createIncidentQuery().configuration(last.getId()).count()).as("the incident").isOne();
		// the managers' list names the case and what was not sent, though no process instance holds the job
		var incidents = new ApiClient(port).call("GET", "/api/manage/incidents", null, "Authorization",
				ApiClient.basic("manager"));
		assertThat(incidents.body().findValues("caseNo").stream().map(v -> v.asText())).contains(caseNo);
		var listed = java.util.stream.StreamSupport.stream(incidents.body().spliterator(), false)
				.filter(i -> caseNo.equals(i.path("caseNo").asText())).findFirst().orElseThrow();
		assertThat(listed.path("activityName").asText()).startsWith("呼叫 ");
		assertThat(listed.path("error").asText()).contains("短信/通知网关");
		assertThat(gateway.received().stream().filter(r -> eventId.equals(r.header("Idempotency-Key"))))
				.as("attempts: the first and one after each back-off; the engine's retries of the last come within the "
						+ "first back-off after its failure and do not call the gateway again")
				.hasSize(NotificationDeliveries.BACK_OFF.size() + 1);
	}

	/**
	 * A gateway that hangs would hold every job thread for its time-out: after a failed send the node tries no other
	 * until the first back-off has passed, and each one due meanwhile waits its own back-off as if it had failed.
	 */
	@Test
	void afterAFailedSendTheNodeTriesNoOtherUntilTheFirstBackOffHasPassed() {
		gateway.failing(1_000);
		String first = dispatchPage(open());
		String second = dispatchPage(open());

		managementService.executeJob(delivery(first).getId());
		int calls = gateway.received().size();
		managementService.executeJob(delivery(second).getId());
		assertThat(gateway.received()).as("the second send, held back").hasSize(calls);
		assertThat(delivery(second).getDuedate()).as("tried again after its own back-off")
				.isEqualTo(java.util.Date.from(TestClock.DAY.plus(NotificationDeliveries.BACK_OFF.get(0)).toInstant()));

		gateway.failing(0);
		runWhenDue(delivery(first));
		runWhenDue(delivery(second));
		assertThat(deliveries(first)).isEmpty();
		assertThat(deliveries(second)).isEmpty();
		assertThat(gateway.received().stream().map(r -> r.header("Idempotency-Key"))).contains(first, second);
	}

	private String dispatchPage(String caseNo) {
		return "dispatch:" + caseNo + ":" + jdbc.queryForObject("select recipient from notification where case_no = ? "
				+ "and event_id like 'dispatch:%'", String.class, caseNo);
	}

	private String open() {
		return cases.open(new CaseRequest("repair", "app", "app-" + UUID.randomUUID(),
				new CaseRequest.Reporter("赵先生", "13911112222"), "1", "1-801", "plumbing", "卫生间漏水", null)).record()
				.caseNo();
	}

	private List<Job> deliveries(String eventId) {
		return managementService.createJobQuery().list().stream()
				.filter(j -> ((JobEntity) j).getJobHandlerType()
						.equals(NotificationDeliveries.TYPE))
				.filter(j -> ((JobEntity) j).getJobHandlerConfigurationRaw()
						.endsWith("|" + eventId))
				.toList();
	}

	private Job delivery(String eventId) {
		List<Job> jobs = deliveries(eventId);
		assertThat(jobs).as("delivery jobs of %s", eventId).hasSize(1);
		return jobs.get(0);
	}

	private void runWhenDue(Job job) {
		if (job.getDuedate() != null && job.getDuedate().after(java.util.Date.from(TestClock.DAY.toInstant()))) {
			TestClock.set(OffsetDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault()));
		}
		try {
			managementService.executeJob(job.getId());
		}
		catch (RuntimeException failed) {
			// the last attempt fails as a job
		}
	}

	private static LocalReceiver receiver() {
		try {
			return new LocalReceiver();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
