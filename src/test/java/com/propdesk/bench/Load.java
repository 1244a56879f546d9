package com.propdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Drives one operation closed loop (N clients, each sends when its last answer came) or open loop (a fixed rate). */
final class Load {

	/** One operation of a client; {@code i} numbers the operations of the whole run. */
	interface Operation {

		void run(long i) throws Exception;

	}

	/** What a run measured: completed operations per second and latencies in milliseconds. */
	record Result(int clients, double seconds, long completed, long failed, double perSecond, double p50, double p95,
			double p99, String firstError) {

		Result withClients(int clients) {
			return new Result(clients, seconds, completed, failed, perSecond, p50, p95, p99, firstError);
		}

	}

	/** Thrown by an operation to end its client's loop: the fixed list of work it takes from is done. */
	static final class Done extends RuntimeException {

		Done() {
			super(null, null, false, false);
		}

	}

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private Load() {
	}

	/**
	 * N clients for {@code warmUp} seconds unmeasured, then {@code seconds} measured: throughput counts the
	 * operations that ended in the measured window, latencies are theirs.
	 */
	static Result closed(int clients, double warmUp, double seconds, Operation operation) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + (long) (warmUp * 1e9);
		long measureTo = measureFrom + (long) (seconds * 1e9);
		List<long[]> perClient = new ArrayList<>();
		AtomicLong failed = new AtomicLong();
		String[] firstError = new String[1];
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			long[] latencies = new long[200_000];
			perClient.add(latencies);
			pool.submit(() -> {
				int n = 0;
				while (true) {
					long sent = System.nanoTime();
					if (sent >= measureTo) {
						break;
					}
					try {
						operation.run(SEQUENCE.incrementAndGet());
						long done = System.nanoTime();
						if (sent >= measureFrom && done <= measureTo && n < latencies.length - 1) {
							latencies[++n] = done - sent;
						}
					}
					catch (Done e) {
						break;
					}
					catch (Exception e) {
						failed.incrementAndGet();
						synchronized (firstError) {
							if (firstError[0] == null) {
								firstError[0] = e.toString();
							}
						}
					}
				}
				latencies[0] = n;
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		long[] all = perClient.stream().flatMapToLong(l -> Arrays.stream(l, 1, 1 + (int) l[0])).toArray();
		return result(clients, seconds, all, failed.get(), firstError[0]);
	}

	/**
	 * A fixed arrival rate for {@code seconds}: operation k is due at start + k / rate whether or not earlier ones
	 * have answered, and its latency counts from when it was due (so a stalled server shows, not hides, its queue).
	 */
	static Result open(double rate, double seconds, Operation operation) throws InterruptedException {
		int total = (int) (rate * seconds);
		long[] latencies = new long[total];
		AtomicInteger completed = new AtomicInteger();
		AtomicLong failed = new AtomicLong();
		String[] firstError = new String[1];
		ExecutorService pool = Executors.newFixedThreadPool(256);
		long start = System.nanoTime() + 50_000_000L;
		for (int k = 0; k < total; k++) {
			long due = start + (long) (k * 1e9 / rate);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait); // pacing the arrivals, not waiting for an outcome
			}
			pool.submit(() -> {
				try {
					operation.run(SEQUENCE.incrementAndGet());
					latencies[completed.getAndIncrement()] = System.nanoTime() - due;
				}
				catch (Exception e) {
					failed.incrementAndGet();
					synchronized (firstError) {
						if (firstError[0] == null) {
							firstError[0] = e.toString();
						}
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		double elapsed = (System.nanoTime() - start) / 1e9;
		Result r = result(0, elapsed, Arrays.copyOf(latencies, completed.get()), failed.get(), firstError[0]);
		return new Result(0, seconds, r.completed(), r.failed(), r.completed() / elapsed, r.p50(), r.p95(), r.p99(),
				r.firstError());
	}

	static Result result(int clients, double seconds, long[] latencies, long failed, String firstError) {
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		return new Result(clients, seconds, sorted.length, failed, sorted.length / seconds, percentile(sorted, 0.50),
				percentile(sorted, 0.95), percentile(sorted, 0.99), firstError);
	}

	/** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

	/**
	 * For sequential measurements (the task list): the latencies of up to {@code count} calls one after another,
	 * fewer when {@code budgetSeconds} have passed (never fewer than three).
	 */
	static Result sequential(int count, double budgetSeconds, Operation operation) throws Exception {
		long[] latencies = new long[count];
		long start = System.nanoTime();
		long end = start + (long) (budgetSeconds * 1e9);
		int done = 0;
		while (done < count && (done < 3 || System.nanoTime() < end)) {
			long sent = System.nanoTime();
			operation.run(done);
			latencies[done++] = System.nanoTime() - sent;
		}
		return result(1, (System.nanoTime() - start) / 1e9, Arrays.copyOf(latencies, done), 0, null);
	}

}
