package com.propdesk.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.propdesk.system.FieldProblem;

/**
 * A case type, declared as a bean by its own package: its key, how its case numbers begin, its name,
 * its categories, what it checks beyond the fields every case has, and what its case view adds. The
 * case service, the API and the labels find every type through {@link CaseTypes}; none is named here.
 */
public abstract class CaseTypeDefinition implements TimelineKinds {

	private final String key;

	private final String prefix;

	private final String label;

	private final Map<String, String> categories;

	private final List<TimelineKind> timelineKinds;

	/**
	 * @param key the API's {@code type} value and the key of the process that handles the case
	 * @param prefix first letter of this type's case numbers
	 * @param label the type's name, as staff and owners read it
	 * @param categories category code → name, in the order staff pick them; empty when the type has none
	 * @param timelineKinds the kinds of line this type writes beyond {@link CaseTimeline}'s
	 */
	protected CaseTypeDefinition(String key, String prefix, String label, Map<String, String> categories,
			TimelineKind... timelineKinds) {
		this.key = key;
		this.prefix = prefix;
		this.label = label;
		this.categories = categories;
		this.timelineKinds = List.of(timelineKinds);
	}

	public final String key() {
		return key;
	}

	public final String prefix() {
		return prefix;
	}

	public final String label() {
		return label;
	}

	public final Map<String, String> categories() {
		return categories;
	}

	@Override
	public final List<TimelineKind> timelineKinds() {
		return timelineKinds;
	}

	public final String categoryLabel(String code) {
		return code == null ? null : categories.getOrDefault(code, code);
	}

	/** What a category of this type is called in messages ("类别", "事件类型"). */
	public String categoryNoun() {
		return "类别";
	}

	/** Whether a report of this type must name a category. */
	public boolean categoryRequired() {
		return false;
	}

	/** Whether a report of this type must name the building (something happens at a place). */
	public boolean needsBuilding() {
		return false;
	}

	/**
	 * The fields of a report beyond the ones every case has ({@code demand}, {@code subject}) that this type takes
	 * and checks in {@link #validate}; a report of another type that fills one is refused naming it, so that
	 * nothing unchecked is stored.
	 */
	public Set<String> ownFields() {
		return Set.of();
	}

	/** Checks of this type's own fields, beyond the ones every case has; adds a problem per bad field. */
	public void validate(CaseRequest request, List<FieldProblem> problems) {
	}

	/**
	 * The SLA clocks each user task of this type's diagram is due by (element id → SLA names, in order): the task is
	 * due when the first of them still open is due; an empty list, never. A task not listed (a manager's new step) is
	 * due when the case's nearest running clock is.
	 */
	public Map<String, List<String>> taskDeadlines() {
		return Map.of();
	}

	/** What the owner's status page says of the time the case is due, e.g. "预计 6月1日 14:00 前处理完毕". */
	public String dueWording(String time) {
		return "预计 " + time + " 前处理完毕";
	}

}
