package com.propdesk.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code propdesk.notify.*}.
 *
 * @param gatewayUrl      where SMS and paging messages are posted; empty: they are only recorded
 * @param connectTimeout  for callbacks and the gateway
 * @param requestTimeout  for callbacks and the gateway; well below the job lock time (5 minutes)
 */
@ConfigurationProperties("propdesk.notify")
public record NotifyProperties(String gatewayUrl, Duration connectTimeout, Duration requestTimeout) {

	public NotifyProperties {
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
		requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
	}

}
