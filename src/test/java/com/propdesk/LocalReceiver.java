package com.propdesk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on loopback, standing in for a channel system's callback endpoint or an SMS
 * gateway: it records every request and answers as the test tells it to.
 */
public final class LocalReceiver implements AutoCloseable {

	public record Received(Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
					.map(e -> e.getValue().get(0)).orElse(null);
		}

	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile Duration delay = Duration.ZERO;

	/** Which requests wait for the delay, by their body. */
	private volatile Predicate<String> delayed = body -> true;

	public LocalReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
			try {
				Thread.sleep(delayed.test(body) ? delay.toMillis() : 0);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
		server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** The next n requests are answered 503. */
	public LocalReceiver failing(int n) {
		failuresLeft.set(n);
		return this;
	}

	/** Answers only after this long: longer than the caller's timeout is a receiver that never answers. */
	public LocalReceiver answeringAfter(Duration delay) {
		return answeringAfter(delay, body -> true);
	}

	/** Answers the requests whose body matches only after this long, the others at once. */
	public LocalReceiver answeringAfter(Duration delay, Predicate<String> forBodies) {
		this.delayed = forBodies;
		this.delay = delay;
		return this;
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
