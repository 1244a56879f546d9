package com.propdesk.system;

import java.util.List;
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

	public record Channel(String apiKey, List<String> callbackHosts) {

		public Channel {
			callbackHosts = callbackHosts == null ? List.of() : List.copyOf(callbackHosts);
		}

	}

}
