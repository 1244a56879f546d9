package com.propdesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows down password guessing without ever locking an account: wrong passwords are counted per client
 * address and user, and per client address across users (password spraying), and each count past a few
 * free tries makes that client wait — 1 s, doubling, at most {@link #CAP} — before its next try. The
 * wait expires by itself and a quiet {@link #FORGET} clears the count, so nobody can lock anybody out for
 * good, and a wrong password from one address never blocks the same user from another address.
 * <p>
 * The state is in memory: a restart clears it. It is bounded ({@link #MAX_ENTRIES}, least recently used
 * first out), so varying user names cannot fill the heap. Time is the engine's clock.
 */
@Component
public class LoginThrottle {

	/** The longest wait after any number of wrong passwords. */
	static final Duration CAP = Duration.ofMinutes(5);

	/** A count is forgotten after this long without a wrong password. */
	static final Duration FORGET = Duration.ofMinutes(30);

	/** Wrong passwords one client may give for one user before it has to wait (typing errors). */
	static final int FREE_PER_USER = 3;

	/** Wrong passwords one client may give for all users together before it has to wait. */
	static final int FREE_PER_CLIENT = 20;

	static final int MAX_ENTRIES = 10_000;

	/** Who logs in outside an HTTP request (PropDesk's own code, tests). */
	static final String NO_CLIENT = "-";

	/** A password check refused because this client must still wait; answered 429 with Retry-After. */
	static final class TooManyTries extends org.camunda.bpm.engine.ProcessEngineException {

		private static final long serialVersionUID = 1L;

		private final long seconds;

		TooManyTries(Duration wait) {
			super("密码错误次数过多，请在 " + LoginThrottle.seconds(wait) + " 秒后重试（等待时间到期后自动解除，不会锁定账号）");
			this.seconds = LoginThrottle.seconds(wait);
		}

		long seconds() {
			return seconds;
		}

	}

	/** A wait in whole seconds, at least one, as Retry-After gives it. */
	static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	private record Failures(int count, Instant last) {
	}

	private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	private final Object[] locks = new Object[64];

	public LoginThrottle() {
		for (int i = 0; i < locks.length; i++) {
			locks[i] = new Object();
		}
	}

	/** How long this client must still wait before trying a password for this user; zero when it may try. */
	public synchronized Duration waitFor(String client, String user) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Duration perUser = remaining(userKey(client, user), FREE_PER_USER, now);
		Duration perClient = remaining(clientKey(client), FREE_PER_CLIENT, now);
		return perUser.compareTo(perClient) >= 0 ? perUser : perClient;
	}

	public synchronized void failed(String client, String user) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		count(userKey(client, user), now);
		count(clientKey(client), now);
	}

	/**
	 * The right password clears the count of this client and user. The client's count across users stays
	 * until it is forgotten, so one known account cannot be used to reset a spraying client.
	 */
	public synchronized void succeeded(String client, String user) {
		failures.remove(userKey(client, user));
	}

	synchronized int size() {
		return failures.size();
	}

	/** Forgets every count (tests; an operator can restart instead). */
	public synchronized void clear() {
		failures.clear();
	}

	/** Serializes the password checks of one client and user, so parallel guesses cannot pass the wait together. */
	Object lockFor(String client, String user) {
		return locks[Math.floorMod(userKey(client, user).hashCode(), locks.length)];
	}

	/** The wait after a number of wrong passwords: none while free, then 1 s doubling up to the cap. */
	static Duration delay(int count, int free) {
		if (count <= free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(count - free - 1, 20);
		Duration delay = Duration.ofSeconds(1L << doublings);
		return delay.compareTo(CAP) > 0 ? CAP : delay;
	}

	/** The address of the HTTP request this thread serves, as the servlet container saw it. */
	static String currentClient() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return clientOf(attributes.getRequest());
		}
		return NO_CLIENT;
	}

	/**
	 * The client's address as Tomcat resolved it: the connection's — X-Forwarded-For is not believed, as anyone
	 * can send it — except behind a proxy the postgres profile trusts ({@code PROPDESK_TRUSTED_PROXIES}), where
	 * Tomcat's RemoteIpValve has put the forwarded client's address here.
	 */
	static String clientOf(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

	private Duration remaining(String key, int free, Instant now) {
		Failures entry = live(key, now);
		if (entry == null) {
			return Duration.ZERO;
		}
		Instant until = entry.last().plus(delay(entry.count(), free));
		return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
	}

	private void count(String key, Instant now) {
		Failures entry = live(key, now);
		failures.put(key, new Failures(entry == null ? 1 : entry.count() + 1, now));
	}

	/** The entry, unless it is forgotten (quiet long enough) or from a clock that has since moved back. */
	private Failures live(String key, Instant now) {
		Failures entry = failures.get(key);
		if (entry != null && (now.isBefore(entry.last()) || !now.isBefore(entry.last().plus(FORGET)))) {
			failures.remove(key);
			return null;
		}
		return entry;
	}

	private static String userKey(String client, String user) {
		return "u " + client + " " + user.toLowerCase(Locale.ROOT);
	}

	private static String clientKey(String client) {
		return "c " + client;
	}

}
