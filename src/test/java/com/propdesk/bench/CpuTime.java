package com.propdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time processes spent, from Linux's {@code /proc/<pid>/stat}: user and system time of all a process's threads,
 * and of its children that ended and were waited for (the PostgreSQL backends that closed). Less at the mercy of a
 * shared machine than the wall clock: what other work takes of the cores is not counted, only what sharing them
 * costs the measured work (caches, switches).
 */
final class CpuTime {

	/** The unit of {@code /proc}'s times, Linux's USER_HZ: 100 on every architecture the JDK runs on. */
	private static final double TICKS_PER_SECOND = 100;

	private CpuTime() {
	}

	/** A process's CPU seconds so far: its threads' and its waited-for children's. */
	static double seconds(long pid) throws IOException {
		String[] fields = fields(pid);
		// after the command's closing parenthesis: state (field 3) is at 0, utime (14) at 11 … cstime (17) at 14
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
				+ Long.parseLong(fields[14])) / TICKS_PER_SECOND;
	}

	/** A process's CPU seconds with those of its living children: a PostgreSQL server and its backends. */
	static double withChildren(long root) throws IOException {
		double total = seconds(root);
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (name.chars().allMatch(Character::isDigit)) {
					try {
						if (parent(Long.parseLong(name)) == root) {
							total += seconds(Long.parseLong(name));
						}
					}
					catch (IOException gone) {
						// a backend that ended meanwhile: its time is its parent's now
					}
				}
			}
		}
		return total;
	}

	/** The parent's process id. */
	static long parent(long pid) throws IOException {
		return Long.parseLong(fields(pid)[1]);
	}

	private static String[] fields(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
	}

}
