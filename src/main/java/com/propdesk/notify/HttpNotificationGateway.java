package com.propdesk.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Posts each notification as JSON to the configured SMS/paging gateway; a failure makes the caller retry. */
class HttpNotificationGateway implements NotificationGateway {

	private final URI url;

	private final HttpClient http;

	private final NotifyProperties properties;

	private final ObjectMapper json;

	HttpNotificationGateway(NotifyProperties properties, ObjectMapper json) {
		this.url = URI.create(properties.gatewayUrl());
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
	}

	@Override
	public boolean remote() {
		return true;
	}

	@Override
	public void send(Notification notification) {
		try {
			HttpRequest request = HttpRequest.newBuilder(url).timeout(properties.requestTimeout())
					.header("Content-Type", "application/json").header("Idempotency-Key", notification.eventId())
					.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(notification))).build();
			int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status / 100 != 2) {
				throw new IllegalStateException("Notification gateway answered " + status + " (" + notification.kind() + " to "
						+ notification.recipient() + ", case " + notification.caseNo() + ")");
			}
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
		catch (IOException e) {
			throw new IllegalStateException("Notification gateway unreachable (" + notification.kind() + " to "
					+ notification.recipient() + ", case " + notification.caseNo() + "): " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while notifying", e);
		}
	}

}
