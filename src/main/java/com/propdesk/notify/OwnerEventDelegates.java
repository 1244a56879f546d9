package com.propdesk.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.system.Step;

/** The steps of {@code owner-event} and the publishing step case diagrams use. */
final class OwnerEventDelegates {

	private OwnerEventDelegates() {
	}

	/** {@code ${publishOwnerEvent}} with input parameter {@code event}: accepted, resolved, closed, promoted, … */
	@Step(label = "通知业主", inputs = @Step.Input(name = "event", label = "通知事件", options = NotifyTimeline.OwnerEventOptions.class))
	@Component("publishOwnerEvent")
	static class Publish implements JavaDelegate {

		private final OwnerEvents events;

		Publish(OwnerEvents events) {
			this.events = events;
		}

		@Override
		public void execute(DelegateExecution execution) {
			events.publish(CaseService.caseNo(execution), OwnerEventProcess.EVENT.getLocal(execution));
		}

	}

	/**
	 * {@code ${sendOwnerSms}}: the owner's SMS for the event, once per event id. Versions of
	 * {@code owner-event} deployed before December 2026 had this step (the SMS is now recorded when the event is
	 * published); the bean stays for instances of those versions still waiting before it.
	 */
	@Step(label = "短信通知业主", offered = false)
	@Component("sendOwnerSms")
	static class SendSms implements JavaDelegate {

		private final OwnerEvents events;

		private final CaseService cases;

		private final Notifications notifications;

		SendSms(OwnerEvents events, CaseService cases, Notifications notifications) {
			this.events = events;
			this.cases = cases;
			this.notifications = notifications;
		}

		@Override
		public void execute(DelegateExecution execution) {
			OwnerEvent event = events.find(OwnerEventProcess.EVENT_ID.get(execution)).orElseThrow();
			CaseRecord c = cases.find(event.caseNo()).orElseThrow();
			notifications.sms(event.eventId(), c.reporterPhone(), c.caseNo(),
					OwnerEvents.sms(event.summary(), c.caseNo(), event.statusLabel()));
		}

	}

	/**
	 * {@code ${sendOwnerCallback}}: posts the event to the case's callback URL; anything but a 2xx
	 * answer fails the job, which is retried under the same event id.
	 */
	@Step(label = "回调渠道系统", offered = false)
	@Component("sendOwnerCallback")
	static class SendCallback implements JavaDelegate {

		private final OwnerEvents events;

		private final CaseService cases;

		private final ObjectMapper json;

		private final NotifyProperties properties;

		private final HttpClient http;

		private final DeliveryMeter deliveries;

		SendCallback(OwnerEvents events, CaseService cases, ObjectMapper json, NotifyProperties properties,
				DeliveryMeter deliveries) {
			this.deliveries = deliveries;
			this.events = events;
			this.cases = cases;
			this.json = json;
			this.properties = properties;
			this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
					.followRedirects(HttpClient.Redirect.NEVER).build();
		}

		@Override
		public void execute(DelegateExecution execution) throws Exception {
			OwnerEvent event = events.find(OwnerEventProcess.EVENT_ID.get(execution)).orElseThrow();
			String url = cases.find(event.caseNo()).orElseThrow().callbackUrl();
			if (url == null) {
				return;
			}
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.requestTimeout())
					.header("Content-Type", "application/json").header("X-Event-Id", event.eventId())
					.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event))).build();
			deliveries.count(DeliveryMeter.CALLBACK, () -> post(request, url, event));
			events.delivered(event.eventId());
		}

		/** Anything but a 2xx answer fails. */
		private void post(HttpRequest request, String url, OwnerEvent event) {
			int status;
			try {
				status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException e) {
				throw new IllegalStateException("Callback " + url + " for event " + event.eventId() + " failed: " + e, e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Callback " + url + " for event " + event.eventId() + " interrupted", e);
			}
			if (status / 100 != 2) {
				throw new IllegalStateException("Callback " + url + " for event " + event.eventId() + " answered " + status);
			}
		}

	}

}
