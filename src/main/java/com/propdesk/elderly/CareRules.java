package com.propdesk.elderly;

import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.propdesk.registry.PhoneNumbers;
import com.propdesk.security.Groups;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/** The rules of a care record and of its visits, without an engine: what may be recorded, when the next visit is due. */
final class CareRules {

	private CareRules() {
	}

	/** The visit intervals staff pick from: ISO-8601 period → its Chinese name. */
	static final Map<String, String> INTERVALS = intervals();

	/** Who may visit: the group's id → its Chinese name. */
	static final Map<String, String> VISITORS = Map.of(Groups.SERVICE_DESK, Groups.label(Groups.SERVICE_DESK),
			Groups.SECURITY, Groups.label(Groups.SECURITY));

	/** How the visitor found the resident. */
	static final Map<String, String> WELLBEING = wellbeing();

	static final int MAX_CONTACTS = 5;

	static final int HEALTH_NOTES = 500;

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static Map<String, String> intervals() {
		Map<String, String> intervals = new LinkedHashMap<>();
		intervals.put("P1W", "每周");
		intervals.put("P2W", "每两周");
		intervals.put("P1M", "每月");
		return intervals;
	}

	private static Map<String, String> wellbeing() {
		Map<String, String> wellbeing = new LinkedHashMap<>();
		wellbeing.put("good", "良好");
		wellbeing.put("fair", "一般");
		wellbeing.put("poor", "较差，需多关注");
		wellbeing.put("unwell", "身体不适，已建议就医");
		return wellbeing;
	}

	/** A period as written (its code or its Chinese name), as its code. */
	static Optional<String> interval(String written) {
		if (written == null) {
			return Optional.empty();
		}
		String text = written.trim();
		if (INTERVALS.containsKey(text.toUpperCase())) {
			return Optional.of(text.toUpperCase());
		}
		return INTERVALS.entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey).findFirst();
	}

	/**
	 * The next visit's window: it opens when the last one was due (or now, the first time, or when that is past) and
	 * is due one interval later, in the estate's calendar (每月 is a calendar month).
	 */
	static OffsetDateTime[] nextWindow(OffsetDateTime lastDue, String every, OffsetDateTime now) {
		OffsetDateTime opens = lastDue == null || lastDue.isBefore(now) ? now : lastDue;
		OffsetDateTime due = opens.atZoneSameInstant(ZoneId.systemDefault()).plus(Period.parse(every)).toOffsetDateTime();
		return new OffsetDateTime[] { opens, due };
	}

	/** {@code 2026-12-01 10:00 至 2026-12-08 10:00}. */
	static String window(OffsetDateTime opens, OffsetDateTime due) {
		return DAY_TIME.format(opens.atZoneSameInstant(ZoneId.systemDefault())) + " 至 "
				+ DAY_TIME.format(due.atZoneSameInstant(ZoneId.systemDefault()));
	}

	static String time(OffsetDateTime time) {
		return DAY_TIME.format(time.atZoneSameInstant(ZoneId.systemDefault()));
	}

	/** An emergency contact as written to the API. */
	record ContactRequest(String name, String relation, String phone) {
	}

	/** What staff write into a care record. */
	record CareRequest(List<ContactRequest> contacts, String healthNotes, Boolean healthConsent, String visitEvery,
			String visitedBy) {
	}

	/** A care record's settings, checked and written one way. */
	record Settings(List<CareRecord.Contact> contacts, String healthNotes, boolean healthConsent, String visitEvery,
			String visitedBy) {
	}

	/** Every problem of the request, each naming its field; none means the settings are good. */
	static Settings settings(CareRequest body, List<FieldProblem> problems) {
		List<CareRecord.Contact> contacts = new ArrayList<>();
		if (body.contacts() == null || body.contacts().isEmpty()) {
			problems.add(new FieldProblem("contacts", "至少登记一位紧急联系人（姓名、关系、电话）"));
		}
		else if (body.contacts().size() > MAX_CONTACTS) {
			problems.add(new FieldProblem("contacts", "最多 " + MAX_CONTACTS + " 位紧急联系人"));
		}
		else {
			for (int i = 0; i < body.contacts().size(); i++) {
				ContactRequest contact = body.contacts().get(i);
				String at = "contacts[" + i + "].";
				if (contact == null) {
					problems.add(new FieldProblem("contacts[" + i + "]", "必填：姓名、关系、电话"));
					continue;
				}
				TextRules.required(problems, at + "name", contact.name(), Lines.ONE, 64, "必填：联系人姓名");
				TextRules.required(problems, at + "relation", contact.relation(), Lines.ONE, 32, "必填：与住户的关系，如 女儿、邻居");
				Optional<String> phone = PhoneNumbers.normalise(contact.phone());
				if (phone.isEmpty()) {
					problems.add(new FieldProblem(at + "phone", PhoneNumbers.RULE));
				}
				contacts.add(new CareRecord.Contact(trim(contact.name()), trim(contact.relation()), phone.orElse(null)));
			}
		}
		boolean consent = Boolean.TRUE.equals(body.healthConsent());
		boolean notes = TextRules.optional(problems, "healthNotes", body.healthNotes(), Lines.MANY, HEALTH_NOTES);
		if (notes && !consent) {
			problems.add(new FieldProblem("healthConsent", "记录健康情况须住户本人同意：请确认住户同意后勾选（true）"));
		}
		String every = interval(body.visitEvery()).orElse(null);
		if (every == null) {
			problems.add(new FieldProblem("visitEvery", "必填：" + choices(INTERVALS)));
		}
		if (body.visitedBy() == null || !VISITORS.containsKey(body.visitedBy())) {
			problems.add(new FieldProblem("visitedBy", "必填：" + choices(VISITORS)));
		}
		return new Settings(contacts, notes ? body.healthNotes().strip() : null, consent, every, body.visitedBy());
	}

	private static String choices(Map<String, String> choices) {
		return String.join("、", choices.entrySet().stream().map(e -> e.getKey() + "（" + e.getValue() + "）").toList());
	}

	private static String trim(String text) {
		return text == null ? null : text.strip();
	}

	/** What a visit recorded, checked. */
	record Findings(String wellbeing, Map<String, String> checks, String notes, String repairCategory,
			String repairDescription, String errand, String inquiry) {

		/** {@code 燃气正常、用水异常、…} */
		String checksText() {
			List<String> parts = new ArrayList<>();
			checks.forEach((facility, result) -> parts.add(facility + (ElderlyVisitProcess.CHECK_OK.equals(result) ? "正常" : "异常")));
			return String.join("、", parts);
		}

		/** The requests as one line for the visit's record. */
		String requestsText() {
			List<String> parts = new ArrayList<>();
			if (repairDescription != null) {
				parts.add("报修：" + repairDescription);
			}
			if (errand != null) {
				parts.add("代办：" + errand);
			}
			if (inquiry != null) {
				parts.add("咨询：" + inquiry);
			}
			return parts.isEmpty() ? null : String.join("；", parts);
		}

	}

	/**
	 * A visit form's values, checked: the wellbeing and the four facility checks are required, each request needs its
	 * text. A problem throws {@link IllegalArgumentException} with the message the visitor reads.
	 */
	static Findings findings(String wellbeing, Map<String, String> checks, String notes, boolean repair, String repairCategory,
			String repairDescription, List<String> repairCategories, boolean errand, String errandText, boolean inquiry,
			String question) {
		if (wellbeing == null || !WELLBEING.containsKey(wellbeing)) {
			throw new IllegalArgumentException("请选择住户状况");
		}
		checks.forEach((facility, result) -> {
			if (!ElderlyVisitProcess.CHECK_OK.equals(result) && !ElderlyVisitProcess.CHECK_PROBLEM.equals(result)) {
				throw new IllegalArgumentException("请检查并选择" + facility + "：正常或异常");
			}
		});
		if (repair && (repairCategory == null || !repairCategories.contains(repairCategory))) {
			throw new IllegalArgumentException("请选择报修类别");
		}
		if (repair && blank(repairDescription)) {
			throw new IllegalArgumentException("请填写报修内容");
		}
		if (errand && blank(errandText)) {
			throw new IllegalArgumentException("请填写代办事项，如 代买降压药");
		}
		if (inquiry && blank(question)) {
			throw new IllegalArgumentException("请填写住户的咨询问题");
		}
		return new Findings(wellbeing, checks, blank(notes) ? null : notes.strip(), repair ? repairCategory : null,
				repair ? repairDescription.strip() : null, errand ? errandText.strip() : null, inquiry ? question.strip() : null);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
