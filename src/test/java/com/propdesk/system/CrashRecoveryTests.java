package com.propdesk.system;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A {@code 201} means the case is on disk: PropDesk runs in a JVM of its own, six channel clients send
 * repair reports, the JVM gets a real {@code kill -9} in the middle of the burst, and PropDesk starts again
 * on the same database. Every acknowledged case must be there and at its next step, a replay must answer
 * {@code 200} with the same number, and no case number may be issued twice.
 */
class CrashRecoveryTests {

	static final int CLIENTS = 6;

	/** Kill once this many cases were acknowledged; the clients keep sending until the JVM is gone. */
	static final int ACKNOWLEDGED_BEFORE_KILL = 60;

	@TempDir
	Path work;

	@Test
	void killedOnTheDefaultH2DatabaseLosesNoAcknowledgedCase() throws Exception {
		// no data source argument: the shipped default (./data under the working directory) is what is tested
		crashAndRecover(List.of());
	}

	@Test
	void killedOnPostgresLosesNoAcknowledgedCase() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			crashAndRecover(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
		}
	}

	private void crashAndRecover(List<String> database) throws Exception {
		Map<String, String> acknowledged = new ConcurrentHashMap<>(); // externalId -> caseNo
		PropDeskJvm first = PropDeskJvm.start(work, database, "first");
		try {
			burstUntilKilled(first, acknowledged);
		}
		finally {
			first.kill();
		}
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

		PropDeskJvm second = PropDeskJvm.start(work, database, "second");
		try {
			ApiClient api = second.api();
			List<String> lost = new ArrayList<>();
			for (var ack : acknowledged.entrySet()) {
				Answer found = api.call("GET", "/api/cases/" + ack.getValue(), null, "Authorization", basic("agent"));
				if (found.status() != 200) {
					lost.add(ack.getValue());
					continue;
				}
				// the repair was dispatched in the intake's own transaction: a technician holds its first task
				assertThat(found.body().path("assignee").asText()).as("next step of %s", ack.getValue()).isNotBlank();
				Answer replay = api.call("POST", "/api/cases", report(ack.getKey()), "X-Api-Key", "demo");
				assertThat(replay.status()).as(() -> second.explain("replay of " + ack.getKey(), replay)).isEqualTo(200);
				assertThat(replay.body().path("caseNo").asText()).isEqualTo(ack.getValue());
			}
			System.out.printf("crash test %s: %d cases acknowledged before kill -9, %d lost%n",
					database.isEmpty() ? "H2" : "PostgreSQL", acknowledged.size(), lost.size());
			assertThat(lost).as("acknowledged cases lost after kill -9 (of %d)", acknowledged.size()).isEmpty();

			Set<String> before = new HashSet<>(acknowledged.values());
			for (int i = 0; i < 5; i++) {
				Answer fresh = api.call("POST", "/api/cases", report("after-restart-" + i), "X-Api-Key", "demo");
				assertThat(fresh.status()).as(() -> second.explain("a report after the restart", fresh)).isEqualTo(201);
				assertThat(number(fresh.body().path("caseNo").asText()))
						.as("a case number issued again after the restart")
						.isNotIn(before.stream().map(CrashRecoveryTests::number).toList());
			}

			// the engine works on after the crash: the technician accepts one of the acknowledged cases
			String sample = acknowledged.values().iterator().next();
			String assignee = api.call("GET", "/api/cases/" + sample, null, "Authorization", basic("agent")).body()
					.path("assignee").asText();
			Answer tasks = api.call("GET", "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + sample, null,
					"Authorization", basic(assignee));
			assertThat(tasks.body()).hasSize(1);
			assertThat(tasks.body().get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_AcceptJob");
			Answer accepted = api.call("POST", "/engine-rest/task/" + tasks.body().get(0).path("id").asText()
					+ "/complete", "{}", "Authorization", basic(assignee));
			assertThat(accepted.status()).as("completing the first task after restart").isEqualTo(204);
			assertThat(api.call("GET", "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + sample, null,
					"Authorization", basic(assignee)).body().get(0).path("taskDefinitionKey").asText())
					.isEqualTo("Task_Repair");
		}
		finally {
			second.stop();
		}
	}

	/** Six clients report until the server dies under them; the kill comes from another thread mid-burst. */
	private static void burstUntilKilled(PropDeskJvm server, Map<String, String> acknowledged) throws Exception {
		ApiClient api = server.api();
		AtomicInteger sequence = new AtomicInteger();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			clients.submit(() -> {
				while (!killed.get()) {
					String externalId = "crash-" + sequence.incrementAndGet();
					try {
						Answer answer = api.call("POST", "/api/cases", report(externalId), "X-Api-Key", "demo");
						if (answer.status() == 201) {
							acknowledged.put(externalId, answer.body().path("caseNo").asText());
						}
						if (acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL && killed.compareAndSet(false, true)) {
							server.kill();
						}
					}
					catch (IOException | InterruptedException e) {
						// the connection broke when the server was killed: this report was never acknowledged
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				}
				return null;
			});
		}
		clients.shutdown();
		assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).as("burst finished").isTrue();
		assertThat(killed).isTrue();
	}

	static String report(String externalId) {
		return """
				{"type":"repair","channel":"wechat","externalId":"%s","reporter":{"name":"王女士","phone":"13800000000"},
				 "building":"3","unit":"3-1201","category":"plumbing","description":"卫生间水龙头一直滴水"}
				""".formatted(externalId);
	}

	/** The estate-wide running number at the end of a case number (R-20261130-0042 → 42). */
	static long number(String caseNo) {
		return Long.parseLong(caseNo.substring(caseNo.lastIndexOf('-') + 1));
	}

}
