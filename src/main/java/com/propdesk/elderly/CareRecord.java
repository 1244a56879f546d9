package com.propdesk.elderly;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A resident living alone under care, as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareRecord(long residentId, String residentName, String unit, String building, String residentPhone,
		String visitEvery, String visitEveryLabel, String visitedBy, String visitedByLabel, List<Contact> contacts,
		String healthNotes, boolean healthConsent, String consentRecordedBy, OffsetDateTime consentRecordedAt, boolean active,
		String updatedBy, OffsetDateTime updatedAt, Visit nextVisit) {

	/** An emergency contact. */
	public record Contact(String name, String relation, String phone) {

		/** {@code 李明（女儿）13900000000} */
		String text() {
			return name + "（" + relation + "）" + phone;
		}

	}

	/** One visit: due, done or missed. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Visit(long id, OffsetDateTime opensAt, OffsetDateTime dueAt, String status, String statusLabel,
			String visitorGroup, OffsetDateTime doneAt, String visitedBy, String wellbeing, String wellbeingLabel,
			String facilityChecks, String notes, String requests, String repairCaseNo, String inquiryCaseNo, String errand,
			String errandResult, String errandDoneBy, OffsetDateTime errandDoneAt, String contactCallNote,
			String contactCalledBy, OffsetDateTime contactCalledAt, long residentId) {

		public static final String DUE = "due";
		public static final String DONE = "done";
		public static final String MISSED = "missed";

	}

	CareRecord withNextVisit(Visit visit) {
		return new CareRecord(residentId, residentName, unit, building, residentPhone, visitEvery, visitEveryLabel, visitedBy,
				visitedByLabel, contacts, healthNotes, healthConsent, consentRecordedBy, consentRecordedAt, active, updatedBy,
				updatedAt, visit);
	}

	String contactsText() {
		return contacts.isEmpty() ? "（未登记紧急联系人）" : String.join("；", contacts.stream().map(Contact::text).toList());
	}

}
