package com.propdesk.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.system.PropDeskJobHandler;
import com.propdesk.system.PropDeskProperties;

/**
 * Posts owner-visible events to the channel's callback URL from jobs, once the transaction that published the event
 * commits: {@code {eventId, event, caseNo, …}} with header {@code X-Event-Id}; anything but a 2xx answer fails the
 * attempt, which is tried again after {@link #BACK_OFF} under the same event id (receivers de-duplicate by it); after
 * the last the job fails without further retries and Cockpit shows the incident under {@code owner-event}, whose retry
 * posts it once more. A job, not an instance of {@code owner-event} per event: an instance, its two variables, their
 * history and its activities cost about thirty statements more per event (README, "Benchmark").
 */
@Component
public class CallbackDeliveries extends PropDeskJobHandler<CallbackDeliveries.Callback> {

	/** The job handler type in {@code ACT_RU_JOB.HANDLER_TYPE_}. */
	public static final String TYPE = "propdesk-callback";

	/** The waits before the second, third … attempt, as {@code owner-event}'s retry cycle had them. */
	static final List<Duration> BACK_OFF = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2));

	/** What staff read for such a job in the managers' incident list, as the diagram names its step. */
	public static final String STEP = "回调渠道系统";

	private static final Logger log = LoggerFactory.getLogger(CallbackDeliveries.class);

	/** Which event a job posts, and how many attempts failed before it: {@code attempt|eventId}. */
	record Callback(int attempt, String eventId) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return attempt + "|" + eventId;
		}

		static Callback parse(String canonical) {
			String[] parts = canonical.split("\\|", 2);
			return new Callback(Integer.parseInt(parts[0]), parts[1]);
		}

	}

	private final ObjectProvider<OwnerEvents> events;

	private final ObjectProvider<CaseService> cases;

	private final ObjectMapper json;

	private final NotifyProperties properties;

	private final PropDeskProperties settings;

	private final DeliveryMeter deliveries;

	private final HttpClient http;

	CallbackDeliveries(ObjectProvider<OwnerEvents> events, ObjectProvider<CaseService> cases, ObjectMapper json,
			NotifyProperties properties, PropDeskProperties settings, DeliveryMeter deliveries) {
		super(TYPE);
		this.settings = settings;
		this.events = events;
		this.cases = cases;
		this.json = json;
		this.properties = properties;
		this.deliveries = deliveries;
		this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
				.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Override
	public Callback newConfiguration(String canonical) {
		return Callback.parse(canonical);
	}

	/** A job that posts the event once the caller's transaction commits. */
	void schedule(String eventId) {
		scheduleListedUnder(OwnerEvents.DELIVERY, new Callback(0, eventId), null);
	}

	/** The case of a callback job (the managers' incident list names it), or empty for any other job. */
	public Optional<String> caseOf(Job job) {
		if (!(job instanceof JobEntity entity) || !TYPE.equals(entity.getJobHandlerType())) {
			return Optional.empty();
		}
		return events.getObject().find(Callback.parse(entity.getJobHandlerConfigurationRaw()).eventId())
				.map(OwnerEvent::caseNo);
	}

	@Override
	public void execute(Callback callback, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
		try {
			post(callback.eventId());
		}
		catch (RuntimeException failed) {
			if (callback.attempt() >= BACK_OFF.size()) {
				throw failed;
			}
			Duration wait = BACK_OFF.get(callback.attempt());
			log.warn("Callback for event {} failed ({}); trying again in {}", callback.eventId(), failed.getMessage(), wait);
			// the last attempt's failure is the incident at once, as owner-event's retry cycle had it
			int next = callback.attempt() + 1;
			scheduleListedUnder(OwnerEvents.DELIVERY, new Callback(next, callback.eventId()),
					new Date(ClockUtil.getCurrentTime().getTime() + wait.toMillis()), next == BACK_OFF.size() ? 1 : null);
		}
	}

	/**
	 * Posts the event to its case's callback URL (nothing when the case has none) and marks it delivered; anything but
	 * a 2xx answer fails. Also the step of {@code owner-event} instances started before callbacks became jobs.
	 */
	void post(String eventId) {
		OwnerEvent event = events.getObject().find(eventId).orElseThrow();
		CaseRecord c = cases.getObject().find(event.caseNo()).orElseThrow();
		String url = c.callbackUrl();
		if (url == null) {
			return;
		}
		// checked again as it is sent: a host an operator took off the channel's list (compromised, retired) gets
		// nothing more, also for the cases reported while it was on it
		PropDeskProperties.Channel channel = settings.channels().get(c.channel());
		if (channel == null || !channel.allowsCallbackTo(URI.create(url))) {
			log.warn("Callback for event {} of {} withheld: {} is not on channel {}'s callback list any more", eventId,
					c.caseNo(), url, c.channel());
			cases.getObject().record(c.caseNo(), NotifyTimeline.CALLBACK_WITHHELD,
					"渠道系统未收到「" + event.summary() + "」：回调地址已不在该渠道允许的列表中");
			return;
		}
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.requestTimeout())
					.header("Content-Type", "application/json").header("X-Event-Id", event.eventId())
					.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event))).build();
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Event " + eventId + " cannot be written as JSON", e);
		}
		deliveries.count(DeliveryMeter.CALLBACK, () -> send(request, url, event));
		events.getObject().delivered(event.eventId());
	}

	private void send(HttpRequest request, String url, OwnerEvent event) {
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
