package com.propdesk.notify;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.system.Clock;
import com.propdesk.system.TextRules;

/**
 * Publishes owner-visible events. The event, its id and the owner's SMS are recorded in the step's own transaction
 * (the SMS goes to the gateway from a job of its own, {@link NotificationDeliveries}); when the case has a callback
 * URL, a job of its own too ({@link CallbackDeliveries}) posts the event to the channel once that transaction commits,
 * retried with back-off under the same event id, and raises a Cockpit incident under {@code owner-event} when the
 * retries run out. No process instance is started for an event (an instance, its variables and their history cost
 * far more statements than the event itself: README, "Benchmark").
 */
@Service
public class OwnerEvents {

	public static final String DELIVERY = "owner-event";

	private final JdbcTemplate jdbc;

	private final CaseService cases;

	private final CallbackDeliveries callbacks;

	private final Notifications notifications;

	OwnerEvents(JdbcTemplate jdbc, CaseService cases, CallbackDeliveries callbacks, Notifications notifications) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.callbacks = callbacks;
		this.notifications = notifications;
	}

	/** What owner_event.summary holds; the callback and the SMS carry the same (shortened) summary. */
	static final int SUMMARY = 500;

	/** @return the new event's id */
	public String publish(String caseNo, String event, String fullSummary, OffsetDateTime promisedAt) {
		String summary = TextRules.shorten(fullSummary, SUMMARY);
		CaseRecord c = cases.find(caseNo).orElseThrow(() -> new IllegalStateException("No case " + caseNo));
		String eventId = UUID.randomUUID().toString();
		// the callback's time is the timeline line's: a channel matching the two finds the one line
		OffsetDateTime at = Clock.now();
		jdbc.update("insert into owner_event (event_id, case_no, event, status, status_label, at, summary, promised_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)", eventId, caseNo, event, c.status().code(), c.status().label(),
				at, summary, promisedAt);
		cases.record(caseNo, NotifyTimeline.ownerEvent(event), "通知业主：" + summary, at);
		notifications.sms(eventId, c.reporterPhone(), caseNo, sms(summary, caseNo, c.status().label()));
		if (c.callbackUrl() != null) {
			callbacks.schedule(eventId);
		}
		return eventId;
	}

	public Optional<OwnerEvent> find(String eventId) {
		return jdbc.query("select e.*, c.type from owner_event e join case_record c on c.case_no = e.case_no "
				+ "where e.event_id = ?", (rs, i) -> new OwnerEvent(rs.getString("event_id"), rs.getString("event"),
						rs.getString("case_no"), rs.getString("type"), rs.getString("status"), rs.getString("status_label"),
						Clock.local(rs.getObject("at", OffsetDateTime.class)), rs.getString("summary"),
						Clock.local(rs.getObject("promised_at", OffsetDateTime.class))), eventId)
				.stream().findFirst();
	}

	void delivered(String eventId) {
		jdbc.update("update owner_event set delivered_at = ? where event_id = ?", Clock.now(), eventId);
	}

	/**
	 * The owner's SMS for an event: its summary, then the case number and the status the event left the case in where
	 * the summary does not say them already (您的报修已受理，事项编号 R-… needs neither again; …请对本次服务进行评价 says
	 * 待评价 in its own words, 已重新处理 says 处理中).
	 */
	static String sms(String summary, String caseNo, String statusLabel) {
		List<String> after = Stream.of(caseNo, statusLabel)
				.filter(said -> !summary.contains(said) && (said.equals(caseNo) || !summary.contains(stem(said)))).toList();
		return "【物业客服】" + summary + (after.isEmpty() ? "" : "（" + String.join("，", after) + "）");
	}

	/** What a status says without its 待, 已 or 中: 评价 for 待评价, 处理 for 处理中. */
	private static String stem(String statusLabel) {
		return statusLabel.replaceFirst("^[待已]", "").replaceFirst("中$", "");
	}

	/** What the owner reads for each event, by case type. */
	static String summary(String event, CaseRecord c) {
		String type = c.type().label();
		return switch (event) {
			case "accepted" -> "您的" + type + "已受理，事项编号 " + c.caseNo();
			case "resolved" -> "您的" + type + "已处理完毕，请对本次服务进行评价";
			case "closed" -> "您的" + type + "已办结，感谢您的支持";
			case "promoted" -> "您报告的情况已转为紧急事件，值班人员正在处置";
			case "reopened" -> "您的" + type + "已重新处理";
			default -> "您的" + type + "有新进展：" + c.status().label();
		};
	}

	public String publish(String caseNo, String event) {
		CaseRecord c = cases.find(caseNo).orElseThrow(() -> new IllegalStateException("No case " + caseNo));
		return publish(caseNo, event, summary(event, c), null);
	}

}
