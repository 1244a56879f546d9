package com.propdesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged jar in a JVM of its own, as an operator runs it: {@code java -Xmx… -jar target/propdesk-*.jar}, in a
 * working directory of the benchmark's (the H2 default writes ./data there).
 */
final class BenchServer implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Started PropDeskApplication in ([0-9.]+) seconds");

	final Process process;

	final int port;

	final Path log;

	/** From launching the JVM until /actuator/health answered 200, in seconds. */
	final double secondsToHealthy;

	private BenchServer(Process process, int port, Path log, double secondsToHealthy) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.secondsToHealthy = secondsToHealthy;
	}

	static BenchServer start(Path jar, Path directory, String heap, List<String> arguments, String name,
			Map<String, String> environment) throws Exception {
		return launch(java(heap, List.of("-jar", jar.toString())), directory, arguments, name, environment);
	}

	/**
	 * PropDesk as {@code bin/launch} runs it (README, "Running on PostgreSQL"): the extracted jar with its class-data
	 * sharing archive and the serial collector, at the same heap. bench/run prepares the archive before it measures.
	 */
	static BenchServer startLaunched(Path directory, String heap, List<String> arguments, String name) throws Exception {
		return launch(List.of(Path.of("bin", "launch").toAbsolutePath().toString()), directory, arguments, name,
				Map.of("PROPDESK_HEAP", heap, "PROPDESK_JAVA_OPTIONS", System.getProperty("bench.jvm", ""),
						"JAVA_HOME", System.getProperty("java.home")));
	}

	/** {@code java -Xmx…}, the run's JVM options ({@code -Dbench.jvm="-XX:… -D…"}), then what to run. */
	private static List<String> java(String heap, List<String> what) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + heap));
		Stream.of(System.getProperty("bench.jvm", "").split(" ")).filter(o -> !o.isBlank()).forEach(command::add);
		command.addAll(what);
		return command;
	}

	/**
	 * PropDesk from its classes (target/classes and its dependencies, not the test classes, which hold test
	 * configurations a scan would pick up) through {@link BenchClockMain}, whose engine clock the file
	 * {@code clockFile} moves.
	 */
	static BenchServer startWithClock(Path directory, String heap, List<String> arguments, String name, Path clockFile)
			throws Exception {
		Path launcher = directory.resolve("launcher");
		Path classFile = Path.of("target", "test-classes", "com", "propdesk", "bench", "BenchClockMain.class");
		Files.createDirectories(launcher.resolve("com/propdesk/bench"));
		Files.copy(classFile, launcher.resolve("com/propdesk/bench/BenchClockMain.class"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
		List<String> classPath = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			if (!Path.of(entry).toAbsolutePath().toString().equals(testClasses)) {
				classPath.add(entry);
			}
		}
		classPath.add(launcher.toAbsolutePath().toString());
		return launch(java(heap, List.of("-Dbench.clockFile=" + clockFile.toAbsolutePath(), "-cp",
				String.join(java.io.File.pathSeparator, classPath), BenchClockMain.class.getName())), directory,
				arguments, name, Map.of());
	}

	private static BenchServer launch(List<String> launcher, Path directory, List<String> arguments, String name,
			Map<String, String> environment) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(launcher);
		command.addAll(List.of("--server.port=" + port, "--spring.main.banner-mode=off"));
		command.addAll(arguments);
		Files.createDirectories(directory);
		Path log = directory.resolve(name + ".log");
		long launched = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		BenchClient client = new BenchClient(port);
		long deadline = launched + Duration.ofMinutes(3).toNanos();
		while (!client.healthy()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IllegalStateException("PropDesk did not start; the end of " + log + ":\n" + tail(log));
			}
			Thread.sleep(100); // polling a starting JVM, not waiting for a timer
		}
		return new BenchServer(process, port, log, (System.nanoTime() - launched) / 1e9);
	}

	/** The server JVM's process id. */
	long pid() {
		return process.pid();
	}

	BenchClient client() {
		return new BenchClient(port);
	}

	/** Spring Boot's own start-up figure from the log ("Started … in 9.6 seconds"): the JVM's launch excluded. */
	double springStartSeconds() throws IOException {
		Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
		return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
	}

	/** Resident memory of the server's JVM now, in MB (Linux /proc). */
	double residentMegabytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	@Override
	public void close() throws Exception {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

}
