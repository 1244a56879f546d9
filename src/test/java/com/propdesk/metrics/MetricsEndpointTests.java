package com.propdesk.metrics;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;

import com.propdesk.Jobs;
import com.propdesk.OwnerEventJobs;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.CaseProcessTest;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;

/**
 * {@code /actuator/prometheus} after a real intake over HTTP, a breached SLA (recorded, paged) and a completed task:
 * each of PropDesk's meters is there (who may read it: {@code security.ActuatorAccessTests}).
 */
@PropDeskTest
class MetricsEndpointTests extends CaseProcessTest {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void scrapeShowsEachMeterAfterAnIntakeABreachAndACompletedTask() throws Exception {
		double created = count("propdesk.intake", "outcome", "created");
		double breaches = meters.counter("propdesk.sla.breaches", "sla", SlaNames.REPAIR_RESPONSE).count();
		double escalationsDone = meters.counter("propdesk.tasks.completed", "process", SlaService.WATCHER, "task",
				"Task_Escalate").count();
		double smsDelivered = notifications("sms", "delivered");

		String body = Reports.repairJson("wx-" + UUID.randomUUID());
		Answer opened = api.call("POST", "/api/cases", body, "X-Api-Key", "demo");
		assertThat(opened.status()).isEqualTo(201);
		assertThat(api.call("POST", "/api/cases", body, "X-Api-Key", "demo").status()).as("replayed").isEqualTo(200);
		assertThat(api.call("POST", "/api/cases", "{\"type\": \"repair\", \"channel\": \"fax\"}", "X-Api-Key", "demo")
				.status()).as("rejected").isEqualTo(400);
		String caseNo = opened.body().get("caseNo").asText();

		assertThat(notifications("sms", "delivered")).as("the owner's SMS, sent with the report").isEqualTo(smsDelivered + 1);
		double callbacksFailed = notifications("callback", "failed");
		Jobs.runWhenDue(managementService, OwnerEventJobs.callback(managementService, jdbc, caseNo));
		assertThat(OwnerEventJobs.callback(managementService, jdbc, caseNo).getDuedate()).as("the callback to a closed port: "
				+ "tried again later").isNotNull();
		assertThat(notifications("callback", "failed")).isEqualTo(callbacksFailed + 1);
		TestClock.set(TestClock.DAY);

		letClockRunOut(caseNo, SlaNames.REPAIR_RESPONSE);
		Task escalation = taskService.createTaskQuery().processDefinitionKey(SlaService.WATCHER)
				.processInstanceBusinessKey(caseNo).singleResult();
		completeAs("duty", escalation, "actionTaken", "已电话催促王师傅");

		assertThat(count("propdesk.intake", "outcome", "created")).isEqualTo(created + 1);
		assertThat(meters.counter("propdesk.sla.breaches", "sla", SlaNames.REPAIR_RESPONSE).count()).isEqualTo(breaches + 1);
		assertThat(meters.counter("propdesk.tasks.completed", "process", SlaService.WATCHER, "task", "Task_Escalate").count())
				.isEqualTo(escalationsDone + 1);

		HttpResponse<String> scrape = get("/actuator/prometheus", basic("admin"));
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body())
				.contains("propdesk_intake_seconds_count{channel=\"wechat\",outcome=\"created\",type=\"repair\"}")
				.contains("propdesk_intake_seconds_count{channel=\"wechat\",outcome=\"replayed\",type=\"repair\"}")
				.contains("propdesk_intake_seconds_count{channel=\"unknown\",outcome=\"rejected\",type=\"repair\"}")
				.contains("propdesk_sla_breaches_total{sla=\"repair-response\"}")
				.contains("propdesk_notifications_total{kind=\"page\",outcome=\"delivered\"}")
				.contains("propdesk_notifications_total{kind=\"callback\",outcome=\"failed\"}")
				.contains("propdesk_tasks_completed_total{process=\"sla-clock\",task=\"Task_Escalate\"}")
				.contains("propdesk_jobs_backlog ").contains("propdesk_jobs_failed ");
		assertThat(get("/actuator/prometheus", basic("manager")).statusCode()).as("management").isEqualTo(200);
		assertThat(get("/actuator/metrics/propdesk.intake", basic("admin")).statusCode()).isEqualTo(200);
	}

	private double notifications(String kind, String outcome) {
		return meters.counter("propdesk.notifications", "kind", kind, "outcome", outcome).count();
	}

	private double count(String timer, String tag, String value) {
		var found = meters.find(timer).tag(tag, value).tag("type", "repair").tag("channel", "wechat").timer();
		return found == null ? 0 : found.count();
	}

	/** The scrape is text, not JSON. */
	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
