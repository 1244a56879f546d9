package com.propdesk.system;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.propdesk.ApiClient.Answer;
import com.propdesk.LocalReceiver;
import com.propdesk.LocalReceiver.Received;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two PropDesk nodes, each a JVM of its own, on one PostgreSQL, as Camunda's cluster model runs them: a shared
 * database, each node's job executor acquiring jobs with optimistic locking. The steps build on each other and share
 * the nodes, as starting them is what costs: both nodes start at once on an empty database; SLA timers due at one
 * moment fire once each; a node is killed with {@code kill -9} while it holds jobs and intakes are in flight; the
 * database stops for 20 seconds under load; both nodes start again at once with one diagram changed.
 * <p>
 * Each node's SMS and paging go to a gateway of its own (a real HTTP receiver on loopback), so the test sees which
 * node sent what, and that a message sent twice carries the same {@code Idempotency-Key}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTests {

	/** The job lock time, shortened from five minutes so that a dead node's jobs are taken over within the test. */
	static final Duration LOCK_TIME = Duration.ofSeconds(8);

	static final int TIMERS = 200;

	static final Duration OUTAGE = Duration.ofSeconds(20);

	private Path work;

	private Path postgresData;

	private int postgresPort;

	private EmbeddedPostgres postgres;

	private final LocalReceiver gatewayA = new LocalReceiver();

	private final LocalReceiver gatewayB = new LocalReceiver();

	private PropDeskJvm a;

	private PropDeskJvm b;

	private int deploymentsAtFirstStart;

	ClusterTests() throws IOException {
	}

	@BeforeAll
	void startTwoNodesAtOnceOnAnEmptyDatabase() throws Exception {
		work = Files.createTempDirectory("propdesk-cluster");
		postgresData = work.resolve("postgres");
		try (ServerSocket socket = new ServerSocket(0)) {
			postgresPort = socket.getLocalPort();
		}
		postgres = startPostgres();
		long launched = System.nanoTime();
		a = PropDeskJvm.launch(work, classPath(), node(gatewayA), "a");
		b = PropDeskJvm.launch(work, classPath(), node(gatewayB), "b");
		var readyA = CompletableFuture.supplyAsync(() -> readyAfter(a, launched));
		long readyB = readyAfter(b, launched);
		System.out.printf("cluster: two nodes launched at once on an empty database: ready after %d ms and %d ms%n",
				Math.min(readyA.get(), readyB), Math.max(readyA.get(), readyB));
	}

	private static long readyAfter(PropDeskJvm node, long launched) {
		try {
			node.awaitReady();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		return (System.nanoTime() - launched) / 1_000_000;
	}

	@AfterAll
	void stopEverything() throws Exception {
		for (PropDeskJvm node : new PropDeskJvm[] { a, b }) {
			if (node != null) {
				node.stop();
			}
		}
		gatewayA.close();
		gatewayB.close();
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	@Order(1)
	void nodesStartingAtOnceMakeOneVersionOfEachDefinition() throws Exception {
		assertThat(a.logged("Another node is starting on this database") || b.logged("Another node is starting on this database"))
				.as("one node waited for the other's start-up").isTrue();
		assertThat(versionsByKey("act_re_procdef")).as("process versions by key").allSatisfy((key, versions) -> assertThat(versions).as(key).isEqualTo(1));
		assertThat(versionsByKey("act_re_decision_def")).as("decision versions by key").allSatisfy((key, versions) -> assertThat(versions).as(key).isEqualTo(1));
		deploymentsAtFirstStart = deployments();
		long definitionFiles;
		try (Stream<Path> files = Files.list(Path.of("target", "classes", "processes"))) {
			definitionFiles = files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).count();
		}
		assertThat(deploymentsAtFirstStart).as("one deployment per process and decision table").isEqualTo((int) definitionFiles);
		assertThat(sql().queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
				.as("PropDesk's migrations ran once").isEqualTo(sql().queryForObject(
						"select count(distinct version) from flyway_schema_history where success", Integer.class));
	}

	@Test
	@Order(2)
	void slaTimersDueAtOneMomentFireOnceEach() throws Exception {
		long sizeBefore = databaseSize();
		List<String> cases = new CopyOnWriteArrayList<>();
		AtomicInteger next = new AtomicInteger();
		runClients(8, () -> {
			int i = next.getAndIncrement();
			if (i >= TIMERS) {
				return false;
			}
			PropDeskJvm node = i % 2 == 0 ? a : b;
			Answer answer = node.api().call("POST", "/api/cases", report("timer-" + i), "X-Api-Key", "demo");
			assertThat(answer.status()).as(() -> node.explain("report " + i, answer)).isEqualTo(201);
			cases.add(answer.body().path("caseNo").asText());
			return true;
		});
		assertThat(cases).hasSize(TIMERS);
		String[] caseNos = cases.toArray(String[]::new);

		// the response clocks of all 200 repairs fall due now: their jobs and the clocks' own due times
		JdbcTemplate sql = sql();
		int jobs = sql.update("update act_ru_job set duedate_ = now() where id_ in (select due_job_id from sla_clock "
				+ "where sla = 'repair-response' and case_no = any(?))", (Object) caseNos);
		int clocks = sql.update("update sla_clock set due_at = now() where sla = 'repair-response' and case_no = any(?)",
				(Object) caseNos);
		assertThat(jobs).as("due jobs moved").isEqualTo(TIMERS);
		assertThat(clocks).isEqualTo(TIMERS);
		long dueAt = System.nanoTime();

		awaitTrue(Duration.ofMinutes(3), () -> sql.queryForObject("select count(*) from sla_clock where sla = "
				+ "'repair-response' and breached_at is not null and case_no = any(?)", Integer.class, (Object) caseNos) == TIMERS);
		long allFired = System.nanoTime() - dueAt;
		awaitTrue(Duration.ofSeconds(30), () -> breachPages(caseNos).size() >= TIMERS);

		assertThat(sql.queryForList("select business_key_, count(*) from act_hi_procinst where proc_def_key_ = 'sla-clock' "
				+ "and business_key_ = any(?) group by business_key_ having count(*) <> 1", (Object) caseNos))
				.as("breach instances other than one per clock").isEmpty();
		assertThat(sql.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'sla-clock' "
				+ "and business_key_ = any(?)", Integer.class, (Object) caseNos)).isEqualTo(TIMERS);
		assertThat(sql.queryForObject("select count(*) from act_ru_task t join act_ru_execution e on t.proc_inst_id_ = e.id_ "
				+ "where t.task_def_key_ = 'Task_Escalate' and e.business_key_ = any(?)", Integer.class, (Object) caseNos))
				.as("escalations").isEqualTo(TIMERS);
		// a page is at least once: one sent again after a rolled-back transaction carries the same id
		List<Received> pages = breachPages(caseNos);
		assertThat(pages.stream().map(p -> p.header("Idempotency-Key")).distinct()).as("breach pages").hasSize(TIMERS);
		long byA = pages.stream().filter(p -> gatewayA.received().contains(p)).count();
		System.out.printf("cluster: %d SLA timers due at one moment on two nodes: all fired in %d ms (breach pages: %d by "
				+ "node a, %d by node b, %d sent twice)%n", TIMERS, allFired / 1_000_000, byA, pages.size() - byA,
				pages.size() - TIMERS);
		System.out.printf("cluster: the database grew by %d kB for %d repairs with a breach each (%d kB a repair, history "
				+ "included)%n", (databaseSize() - sizeBefore) / 1024, TIMERS, (databaseSize() - sizeBefore) / 1024 / TIMERS);
	}

	private long databaseSize() {
		return sql().queryForObject("select pg_database_size(current_database())", Long.class);
	}

	@Test
	@Order(3)
	void aNodeKilledWhileHoldingJobsLosesNothing() throws Exception {
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		int heldBefore = gatewayA.received().size();
		// node a's SMS to owners (sent by the owner-event process's jobs) hang at its gateway: each such job a's executor
		// takes stays locked by a until the kill; pages that an intake sends in its own request go through at once
		gatewayA.answeringAfter(Duration.ofSeconds(40), ClusterTests::sms);
		AtomicBoolean killed = new AtomicBoolean();
		AtomicInteger sequence = new AtomicInteger();
		long[] killedAt = new long[1];
		runClients(6, () -> {
			if (killed.get()) {
				return false;
			}
			String externalId = "kill-" + sequence.incrementAndGet();
			PropDeskJvm node = sequence.get() % 2 == 0 ? a : b;
			try {
				Answer answer = node.api().call("POST", "/api/cases", report(externalId), "X-Api-Key", "demo");
				if (answer.status() == 201) {
					acknowledged.put(externalId, answer.body().path("caseNo").asText());
				}
			}
			catch (IOException e) {
				// a's connection broke at the kill: this report was never acknowledged
			}
			if (acknowledged.size() >= 30 && smsSince(gatewayA, heldBefore).size() >= 3 && killed.compareAndSet(false, true)) {
				a.kill();
				killedAt[0] = System.nanoTime();
			}
			return true;
		});
		assertThat(killed).isTrue();
		Set<String> heldIds = smsSince(gatewayA, heldBefore).stream().map(r -> r.header("Idempotency-Key"))
				.collect(Collectors.toSet());

		// after the lock time, b takes over a's jobs: every message a held reaches b's gateway, and every job is done
		JdbcTemplate sql = sql();
		awaitTrue(LOCK_TIME.plusMinutes(2), () -> ids(gatewayB).containsAll(heldIds)
				&& sql.queryForObject("select count(*) from act_ru_job where type_ = 'message'", Integer.class) == 0);
		long recovered = System.nanoTime() - killedAt[0];

		for (var ack : acknowledged.entrySet()) {
			Answer found = b.api().call("GET", "/api/cases/" + ack.getValue(), null, "Authorization", basic("agent"));
			assertThat(found.status()).as("acknowledged case %s", ack.getValue()).isEqualTo(200);
			assertThat(found.body().path("assignee").asText()).as("next step of %s", ack.getValue()).isNotBlank();
		}
		assertThat(Set.copyOf(acknowledged.values())).as("no case number issued twice").hasSize(acknowledged.size());
		assertThat(sql.queryForObject("select count(*) from act_ru_incident", Integer.class)).as("incidents").isZero();

		// a message sent again carries its first id and body: the receiver can tell it is the same
		Map<String, Set<String>> bodiesById = new HashMap<>();
		Stream.concat(gatewayA.received().stream(), gatewayB.received().stream()).forEach(r -> bodiesById
				.computeIfAbsent(r.header("Idempotency-Key") + " " + recipient(r), k -> new java.util.HashSet<>()).add(r.body()));
		assertThat(bodiesById).allSatisfy((id, bodies) -> assertThat(bodies).as(id).hasSize(1));

		Answer chain = b.api().call("GET", "/api/audit/trail/verify", null, "Authorization", basic("auditor"));
		assertThat(chain.body().path("intact").asBoolean()).as("audit chain: %s", chain.body()).isTrue();
		System.out.printf("cluster: node a killed holding %d messages; %d cases acknowledged; node b finished a's work "
				+ "%d ms after the kill (lock time %d ms)%n", heldIds.size(), acknowledged.size(), recovered / 1_000_000,
				LOCK_TIME.toMillis());

	}

	@Test
	@Order(4)
	void bothNodesOutliveTheDatabaseStoppedUnderLoad() throws Exception {
		gatewayA.answeringAfter(Duration.ZERO);
		bothNodesRunning();
		assertThat(deployments()).as("an unchanged restart deploys nothing").isEqualTo(deploymentsAtFirstStart);
		record Outcome(long at, int status, String contentType, long millis, String node) {
		}
		List<Outcome> outcomes = new CopyOnWriteArrayList<>();
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		AtomicInteger sequence = new AtomicInteger();
		AtomicBoolean load = new AtomicBoolean(true);
		long start = System.nanoTime();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		for (int c = 0; c < 4; c++) {
			clients.submit(() -> {
				while (load.get()) {
					int i = sequence.incrementAndGet();
					PropDeskJvm node = i % 2 == 0 ? a : b;
					long sent = System.nanoTime();
					Answer answer;
					try {
						answer = node.api().call("POST", "/api/cases", report("outage-" + i), "X-Api-Key", "demo");
					}
					catch (IOException e) {
						outcomes.add(new Outcome(sent - start, -1, e.toString(), (System.nanoTime() - sent) / 1_000_000, node.name()));
						continue;
					}
					outcomes.add(new Outcome(sent - start, answer.status(), answer.contentType(),
							(System.nanoTime() - sent) / 1_000_000, node.name()));
					if (answer.status() == 201) {
						acknowledged.put("outage-" + i, answer.body().path("caseNo").asText());
					}
					else if (answer.status() != 503) {
						System.out.println(node.explain("outage-" + i, answer));
					}
				}
				return null;
			});
		}
		Thread.sleep(3_000); // load before the outage
		long stopped = System.nanoTime() - start;
		postgres.close();
		Thread.sleep(OUTAGE.toMillis()); // the outage itself: twenty seconds without a database
		postgres = startPostgres();
		long restarted = System.nanoTime() - start;
		awaitTrue(Duration.ofMinutes(2), () -> Stream.of(a, b).allMatch(node -> outcomes.stream()
				.anyMatch(o -> o.node().equals(node.name()) && o.at() > restarted && o.status() == 201)));
		long recovered = outcomes.stream().filter(o -> o.at() > restarted && o.status() == 201).mapToLong(Outcome::at).max()
				.orElseThrow();
		load.set(false);
		clients.shutdown();
		assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

		assertThat(outcomes).as("answers other than 201 and 503").allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(201, 503));
		assertThat(outcomes.stream().filter(o -> o.status() == 503)).as("503 answers").isNotEmpty()
				.allSatisfy(o -> assertThat(o.contentType()).startsWith("application/problem+json"));
		long slowest = outcomes.stream().mapToLong(Outcome::millis).max().orElseThrow();
		assertThat(slowest).as("the slowest answer (ms): an answer, not a hang").isLessThan(15_000);
		for (var ack : acknowledged.entrySet()) {
			Answer found = b.api().call("GET", "/api/cases/" + ack.getValue(), null, "Authorization", basic("agent"));
			assertThat(found.status()).as("acknowledged case %s", ack.getValue()).isEqualTo(200);
		}
		// the job executors came back too: every message of the load is delivered
		awaitTrue(Duration.ofMinutes(1),
				() -> sql().queryForObject("select count(*) from act_ru_job where type_ = 'message'", Integer.class) == 0);
		System.out.printf("cluster: database stopped %d s under load: %d answers, %d of them 503, slowest %d ms; "
				+ "both nodes took reports again %d ms after the database was back; %d acknowledged, none lost%n",
				OUTAGE.toSeconds(), outcomes.size(), outcomes.stream().filter(o -> o.status() == 503).count(), slowest,
				(recovered - restarted) / 1_000_000, acknowledged.size());
	}

	@Test
	@Order(5)
	void bothNodesRestartedAtOnceWithOneChangedDiagramMakeOneVersion() throws Exception {
		bothNodesRunning();
		a.stop();
		b.stop();
		Path classes = work.resolve("classes-changed");
		Path built = Path.of("target", "classes").toAbsolutePath();
		try (Stream<Path> files = Files.walk(built)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path copy = classes.resolve(built.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy);
				}
			}
		}
		Path inquiry = classes.resolve("processes/inquiry.bpmn");
		Files.writeString(inquiry, Files.readString(inquiry, StandardCharsets.UTF_8) + "<!-- changed by a manager -->\n",
				StandardCharsets.UTF_8);
		String classPath = classPath().replace(built.toString(), classes.toString());
		assertThat(classPath).contains(classes.toString());

		a = PropDeskJvm.launch(work, classPath, node(gatewayA), "a-changed");
		b = PropDeskJvm.launch(work, classPath, node(gatewayB), "b-changed");
		a.awaitReady();
		b.awaitReady();
		Map<String, Integer> processes = versionsByKey("act_re_procdef");
		assertThat(processes.get("inquiry")).as("versions of the changed process").isEqualTo(2);
		assertThat(processes).as("versions of the others").allSatisfy(
				(key, versions) -> assertThat(versions).as(key).isEqualTo(key.equals("inquiry") ? 2 : 1));
		assertThat(versionsByKey("act_re_decision_def")).allSatisfy((key, versions) -> assertThat(versions).as(key).isEqualTo(1));
		assertThat(deployments()).isEqualTo(deploymentsAtFirstStart + 1);
	}

	private EmbeddedPostgres startPostgres() throws IOException {
		// the same data directory and port each time: stopping and starting it is a database outage, not a new database
		return EmbeddedPostgres.builder().setDataDirectory(postgresData).setCleanDataDirectory(false).setPort(postgresPort)
				.start();
	}

	private String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
	}

	private List<String> node(LocalReceiver gateway) {
		return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres",
				"--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
				"--propdesk.notify.gateway-url=" + gateway.url("/messages"), "--propdesk.notify.request-timeout=60s");
	}

	private static String classPath() {
		return System.getProperty("java.class.path");
	}

	/** A connection per statement, so that none outlives the database's restart. */
	private JdbcTemplate sql() {
		return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(), "postgres", "postgres"));
	}

	private Map<String, Integer> versionsByKey(String table) {
		Map<String, Integer> versions = new HashMap<>();
		sql().query("select key_, count(*) from " + table + " group by key_",
				rs -> { versions.put(rs.getString(1), rs.getInt(2)); });
		return versions;
	}

	private int deployments() {
		return sql().queryForObject("select count(*) from act_re_deployment", Integer.class);
	}

	private List<Received> breachPages(String[] caseNos) {
		Set<String> ids = Stream.of(caseNos).map(c -> "breach:" + c + ":repair-response").collect(Collectors.toSet());
		return Stream.concat(gatewayA.received().stream(), gatewayB.received().stream())
				.filter(r -> ids.contains(r.header("Idempotency-Key"))).toList();
	}

	private static boolean sms(String body) {
		return body.contains("\"kind\":\"SMS\"");
	}

	private static List<Received> smsSince(LocalReceiver gateway, int from) {
		List<Received> all = gateway.received();
		return all.subList(from, all.size()).stream().filter(r -> sms(r.body())).toList();
	}

	private static Set<String> ids(LocalReceiver gateway) {
		return gateway.received().stream().map(r -> r.header("Idempotency-Key")).collect(Collectors.toSet());
	}

	private static String recipient(Received message) {
		int at = message.body().indexOf("\"recipient\"");
		return at < 0 ? "" : message.body().substring(at, message.body().indexOf(',', at));
	}

	static String report(String externalId) {
		return CrashRecoveryTests.report(externalId);
	}

	interface Client {
		/** One request; false when the client is done. */
		boolean next() throws Exception;
	}

	private static void runClients(int count, Client client) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(count);
		List<java.util.concurrent.Future<?>> running = new ArrayList<>();
		for (int c = 0; c < count; c++) {
			running.add(clients.submit(() -> {
				while (client.next()) {
					// the next request
				}
				return null;
			}));
		}
		clients.shutdown();
		assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).as("clients finished").isTrue();
		for (var done : running) {
			done.get();
		}
	}

	/** Polls the database or the receivers until the condition holds: the nodes work on their own, not on a timer of ours. */
	private void awaitTrue(Duration within, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not reached within " + within + "; " + state());
			}
			Thread.sleep(250);
		}
	}

	/** What a condition not reached needs to be understood: the jobs left, the incidents, the nodes' last lines. */
	private String state() {
		StringBuilder state = new StringBuilder();
		try {
			state.append("jobs left: ").append(sql().queryForList("select type_, handler_type_, retries_, lock_owner_ is not null "
					+ "as locked, count(*) from act_ru_job group by type_, handler_type_, retries_, lock_owner_ is not null"));
			state.append("\nincidents: ").append(sql().queryForList("select incident_msg_ from act_ru_incident limit 5"));
		}
		catch (RuntimeException e) {
			state.append("database unreadable: ").append(e.getMessage());
		}
		for (PropDeskJvm node : List.of(a, b)) {
			state.append("\n--- ").append(node.name()).append(node.process().isAlive() ? "" : " (dead)").append(" ---\n")
					.append(node.tail(40));
		}
		return state.toString();
	}

	/** A node an earlier step killed (or that died) is started again, so that each step begins with two nodes. */
	private void bothNodesRunning() throws Exception {
		if (!a.process().isAlive()) {
			a = PropDeskJvm.launch(work, classPath(), node(gatewayA), a.name() + "-again");
			a.awaitReady();
		}
		if (!b.process().isAlive()) {
			b = PropDeskJvm.launch(work, classPath(), node(gatewayB), b.name() + "-again");
			b.awaitReady();
		}
	}

}
