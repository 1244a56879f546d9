package com.propdesk.system;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PropDesk's own settings ({@code propdesk.*}).
 *
 * @param demo          load demo users and the demo estate (default profile only)
 * @param adminPassword password of the {@code admin} user, created when missing
 * @param channels      channel name → its API key and the hosts its callbacks may go to
 */
@ConfigurationProperties("propdesk")
public record PropDeskProperties(boolean demo, String adminPassword, Map<String, Channel> channels) {

	public PropDeskProperties {
		channels = channels == null ? Map.of() : Map.copyOf(channels);
	}

	/**
	 * A channel's key and where its callbacks may go. Each of {@code callbackHosts} is a host with an optional port:
	 * {@code hooks.example.cn} (the scheme's own port only: 80 for http, 443 for https), {@code hooks.example.cn:8443},
	 * or {@code localhost:*} (any port); an IPv6 address in brackets, {@code [::1]:*}.
	 */
	public record Channel(String apiKey, List<String> callbackHosts) {

		public Channel {
			callbackHosts = callbackHosts == null ? List.of() : List.copyOf(callbackHosts);
			callbackHosts.forEach(CallbackHost::parse);
		}

		/** Whether a callback may go to this absolute http(s) URL: its host and its port (or the scheme's) are listed. */
		public boolean allowsCallbackTo(URI url) {
			return callbackHosts.stream().map(CallbackHost::parse).anyMatch(allowed -> allowed.matches(url));
		}

	}

	/** One entry of a channel's callback hosts; {@code port} is null for the scheme's own, -1 for any. */
	record CallbackHost(String host, Integer port) {

		static final int ANY = -1;

		static CallbackHost parse(String entry) {
			String text = entry == null ? "" : entry.trim().toLowerCase(Locale.ROOT);
			int hostEnd = text.startsWith("[") ? text.indexOf(']') + 1 : text.indexOf(':');
			if (hostEnd == 0 || (hostEnd < 0 && text.isEmpty())) {
				throw new IllegalArgumentException("callback-hosts: not a host: '" + entry + "'");
			}
			String host = hostEnd < 0 ? text : text.substring(0, hostEnd);
			String rest = hostEnd < 0 ? "" : text.substring(hostEnd);
			if (host.isEmpty() || host.contains("/") || host.contains("@")) {
				throw new IllegalArgumentException("callback-hosts: not a host: '" + entry + "'");
			}
			if (rest.isEmpty()) {
				return new CallbackHost(host, null);
			}
			if (rest.equals(":*")) {
				return new CallbackHost(host, ANY);
			}
			try {
				int port = rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : 0;
				if (port >= 1 && port <= 65535) {
					return new CallbackHost(host, port);
				}
			}
			catch (NumberFormatException e) {
				// named below
			}
			throw new IllegalArgumentException("callback-hosts: '" + entry + "' is not host, host:port or host:*");
		}

		boolean matches(URI url) {
			if (url.getHost() == null || !host.equals(url.getHost().toLowerCase(Locale.ROOT))) {
				return false;
			}
			int defaultPort = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
			int actual = url.getPort() == -1 ? defaultPort : url.getPort();
			return port == null ? actual == defaultPort : port == ANY || port == actual;
		}

	}

}
