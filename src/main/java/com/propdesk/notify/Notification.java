package com.propdesk.notify;

/**
 * A message to an owner (SMS to a phone number) or to staff (paging a user or a group), once per
 * event and recipient: the event id is what de-duplicates it.
 */
public record Notification(String eventId, Kind kind, String recipient, String caseNo, String text) {

	public enum Kind {
		SMS, PAGE
	}

}
