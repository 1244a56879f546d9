package com.propdesk.notify;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.propdesk.system.PropDeskJobHandler;

/**
 * Sends recorded notifications to the SMS and paging gateway from jobs, after the transaction that recorded them
 * commits. A report, an SLA breach or a dispatch does not wait for the gateway, and does not fail when it is away: the
 * notification is recorded with the case (its timeline says it was sent) and a job carries it to the gateway, on any
 * node, with the notification's event id as the gateway's {@code Idempotency-Key}. A failed send is tried again after
 * {@link #BACK_OFF} (a gateway down for half an hour loses nothing); after the last, the job fails like any other and
 * Cockpit shows the incident under {@code owner-event}, whose retry sends it once more. After a failed send the node
 * tries no other for the first back-off (each such attempt fails at once, and is tried again as it would have been):
 * a gateway that hangs would otherwise hold every job thread for its time-out, and the SLA timers and owner callbacks
 * behind them would wait.
 * <p>
 * The jobs are listed under the internal {@code owner-event} process (no instance waits on them), so that Cockpit
 * shows them and nobody but the engine moves or fires them.
 */
@Component
class NotificationDeliveries extends PropDeskJobHandler<NotificationDeliveries.Delivery> {

	/** The job handler type in {@code ACT_RU_JOB.HANDLER_TYPE_}. */
	static final String TYPE = "propdesk-notification";

	/** The waits before the second, third … attempt; after the last the job fails (three more tries, then an incident). */
	static final List<Duration> BACK_OFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
			Duration.ofMinutes(30));

	private static final Logger log = LoggerFactory.getLogger(NotificationDeliveries.class);

	/**
	 * Which notification a job sends, and how many attempts failed before it: {@code attempt|recipient|eventId}
	 * (recipients are phone numbers, user and group ids, which hold no bar; an event id may hold anything).
	 */
	record Delivery(int attempt, String recipient, String eventId) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return attempt + "|" + recipient + "|" + eventId;
		}

		static Delivery parse(String canonical) {
			String[] parts = canonical.split("\\|", 3);
			return new Delivery(Integer.parseInt(parts[0]), parts[1], parts[2]);
		}

		Delivery next() {
			return new Delivery(attempt + 1, recipient, eventId);
		}

	}

	private final ObjectProvider<Notifications> notifications;

	/** When (engine clock, ms) a send of this node last failed; the gateway counts as away for the first back-off. */
	private volatile long gatewayFailedAt = -1;


	NotificationDeliveries(ObjectProvider<Notifications> notifications) {
		super(TYPE);
		this.notifications = notifications;
	}



	@Override
	public Delivery newConfiguration(String canonical) {
		return Delivery.parse(canonical);
	}

	@Override
	public void onDelete(Delivery delivery, JobEntity job) {
		// the notification stays recorded: deleting its job (an operator in Cockpit) only stops its sending
	}

	/** A job that sends the recorded notification once the caller's transaction commits. */
	void schedule(String recipient, String eventId) {
		schedule(new Delivery(0, recipient, eventId), null);
	}

	@Override
	public void execute(Delivery delivery, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
		long now = ClockUtil.getCurrentTime().getTime();
		try {
			send(delivery, now);
		}
		catch (RuntimeException failed) {
			if (delivery.attempt() >= BACK_OFF.size()) {
				throw failed;
			}
			Duration wait = BACK_OFF.get(delivery.attempt());
			log.warn("Sending notification {} to {} failed ({}); trying again in {}", delivery.eventId(),
					delivery.recipient(), failed.getMessage(), wait);
			schedule(delivery.next(), new Date(now + wait.toMillis()));
		}
	}

	private void send(Delivery delivery, long now) {
		if (gatewayFailedAt >= 0 && now >= gatewayFailedAt && now < gatewayFailedAt + BACK_OFF.get(0).toMillis()) {
			// the gateway failed a moment ago: this attempt fails without waiting for it, so that a gateway that hangs
			// holds one job thread (and its connection) per back-off, not every thread the node has
			throw new IllegalStateException("Notification gateway failed moments ago; not tried (to " + delivery.recipient()
					+ ", event " + delivery.eventId() + ")");
		}
		try {
			notifications.getObject().deliver(delivery.eventId(), delivery.recipient());
		}
		catch (RuntimeException failed) {
			gatewayFailedAt = now;
			throw failed;
		}
		gatewayFailedAt = -1;
	}

	private void schedule(Delivery delivery, Date due) {
		scheduleListedUnder(OwnerEvents.DELIVERY, delivery, due);
	}

}
