package com.propdesk.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;

/**
 * PropDesk in a JVM of its own, started from a class path (the test's own unless told) in a working directory of the
 * test's, its output in {@code <name>.log} there: what a real node is, so that it can be killed with {@code kill -9}.
 */
record PropDeskJvm(String name, Process process, int port, Path log) {

	static PropDeskJvm start(Path directory, List<String> arguments, String name) throws Exception {
		PropDeskJvm server = launch(directory, System.getProperty("java.class.path"), arguments, name);
		server.awaitReady();
		return server;
	}

	/** Starts the JVM and returns at once; {@link #awaitReady} waits for it, so that nodes can start together. */
	static PropDeskJvm launch(Path directory, String classPath, List<String> arguments, String name) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
				"com.propdesk.PropDeskApplication", "--server.port=" + port, "--spring.main.banner-mode=off"));
		// a setting given twice would be read as a list: the defaults only where the caller gives none
		for (String setting : List.of("--propdesk.notify.connect-timeout=1s", "--propdesk.notify.request-timeout=1s")) {
			String key = setting.substring(0, setting.indexOf('=') + 1);
			if (arguments.stream().noneMatch(a -> a.startsWith(key))) {
				command.add(setting);
			}
		}
		command.addAll(arguments);
		Path log = directory.resolve(name + ".log");
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
		return new PropDeskJvm(name, process, port, log);
	}

	ApiClient api() {
		return new ApiClient(port);
	}

	void awaitReady() throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited at start-up:\n" + tail(60));
			}
			try {
				if (api().call("GET", "/actuator/health", null).status() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(250); // polling a starting JVM's health, not waiting for a timer
		}
		kill();
		throw new IllegalStateException(name + " did not start within 2 minutes:\n" + tail(60));
	}

	/** A real SIGKILL: no shutdown hook, no connection pool close, no database close. */
	void kill() throws Exception {
		if (process.isAlive()) {
			new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	void stop() throws Exception {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			kill();
		}
	}

	/** What a failed assertion needs to be understood once the working directory is gone: the answer and the log. */
	String explain(String what, Answer answer) {
		return "%s answered %s%n%s%n--- the server's log ---%n%s".formatted(what, answer.status(), answer.body(), tail(250));
	}

	String tail(int count) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
		}
		catch (IOException e) {
			return "(" + name + "'s log unreadable: " + e + ")";
		}
	}

	boolean logged(String text) {
		try {
			return Files.readString(log, StandardCharsets.UTF_8).contains(text);
		}
		catch (IOException e) {
			return false;
		}
	}

}
