package com.propdesk.notify;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.propdesk.intake.ActorNames;
import com.propdesk.intake.CaseService;
import com.propdesk.notify.Notification.Kind;
import com.propdesk.registry.PhoneNumbers;
import com.propdesk.security.Groups;
import com.propdesk.system.Clock;
import com.propdesk.system.Databases;
import com.propdesk.system.TextRules;

/**
 * The notification port: SMS to owners and paging of staff, each recorded (and shown in the case's
 * timeline) and sent once per event id and recipient. A gateway over the network is called by a job after the
 * recording transaction commits ({@link NotificationDeliveries}), so that its being slow or down neither holds nor
 * fails the report, dispatch or breach that sends.
 */
@Service
public class Notifications {

	private final JdbcTemplate jdbc;

	private final NotificationGateway gateway;

	private final CaseService cases;

	private final ActorNames actorNames;

	private final DeliveryMeter deliveries;

	/**
	 * Records a notification unless this event already reached this recipient. Two nodes (or a job run again after its
	 * lock expired) may send the same event at the same moment: PostgreSQL's {@code on conflict do nothing} waits for
	 * the other's commit and then inserts nothing (it sent it) or the row (it rolled back, so this one sends), where the
	 * check for {@code not exists} alone let both insert and the second fail with a unique violation, which took its
	 * job's transaction with it. H2 (one node) has no such clause.
	 */
	private final String insertIfAbsent;

	private final NotificationDeliveries sending;

	Notifications(JdbcTemplate jdbc, DataSource dataSource, NotificationGateway gateway, NotificationDeliveries sending,
			CaseService cases, ActorNames actorNames, DeliveryMeter deliveries) {
		this.sending = sending;
		this.insertIfAbsent = "insert into notification (event_id, kind, recipient, case_no, text, sent_at) "
				+ "select ?, ?, ?, ?, ?, ? where not exists (select 1 from notification where event_id = ? and recipient = ?)"
				+ (Databases.postgres(dataSource) ? " on conflict (event_id, recipient) do nothing" : "");
		this.deliveries = deliveries;
		this.actorNames = actorNames;
		this.jdbc = jdbc;
		this.gateway = gateway;
		this.cases = cases;
	}

	/** What the notification table holds of a message (V3): a longer page is cut with an ellipsis. */
	static final int TEXT = 1000;

	public boolean sms(String eventId, String phone, String caseNo, String text) {
		return send(new Notification(eventId, Kind.SMS, phone, caseNo, text));
	}

	/** Pages a user or every member of a group (the gateway resolves the group's on-duty numbers). */
	public boolean page(String eventId, String userOrGroup, String caseNo, String text) {
		return send(new Notification(eventId, Kind.PAGE, userOrGroup, caseNo, text));
	}

	/**
	 * Sends one event to many owners (an emergency broadcast to a building): each recipient once, and
	 * one line in the case's timeline for all of them.
	 * @return how many were sent now (not before)
	 */
	public int broadcast(String eventId, List<String> phones, String caseNo, String text) {
		int sent = 0;
		for (String phone : phones) {
			if (record(fitted(new Notification(eventId, Kind.SMS, phone, caseNo, text)))) {
				sent++;
			}
		}
		cases.record(caseNo, NotifyTimeline.BROADCAST, "短信通知 " + phones.size() + " 户住户（本次发出 " + sent + " 条）：" + text);
		return sent;
	}

	/**
	 * Records and sends a notification unless this event already reached this recipient.
	 * @return false for a duplicate
	 */
	public boolean send(Notification notification) {
		Notification n = fitted(notification);
		if (!record(n)) {
			return false;
		}
		if (n.caseNo() != null) {
			String to = to(n.kind(), n.recipient());
			cases.record(n.caseNo(), n.kind() == Kind.SMS ? NotifyTimeline.SMS : NotifyTimeline.PAGED, to + "：" + n.text());
		}
		return true;
	}

	/**
	 * An SMS whose text the case's timeline must not repeat, as it carries the owner's tracking link (the timeline
	 * is read by every department on the case): the timeline says what was sent in other words.
	 * @param at the timeline line's time, which the caller's answer gives
	 * @return false for a duplicate
	 */
	public boolean smsUnquoted(String eventId, String phone, String caseNo, String text, String timelineNote,
			OffsetDateTime at) {
		if (!record(fitted(new Notification(eventId, Kind.SMS, phone, caseNo, text)))) {
			return false;
		}
		cases.record(caseNo, NotifyTimeline.SMS, "短信至 " + PhoneNumbers.masked(phone) + "：" + timelineNote, at);
		return true;
	}

	/**
	 * A page quotes the owner's report, which may be longer than a message holds: the message is derived, so it
	 * is shortened; the report itself stays whole on the case.
	 */
	private static Notification fitted(Notification n) {
		return new Notification(n.eventId(), n.kind(), n.recipient(), n.caseNo(), TextRules.shorten(n.text(), TEXT));
	}


	private boolean record(Notification n) {
		int inserted = jdbc.update(insertIfAbsent, n.eventId(), n.kind().name(), n.recipient(), n.caseNo(), n.text(),
				Clock.now(), n.eventId(), n.recipient());
		if (inserted == 0) {
			return false;
		}
		if (gateway.remote()) {
			sending.schedule(n.recipient(), n.eventId());
		}
		else {
			transmit(n);
		}
		return true;
	}

	/** Sends a recorded notification to the gateway: the job {@link NotificationDeliveries} scheduled for it runs. */
	void deliver(String eventId, String recipient) {
		Notification n = jdbc.query("select event_id, kind, recipient, case_no, text from notification "
				+ "where event_id = ? and recipient = ?", (rs, i) -> new Notification(rs.getString("event_id"),
						Kind.valueOf(rs.getString("kind")), rs.getString("recipient"), rs.getString("case_no"),
						rs.getString("text")), eventId, recipient).stream().findFirst()
				.orElseThrow(() -> new IllegalStateException("No notification " + eventId + " to " + recipient));
		transmit(n);
	}

	/** What a failed delivery job was sending, for an operator: its case (or none) and the message in a few words. */
	public record Unsent(String caseNo, String what) {
	}

	/** The notification a delivery job ({@link NotificationDeliveries}) sends; empty for any other job. */
	public Optional<Unsent> ofDeliveryJob(Job job) {
		if (!(job instanceof JobEntity entity) || !NotificationDeliveries.TYPE.equals(entity.getJobHandlerType())) {
			return Optional.empty();
		}
		NotificationDeliveries.Delivery delivery = NotificationDeliveries.Delivery.parse(entity.getJobHandlerConfigurationRaw());
		return jdbc.query("select kind, case_no from notification where event_id = ? and recipient = ?",
				(rs, i) -> new Unsent(rs.getString("case_no"), to(Kind.valueOf(rs.getString("kind")), delivery.recipient())),
				delivery.eventId(), delivery.recipient()).stream().findFirst();
	}

	/** A message's kind and recipient as staff read them: 短信至 138****0000, 呼叫 24小时值班, 呼叫 王师傅（engineer）. */
	private String to(Kind kind, String recipient) {
		if (kind == Kind.SMS) {
			return "短信至 " + PhoneNumbers.masked(recipient);
		}
		if (Groups.NAMES.containsKey(recipient)) {
			return "呼叫 " + Groups.label(recipient);
		}
		return "呼叫 " + actorNames.reader().nameWithId(recipient);
	}

	private void transmit(Notification n) {
		deliveries.count(n.kind() == Kind.SMS ? DeliveryMeter.SMS : DeliveryMeter.PAGE, () -> gateway.send(n));
	}


}
