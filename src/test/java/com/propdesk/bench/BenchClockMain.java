package com.propdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import com.propdesk.PropDeskApplication;

/**
 * PropDesk as it starts from {@link PropDeskApplication#main}, with one addition for the benchmark only: the engine's
 * clock moves by the milliseconds written into the file named by {@code bench.clockFile}, while the server runs. So
 * thousands of SLA timers come due at one moment, as they would if their due times were the same, without moving any
 * timer (PropDesk refuses that to everybody) and without slowing the JVM as libfaketime does (ten times, measured).
 */
public final class BenchClockMain {

	private BenchClockMain() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(System.getProperty("bench.clockFile"));
		Thread watcher = new Thread(() -> {
			String applied = "0";
			while (true) {
				try {
					String wanted = Files.exists(file) ? Files.readString(file).trim() : "0";
					if (!wanted.isEmpty() && !wanted.equals(applied)) {
						ClockUtil.offset(Long.parseLong(wanted));
						applied = wanted;
					}
					Thread.sleep(50); // watching the file the benchmark writes
				}
				catch (InterruptedException e) {
					return;
				}
				catch (Exception e) {
					// a half-written file: read again at the next turn
				}
			}
		}, "bench-clock");
		watcher.setDaemon(true);
		watcher.start();
		PropDeskApplication.main(args);
	}

}
