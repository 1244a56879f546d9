package com.propdesk.bench;

import static com.propdesk.bench.BenchClient.basic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.propdesk.LocalReceiver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PropDesk under load, over real HTTP, against the bare engine on the same server in the same run: the packaged jar
 * runs in a JVM of its own at a stated heap, on H2 (the default) and on PostgreSQL (embedded), history as shipped.
 * Run by hand with {@code bench/run}; never part of {@code verify}. Prints a table per database and writes it as JSON
 * under {@code bench/results/}.
 *
 * <p>Settings (system properties): {@code bench.databases} (h2,postgres), {@code bench.seconds} measured per step
 * (15), {@code bench.warmup} (5), {@code bench.tasks} open tasks for the task list (100000), {@code bench.timers}
 * SLA timers due at once (10000), {@code bench.heap} (256m), {@code bench.args} extra server arguments,
 * {@code bench.steps} the steps to run (all: intake,open,lifecycle,sql,tasks,timers,nodes; nodes on PostgreSQL only),
 * {@code bench.keep} (false) to keep the servers' directories (logs, H2 database) after the run.
 */
class PropDeskBenchmark {

	static final String DATABASES = System.getProperty("bench.databases", "h2,postgres");

	/** {@code -Dbench.keep=true}: the servers' directories (logs, the H2 database) stay after the run. */
	static final boolean KEEP = Boolean.getBoolean("bench.keep");

	static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "15"));

	static final double WARM_UP = Double.parseDouble(System.getProperty("bench.warmup", "5"));

	static final int TASKS = Integer.parseInt(System.getProperty("bench.tasks", "100000"));

	static final int TIMERS = Integer.parseInt(System.getProperty("bench.timers", "10000"));

	static final String HEAP = System.getProperty("bench.heap", "256m");

	/** Which steps run (start-up and memory always do): intake, open, lifecycle, sql, tasks, timers, nodes. */
	static final List<String> STEPS = List.of(System.getProperty("bench.steps", "intake,open,lifecycle,sql,tasks,timers,nodes")
			.split(","));

	static final List<String> EXTRA = Stream.of(System.getProperty("bench.args", "").split(" ")).filter(s -> !s.isBlank())
			.toList();

	/**
	 * What every server of the run gets: counted SQL (read from /actuator/prometheus), and no sampled return visit, so
	 * every repair's lifecycle is the same six steps; the baseline's processes open to Camunda's REST API (PropDesk
	 * refuses REST starts of any process that is no case type unless an operator opens it).
	 */
	static final List<String> SERVER = List.of("--propdesk.metrics.sql-count=true", "--propdesk.return-visit.sample-rate=0",
			"--propdesk.open-processes=bench-bare,bench-tasks");

	/** How far the timer server's clock moves: past every SLA target of a P3 repair (72 hours). */
	static final int SHIFT_DAYS = 4;

	static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final String[] DESCRIPTIONS = { "卫生间水龙头一直滴水", "厨房下水道堵塞，水排不下去", "客厅插座没电",
			"单元门禁刷卡没反应", "阳台地漏返味" };

	private static final String[] CATEGORIES = { "plumbing", "plumbing", "electrical", "door-access", "plumbing" };

	/** The kinds of report above that are plumbing. */
	private static final int[] PLUMBING = { 0, 1, 4 };

	/**
	 * The channel's callback endpoint every report names, as channels' reports do: each owner-visible event is posted
	 * there (a real HTTP receiver on loopback, answering 200).
	 */
	static LocalReceiver callbacks;

	@Test
	void run() throws Exception {
		Path jar = jar();
		callbacks = new LocalReceiver();
		try {
			measureEach(jar);
		}
		finally {
			callbacks.close();
		}
	}

	/** Each database in turn: its table printed and written as JSON. */
	private void measureEach(Path jar) throws Exception {
		String stamp = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("java", System.getProperty("java.version"));
		machine.put("heap", HEAP);
		machine.put("jar", jar.getFileName().toString());
		machine.put("secondsPerStep", SECONDS);
		machine.put("extraServerArguments", EXTRA);
		StringBuilder tables = new StringBuilder();
		for (String database : DATABASES.split(",")) {
			Figures figures = new Figures(database.trim());
			Path directory = Files.createTempDirectory("propdesk-bench-" + database.trim());
			int callbacksBefore = callbacks.received().size();
			try {
				if (database.trim().equals("postgres")) {
					try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
						measure(figures, jar, directory, List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
								"--spring.datasource.username=postgres", "--spring.datasource.password=postgres"),
								OptionalLong.of(postmaster(postgres)));
					}
				}
				else {
					measure(figures, jar, directory, List.of(), OptionalLong.empty());
				}
			}
			finally {
				// an H2 run leaves gigabytes there (a full run's database and the timers' copy): kept only when asked
				if (KEEP) {
					System.out.println("servers' logs and database kept in " + directory);
				}
				else {
					FileSystemUtils.deleteRecursively(directory);
				}
			}
			figures.detail("callbacks received", callbacks.received().size() - callbacksBefore);
			Path written = figures.write(Path.of("bench", "results"), stamp, machine);
			tables.append(figures.table()).append("written to ").append(written).append('\n');
			System.out.println(figures.table());
		}
		System.out.println(tables);
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("propdesk-.*\\.jar")).map(Path::toAbsolutePath).findFirst()
					.orElseThrow(() -> new IllegalStateException("no target/propdesk-*.jar: run bench/run, which packages it first"));
		}
	}

	/** The PostgreSQL server's process id: the parent of a backend. */
	private static long postmaster(EmbeddedPostgres postgres) throws Exception {
		try (var connection = postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement();
				var backend = statement.executeQuery("select pg_backend_pid()")) {
			backend.next();
			return CpuTime.parent(backend.getLong(1));
		}
	}

	/** @param databaseServer PostgreSQL's server process, whose CPU time the timer step counts; none for H2 */
	private void measure(Figures figures, Path jar, Path directory, List<String> database, OptionalLong databaseServer)
			throws Exception {
		List<String> arguments = new ArrayList<>(database);
		arguments.addAll(SERVER);
		arguments.addAll(EXTRA);

		try (BenchServer first = BenchServer.start(jar, directory, HEAP, arguments, "first", Map.of())) {
			figures.add("start on an empty database (schema, demo estate and archive)", "s", first.secondsToHealthy);
		}
		// the same restart as bin/launch runs it (extracted, class-data sharing, serial collector), before the plain one
		try (BenchServer launched = BenchServer.startLaunched(directory, HEAP, arguments, "launched")) {
			figures.add("start with bin/launch, launch to healthy", "s", launched.secondsToHealthy);
			Thread.sleep(5_000); // as below
			figures.add("resident memory idle with bin/launch, -Xmx" + HEAP, "MB", launched.residentMegabytes());
		}
		BenchServer server = BenchServer.start(jar, directory, HEAP, arguments, "restart", Map.of());
		try {
			figures.add("start, launch to healthy", "s", server.secondsToHealthy);
			figures.add("start, Spring Boot's own figure", "s", server.springStartSeconds());
			Thread.sleep(5_000); // letting the started JVM settle before reading its idle memory
			figures.add("resident memory idle, -Xmx" + HEAP, "MB", server.residentMegabytes());
			Run run = new Run(server.client());
			run.deployBaseline();

			// the JIT and both paths' caches warm before anything is measured
			Load.closed(4, 0, WARM_UP * 2, run::intake);
			Load.closed(4, 0, WARM_UP * 2, run::bareStart);

			Map<Integer, Load.Result> intake = new LinkedHashMap<>();
			AtomicReference<Double> peakRss = new AtomicReference<>(0.0);
			for (int clients : STEPS.contains("intake") ? new int[] { 1, 4, 16 } : new int[0]) {
				Load.Result bare = Load.closed(clients, WARM_UP, SECONDS, run::bareStart);
				Load.Result propdesk = sampling(server, peakRss, () -> Load.closed(clients, WARM_UP, SECONDS, run::intake));
				intake.put(clients, propdesk);
				figures.add("intake, " + clients + " client" + (clients > 1 ? "s" : "") + " closed loop", "/s", propdesk.perSecond(),
						bare.perSecond());
				figures.add("intake p50, " + clients + " clients", "ms", propdesk.p50(), bare.p50());
				figures.add("intake p99, " + clients + " clients", "ms", propdesk.p99(), bare.p99());
				errors(figures, "intake " + clients, propdesk, bare);
			}
			if (STEPS.contains("intake")) {
				figures.add("intake scaling, 4 clients ÷ 1 client", "×", intake.get(4).perSecond() / intake.get(1).perSecond());
				figures.add("resident memory under load (peak)", "MB", peakRss.get());
			}
			for (double rate : STEPS.contains("open") ? new double[] { 20, 50 } : new double[0]) {
				Load.Result bare = Load.open(rate, SECONDS, run::bareStart);
				Load.Result propdesk = Load.open(rate, SECONDS, run::intake);
				figures.add("intake at " + (int) rate + " reports/s open loop: achieved", "/s", propdesk.perSecond(),
						bare.perSecond());
				figures.add("intake at " + (int) rate + " reports/s: p50", "ms", propdesk.p50(), bare.p50());
				figures.add("intake at " + (int) rate + " reports/s: p99", "ms", propdesk.p99(), bare.p99());
				errors(figures, "open " + rate, propdesk, bare);
			}

			if (STEPS.contains("lifecycle")) {
				Load.Result bareLife = Load.closed(4, WARM_UP, SECONDS, run::bareLifecycle);
				Load.Result life = Load.closed(4, WARM_UP, SECONDS, run::lifecycle);
				figures.add("repair lifecycles, 4 clients (intake → closed)", "/s", life.perSecond(), bareLife.perSecond());
				figures.add("repair lifecycle p50, 4 clients", "ms", life.p50(), bareLife.p50());
				errors(figures, "lifecycle", life, bareLife);
			}
			if (STEPS.contains("sql")) {
				run.sqlPerPhase(figures, 5);
			}
			if (STEPS.contains("tasks")) {
				try {
					run.taskList(figures, TASKS);
				}
				catch (IOException e) {
					// an answer slower than the client's minute is a figure too
					figures.add("task list: no answer within 60 s", "calls", 1);
					figures.detail("taskList", e.toString());
				}
			}
			if (STEPS.contains("nodes") && !database.isEmpty()) {
				twoNodes(figures, jar, directory, arguments, run);
			}
			figures.add("resident memory at the end", "MB", server.residentMegabytes());
		}
		finally {
			server.close();
		}
		if (!STEPS.contains("timers")) {
			return;
		}
		Path clockFile = directory.resolve("clock-offset");
		Files.writeString(clockFile, "0");
		try (BenchServer timers = BenchServer.startWithClock(directory, HEAP, arguments, "timers", clockFile)) {
			new Run(timers.client()).timers(figures, TIMERS, clockFile, timers.pid(), databaseServer);
		}
	}

	/**
	 * A second node on the same database (docs/operations.md): the same eight clients on one node, then spread over
	 * both. On a machine whose cores both nodes share this measures what a second JVM costs or gains there, not what a
	 * second machine would give.
	 */
	private static void twoNodes(Figures figures, Path jar, Path directory, List<String> arguments, Run first) throws Exception {
		try (BenchServer secondNode = BenchServer.start(jar, Files.createDirectories(directory.resolve("second-node")), HEAP, arguments,
				"second-node", Map.of())) {
			Run second = new Run(secondNode.client());
			Load.closed(8, 0, WARM_UP * 2, second::intake);
			Load.Result one = Load.closed(8, WARM_UP, SECONDS, first::intake);
			Load.Result two = Load.closed(8, WARM_UP, SECONDS, i -> (i % 2 == 0 ? first : second).intake(i));
			figures.add("intake, 8 clients on one node", "/s", one.perSecond());
			figures.add("intake, 8 clients over two nodes on one database", "/s", two.perSecond());
			figures.add("intake, two nodes ÷ one node", "×", two.perSecond() / one.perSecond());
			figures.add("intake p99, 8 clients over two nodes", "ms", two.p99(), one.p99());
			errors(figures, "two nodes", two, one);
		}
	}

	interface Measured {

		Load.Result get() throws Exception;

	}

	/** Runs a load while sampling the server's resident memory every half second; keeps the peak. */
	private static Load.Result sampling(BenchServer server, AtomicReference<Double> peak, Measured load) throws Exception {
		ExecutorService sampler = Executors.newSingleThreadExecutor();
		AtomicInteger running = new AtomicInteger(1);
		sampler.submit(() -> {
			while (running.get() == 1) {
				peak.accumulateAndGet(server.residentMegabytes(), Math::max);
				Thread.sleep(500); // sampling memory, not waiting for an outcome
			}
			return null;
		});
		try {
			return load.get();
		}
		finally {
			running.set(0);
			sampler.shutdown();
			sampler.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	private static void errors(Figures figures, String step, Load.Result propdesk, Load.Result bare) {
		if (propdesk.failed() > 0 || bare.failed() > 0) {
			figures.detail("errors " + step, Map.of("propdesk", propdesk.failed(), "bare", bare.failed(), "first",
					String.valueOf(propdesk.firstError() != null ? propdesk.firstError() : bare.firstError())));
			System.out.println("[bench] errors in " + step + ": " + propdesk.failed() + " PropDesk, " + bare.failed()
					+ " bare; first: " + (propdesk.firstError() != null ? propdesk.firstError() : bare.firstError()));
		}
	}

	/** The operations of one server: PropDesk's through its API and Tasklist's REST, the bare engine's through its REST. */
	static final class Run {

		final BenchClient api;

		final String tag;

		private final String admin = basic("admin");

		Run(BenchClient api) {
			this.api = api;
			// external ids and business keys of this run only: a rerun on the same database opens new cases
			this.tag = Long.toString(System.currentTimeMillis(), 36);
		}

		void deployBaseline() throws Exception {
			for (String name : List.of("bench-bare", "bench-tasks")) {
				try (var in = PropDeskBenchmark.class.getResourceAsStream("/bench/" + name + ".bpmn")) {
					api.deploy(name, in.readAllBytes());
				}
			}
		}

		/** A channel's repair report ({@code POST /api/cases}): units, categories and texts vary as a morning's do. */
		JsonNode intake(long i) throws Exception {
			return intake(i, (int) (i % DESCRIPTIONS.length));
		}

		/**
		 * A plumbing report, which a technician of every shift and zone takes: a lifecycle then runs the same at any
		 * hour (at night nobody in the roster fixes a door-access reader, and the duty officer assigns it by hand).
		 */
		JsonNode plumbing(long i) throws Exception {
			return intake(i, PLUMBING[(int) (i % PLUMBING.length)]);
		}

		private JsonNode intake(long i, int kind) throws Exception {
			int building = 1 + (int) (i % 6);
			int floor = 1 + (int) (i / 6 % 18);
			int door = 1 + (int) (i / 108 % 2);
			ObjectNode report = BenchClient.JSON.createObjectNode().put("type", "repair").put("channel", "wechat")
					.put("externalId", "bench-" + tag + "-" + i).put("building", Integer.toString(building))
					.put("unit", String.format(Locale.ROOT, "%d-%d%02d", building, floor, door))
					.put("category", CATEGORIES[kind]).put("description", DESCRIPTIONS[kind])
					.put("callbackUrl", callbacks.url("/bench/case-events"));
			report.putObject("reporter").put("name", "业主" + i % 100).put("phone", String.format(Locale.ROOT, "138%08d", i % 100_000_000));
			return api.call("POST", "/api/cases", report, 201, "X-Api-Key", "demo");
		}

		/** Camunda's own REST starting the baseline process with the same report as variables. */
		JsonNode bareStart(long i) throws Exception {
			ObjectNode body = BenchClient.JSON.createObjectNode().put("businessKey", "B-" + tag + "-" + i);
			ObjectNode variables = body.putObject("variables");
			int kind = (int) (i % DESCRIPTIONS.length);
			for (String[] v : new String[][] { { "channel", "wechat" }, { "unit", "1-101" }, { "category", CATEGORIES[kind] },
					{ "description", DESCRIPTIONS[kind] }, { "reporterName", "业主" }, { "reporterPhone", "13800000000" } }) {
				variables.putObject(v[0]).put("value", v[1]).put("type", "String");
			}
			return api.call("POST", "/engine-rest/process-definition/key/bench-bare/start", body, 200, "Authorization", admin);
		}

		/** intake → accept → work → acceptance → the owner's feedback → closed, as technicians, the desk and the owner do it. */
		void lifecycle(long i) throws Exception {
			JsonNode receipt = plumbing(i);
			String caseNo = receipt.path("caseNo").asText();
			String token = receipt.path("trackingToken").asText();
			accept(task(caseNo, "Task_AcceptJob"));
			work(task(caseNo, "Task_Repair"));
			acceptance(task(caseNo, "Task_Acceptance"));
			feedback(caseNo, token);
			awaitClosed(caseNo);
		}

		void accept(JsonNode task) throws Exception {
			submit(task, BenchClient.JSON.createObjectNode(), task.path("assignee").asText());
		}

		void work(JsonNode task) throws Exception {
			ObjectNode form = BenchClient.JSON.createObjectNode();
			form.putObject("diagnosis").put("value", "阀芯老化");
			form.putObject("repairOutcome").put("value", "done");
			form.putObject("workDone").put("value", "更换阀芯");
			form.putObject("materials").put("value", "阀芯一个");
			form.putObject("cost").put("value", 30);
			submit(task, form, task.path("assignee").asText());
		}

		void acceptance(JsonNode task) throws Exception {
			api.call("POST", "/engine-rest/task/" + task.path("id").asText() + "/claim", Map.of("userId", "agent"), 204,
					"Authorization", basic("agent"));
			ObjectNode form = BenchClient.JSON.createObjectNode();
			form.putObject("accepted").put("value", true);
			form.putObject("ownerConfirmation").put("value", "业主确认已修好");
			submit(task, form, "agent");
		}

		void feedback(String caseNo, String token) throws Exception {
			api.call("POST", "/api/cases/" + caseNo + "/feedback", Map.of("score", 5, "comment", "师傅很准时"), 200,
					"X-Tracking-Token", token);
		}

		private void submit(JsonNode task, ObjectNode variables, String user) throws Exception {
			ObjectNode body = BenchClient.JSON.createObjectNode();
			body.set("variables", variables);
			api.call("POST", "/engine-rest/task/" + task.path("id").asText() + "/submit-form", body, 204, "Authorization",
					basic(user));
		}

		/** The case's open task of that step, as Tasklist finds it; waits while an asynchronous step is still running. */
		JsonNode task(String businessKey, String step) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (true) {
				JsonNode tasks = api.call("GET", "/engine-rest/task?maxResults=5&processInstanceBusinessKey=" + businessKey
						+ "&taskDefinitionKey=" + step, null, 200, "Authorization", admin);
				if (tasks.size() > 0) {
					return tasks.get(0);
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(businessKey + " never reached " + step);
				}
				Thread.sleep(20); // the step before ends in an asynchronous continuation
			}
		}

		private void awaitClosed(String caseNo) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!"closed".equals(api.call("GET", "/api/cases/" + caseNo, null, 200, "Authorization", basic("agent"))
					.path("status").asText())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(caseNo + " never closed");
				}
				Thread.sleep(20); // closing runs after the feedback's commit
			}
		}

		/** The same four wait states on the bare engine: start, three tasks, a message. */
		void bareLifecycle(long i) throws Exception {
			String key = bareStart(i).path("businessKey").asText();
			bareComplete(task(key, "Task_Accept"), "engineer");
			bareComplete(task(key, "Task_Work"), "engineer");
			JsonNode acceptance = task(key, "Task_Acceptance");
			api.call("POST", "/engine-rest/task/" + acceptance.path("id").asText() + "/claim", Map.of("userId", "agent"), 204,
					"Authorization", basic("agent"));
			bareComplete(acceptance, "agent");
			bareFeedback(key);
		}

		private void bareComplete(JsonNode task, String user) throws Exception {
			api.call("POST", "/engine-rest/task/" + task.path("id").asText() + "/complete", Map.of("variables", Map.of()), 204,
					"Authorization", basic(user));
		}

		private void bareFeedback(String key) throws Exception {
			api.call("POST", "/engine-rest/message", Map.of("messageName", "BenchFeedback", "businessKey", key), 204,
					"Authorization", admin);
		}

		// --- SQL per phase ----------------------------------------------------------------------------------------

		/** Statements and round trips the server made, by source, from its Prometheus counters. */
		Map<String, Double> sql() throws Exception {
			Map<String, Double> counts = new LinkedHashMap<>();
			for (String line : api.text("/actuator/prometheus", "Authorization", admin).split("\n")) {
				if (line.startsWith("propdesk_jdbc_statements") || line.startsWith("propdesk_jdbc_round_trips")) {
					String name = line.startsWith("propdesk_jdbc_statements") ? "statements" : "roundTrips";
					int source = line.indexOf("source=\"");
					String from = source < 0 ? "all" : line.substring(source + 8, line.indexOf('"', source + 8));
					counts.merge(name + "." + from, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
				}
			}
			return counts;
		}

		/** Counts once the server has gone quiet: nothing counted for a second (the asynchronous steps have run). */
		Map<String, Double> quietSql() throws Exception {
			Map<String, Double> last = sql();
			int same = 0;
			while (same < 4) {
				Thread.sleep(250); // watching the counters come to rest
				Map<String, Double> now = sql();
				same = work(now) == work(last) ? same + 1 : 0;
				last = now;
			}
			return last;
		}

		private static double work(Map<String, Double> counts) {
			return counts.getOrDefault("statements.http", 0.0) + counts.getOrDefault("statements.job", 0.0);
		}

		interface Step {

			void run() throws Exception;

		}

		/** Statements and round trips of one step, request threads plus the job executor's work it caused. */
		double[] counted(Step step) throws Exception {
			Map<String, Double> before = quietSql();
			step.run();
			Map<String, Double> after = quietSql();
			double statements = 0;
			double trips = 0;
			for (String source : List.of("http", "job")) {
				statements += after.getOrDefault("statements." + source, 0.0) - before.getOrDefault("statements." + source, 0.0);
				trips += after.getOrDefault("roundTrips." + source, 0.0) - before.getOrDefault("roundTrips." + source, 0.0);
			}
			return new double[] { statements, trips };
		}

		void sqlPerPhase(Figures figures, int repairs) throws Exception {
			if (sql().isEmpty()) {
				figures.detail("sql", "the server exposes no propdesk_jdbc_* counters");
				return;
			}
			String[] phases = { "intake", "accept", "work", "acceptance", "feedback → closed" };
			double[][] propdesk = new double[phases.length][2];
			double[][] bare = new double[phases.length][2];
			for (int r = 0; r < repairs; r++) {
				long i = 9_000_000L + r;
				AtomicReference<JsonNode> receipt = new AtomicReference<>();
				add(propdesk[0], counted(() -> receipt.set(plumbing(i))));
				String caseNo = receipt.get().path("caseNo").asText();
				JsonNode accept = task(caseNo, "Task_AcceptJob");
				add(propdesk[1], counted(() -> accept(accept)));
				JsonNode work = task(caseNo, "Task_Repair");
				add(propdesk[2], counted(() -> work(work)));
				JsonNode acceptance = task(caseNo, "Task_Acceptance");
				add(propdesk[3], counted(() -> acceptance(acceptance)));
				add(propdesk[4], counted(() -> feedback(caseNo, receipt.get().path("trackingToken").asText())));
				awaitClosed(caseNo);

				AtomicReference<String> key = new AtomicReference<>();
				add(bare[0], counted(() -> key.set(bareStart(i).path("businessKey").asText())));
				JsonNode bareAccept = task(key.get(), "Task_Accept");
				add(bare[1], counted(() -> bareComplete(bareAccept, "engineer")));
				JsonNode bareWork = task(key.get(), "Task_Work");
				add(bare[2], counted(() -> bareComplete(bareWork, "engineer")));
				JsonNode bareAcceptance = task(key.get(), "Task_Acceptance");
				add(bare[3], counted(() -> {
					api.call("POST", "/engine-rest/task/" + bareAcceptance.path("id").asText() + "/claim",
							Map.of("userId", "agent"), 204, "Authorization", basic("agent"));
					bareComplete(bareAcceptance, "agent");
				}));
				add(bare[4], counted(() -> bareFeedback(key.get())));
			}
			double[] total = new double[2];
			double[] bareTotal = new double[2];
			Map<String, Object> detail = new LinkedHashMap<>();
			for (int p = 0; p < phases.length; p++) {
				figures.add("SQL statements per repair: " + phases[p], "stmts", propdesk[p][0] / repairs, bare[p][0] / repairs);
				detail.put(phases[p], Map.of("statements", propdesk[p][0] / repairs, "roundTrips", propdesk[p][1] / repairs,
						"bareStatements", bare[p][0] / repairs, "bareRoundTrips", bare[p][1] / repairs));
				total[0] += propdesk[p][0] / repairs;
				total[1] += propdesk[p][1] / repairs;
				bareTotal[0] += bare[p][0] / repairs;
				bareTotal[1] += bare[p][1] / repairs;
			}
			figures.add("SQL statements per repair lifecycle", "stmts", total[0], bareTotal[0]);
			figures.add("SQL round trips per repair lifecycle", "trips", total[1], bareTotal[1]);
			figures.detail("sqlPerPhase", detail);
		}

		private static void add(double[] sum, double[] step) {
			sum[0] += step[0];
			sum[1] += step[1];
		}

		// --- the task list ----------------------------------------------------------------------------------------

		/**
		 * A department user's 本部门待办 as Tasklist asks for it (the filter's list, HAL, first page of 15, newest first),
		 * with {@code total} open engineering tasks in the database and authorizations on.
		 */
		void taskList(Figures figures, int total) throws Exception {
			String engineer = basic("engineer");
			long seedStart = System.nanoTime();
			int perInstance = 500;
			int starts = (total + perInstance - 1) / perInstance;
			ExecutorService seeders = Executors.newFixedThreadPool(2);
			List<java.util.concurrent.Future<?>> seeded = new ArrayList<>();
			for (int s = 0; s < starts; s++) {
				seeded.add(seeders.submit(() -> api.call("POST", "/engine-rest/process-definition/key/bench-tasks/start",
						Map.of("variables", Map.of("n", Map.of("value", perInstance, "type", "Integer"))), 200,
						"Authorization", admin)));
			}
			for (var f : seeded) {
				f.get();
			}
			seeders.shutdown();
			figures.add("seeding " + starts * perInstance + " open tasks", "s", (System.nanoTime() - seedStart) / 1e9);

			JsonNode filters = api.call("GET", "/engine-rest/filter?resourceType=Task&maxResults=50", null, 200,
					"Authorization", engineer);
			String filter = null;
			for (JsonNode f : filters) {
				if ("本部门待办".equals(f.path("name").asText())) {
					filter = f.path("id").asText();
				}
			}
			if (filter == null) {
				throw new IllegalStateException("engineer sees no filter 本部门待办: " + filters);
			}
			String path = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15";
			Map<String, Object> body = Map.of("processVariables", List.of(), "taskVariables", List.of(),
					"caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")),
					"active", true);
			String count = "/engine-rest/filter/" + filter + "/count";
			JsonNode visible = api.call("GET", count, null, 200, "Authorization", engineer);
			figures.add("open tasks the engineer's 本部门待办 counts", "tasks", visible.path("count").asDouble());
			// up to 200 calls after 5 unmeasured, within two minutes: a list that takes seconds is measured on fewer
			Load.sequential(5, 60, i -> api.call("POST", path, body, 200, "Authorization", engineer, "Accept", "application/hal+json"));
			Load.Result list = Load.sequential(200, 120,
					i -> api.call("POST", path, body, 200, "Authorization", engineer, "Accept", "application/hal+json"));
			figures.add("task list (本部门待办, first page) p50", "ms", list.p50());
			figures.add("task list (本部门待办, first page) p95", "ms", list.p95());
			Load.Result counted = Load.sequential(50, 60, i -> api.call("GET", count, null, 200, "Authorization", engineer));
			figures.add("task list count p95", "ms", counted.p95());
			figures.detail("taskList", Map.of("listCalls", list.completed(), "countCalls", counted.completed()));
		}

		// --- SLA timers due at once -------------------------------------------------------------------------------

		/**
		 * At least {@code due} SLA-clock timers (each repair starts three) all due at the same moment: this server's
		 * engine clock ({@link BenchClockMain}) is moved four days on while it runs, past every SLA target of a P3
		 * repair — the moment they all came due (up to 50 ms early: the server reads the file that often). Measured: the time until the last has fired and each one's lateness from
		 * that moment, read from the engine's job log. The clocks' due jobs cannot be moved through the API: PropDesk
		 * refuses that to everybody, as moving them would fake or hide a breach.
		 */
		/** The SLA clocks' due jobs: timers of sla-clock that no instance holds. */
		private static final String DUE_JOBS = "/engine-rest/job/count?processDefinitionKey=sla-clock&timers=true";

		void timers(Figures figures, int due, Path clockFile, long server, OptionalLong databaseServer) throws Exception {
			int existing = count(DUE_JOBS);
			long topUp = Math.max(0, (due - existing + 2) / 3);
			long start = System.nanoTime();
			if (topUp > 0) {
				AtomicInteger left = new AtomicInteger((int) topUp);
				Load.closed(8, 0, 3600, i -> {
					if (left.getAndDecrement() <= 0) {
						throw new Load.Done();
					}
					intake(8_000_000L + i);
				});
			}
			figures.add("reporting " + topUp + " more repairs for the timers", "s", (System.nanoTime() - start) / 1e9);
			// the reports' own asynchronous steps (owner callbacks) done first: the timers then have the server alone,
			// and what the job executor counts afterwards is the timers' work
			for (long quiet = System.nanoTime() + TimeUnit.MINUTES.toNanos(3); count("/engine-rest/job/count?executable=true") > 0
					&& System.nanoTime() < quiet;) {
				Thread.sleep(1_000); // waiting for the job executor to finish the reports' jobs
			}
			int waiting = count(DUE_JOBS);
			Map<String, Double> before = sql();
			double serverCpu = CpuTime.seconds(server);
			double databaseCpu = databaseCpu(databaseServer);
			long shift = TimeUnit.DAYS.toMillis(SHIFT_DAYS);
			Files.writeString(clockFile, Long.toString(shift));
			long dueAt = System.currentTimeMillis() + shift;
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
			Thread.sleep(200); // the server reads the file every 50 ms: its engine clock has moved after this
			int left = waiting;
			while (left > 0 && System.nanoTime() < deadline) {
				// a count over thousands of due jobs costs the server a few hundred ms on PostgreSQL: asked every 5 s, not
				// every second (the figures come from the job log, not from when this loop notices the end)
				Thread.sleep(5_000);
				left = count(DUE_JOBS + "&executable=true");
			}
			// what firing them cost the cores, whatever else the machine ran meanwhile (the last poll's idle seconds
			// included)
			serverCpu = CpuTime.seconds(server) - serverCpu;
			databaseCpu = databaseCpu(databaseServer) - databaseCpu;
			Map<String, Double> after = quietSql();
			List<Long> lateness = new ArrayList<>();
			int failures = 0;
			for (int first = 0;; first += 2000) {
				JsonNode page = api.call("GET", "/engine-rest/history/job-log?processDefinitionKey=sla-clock"
						+ "&jobDefinitionType=propdesk-sla-due&sortBy=timestamp&sortOrder=asc&firstResult=" + first
						+ "&maxResults=2000", null, 200, "Authorization", admin);
				for (JsonNode log : page) {
					long at = OffsetDateTime.parse(log.path("timestamp").asText(), REST_DATE).toInstant().toEpochMilli();
					if (at >= dueAt - 2000 && log.path("successLog").asBoolean()) {
						lateness.add(Math.max(0, at - dueAt));
					}
					if (at >= dueAt - 2000 && log.path("failureLog").asBoolean()) {
						failures++;
					}
				}
				if (page.size() < 2000) {
					break;
				}
			}
			lateness.sort(null);
			figures.add(waiting + " SLA timers due at once: all fired after", "s",
					left > 0 ? Double.NaN : lateness.isEmpty() ? 0 : lateness.get(lateness.size() - 1) / 1000.0);
			figures.add("SLA timers fired", "timers", lateness.size());
			figures.add("SLA timer lateness, the first to fire", "ms", lateness.isEmpty() ? Double.NaN : lateness.get(0));
			figures.add("SLA timer lateness p50", "ms", lateness.isEmpty() ? Double.NaN : lateness.get(lateness.size() / 2));
			figures.add("SLA timer lateness p99", "ms",
					lateness.isEmpty() ? Double.NaN : lateness.get((int) Math.ceil(lateness.size() * 0.99) - 1));
			figures.add("SLA timer jobs that failed once (retried)", "jobs", failures);
			for (String measure : List.of("statements", "roundTrips")) {
				double executor = byJobExecutor(after, measure) - byJobExecutor(before, measure);
				String unit = measure.equals("statements") ? "statements" : "round trips";
				figures.add("SQL " + unit + " per fired SLA timer (job executor)", unit, perTimer(executor, lateness.size(), 1));
			}
			figures.add("CPU time per fired SLA timer, the server's JVM", "ms", perTimer(serverCpu * 1000, lateness.size(), 2));
			if (databaseServer.isPresent()) {
				figures.add("CPU time per fired SLA timer, PostgreSQL (server and backends)", "ms",
						perTimer(databaseCpu * 1000, lateness.size(), 2));
			}
			figures.detail("timers", Map.of("due", waiting, "notFiredAfter15Minutes", left, "clockMovedDays", SHIFT_DAYS));
		}

		/** A total over the timers that fired, rounded to {@code decimals}; none fired, no figure. */
		private static double perTimer(double total, int fired, int decimals) {
			double scale = Math.pow(10, decimals);
			return fired == 0 ? Double.NaN : Math.round(total / fired * scale) / scale;
		}

		/** CPU seconds of PostgreSQL's server and its backends so far; none on H2, which runs in the server's JVM. */
		private static double databaseCpu(OptionalLong databaseServer) throws IOException {
			return databaseServer.isPresent() ? CpuTime.withChildren(databaseServer.getAsLong()) : Double.NaN;
		}

		/** What the job executor's workers and its acquisition thread counted, of {@link #sql()}'s counters. */
		private static double byJobExecutor(Map<String, Double> counts, String measure) {
			return counts.getOrDefault(measure + ".job", 0.0) + counts.getOrDefault(measure + ".acquisition", 0.0);
		}

		private int count(String path) throws Exception {
			return api.call("GET", path, null, 200, "Authorization", admin).path("count").asInt();
		}


	}

}
