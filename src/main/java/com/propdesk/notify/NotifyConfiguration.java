package com.propdesk.notify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The recording adapter by default; the HTTP gateway when {@code propdesk.notify.gateway-url} is set. */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

	@Bean
	NotificationGateway notificationGateway(NotifyProperties properties, ObjectMapper json) {
		if (properties.gatewayUrl() == null || properties.gatewayUrl().isBlank()) {
			return notification -> {
				// recorded in the notification table and the timeline only
			};
		}
		return new HttpNotificationGateway(properties, json);
	}

}
