package com.propdesk.intake;

import java.util.List;
import java.util.Map;

import com.propdesk.system.FieldProblem;

/**
 * A case type, declared as a bean by its own package: its key, how its case numbers begin, its name,
 * its categories, what it checks beyond the fields every case has, and what its case view adds. The
 * case service, the API and the labels find every type through {@link CaseTypes}; none is named here.
 */
public interface CaseTypeDefinition extends TimelineKinds {

	/** The API's {@code type} value and the key of the process that handles the case. */
	String key();

	/** First letter of this type's case numbers. */
	String prefix();

	/** The type's name, as staff and owners read it. */
	String label();

	/** Category code → name, in the order staff pick them; empty when the type has no categories. */
	Map<String, String> categories();

	/** What a category of this type is called in messages ("类别", "事件类型"). */
	default String categoryNoun() {
		return "类别";
	}

	/** Whether a report of this type must name a category. */
	default boolean categoryRequired() {
		return false;
	}

	/** Whether a report of this type must name the building (something happens at a place). */
	default boolean needsBuilding() {
		return false;
	}

	/** Checks of this type's own fields, beyond the ones every case has; adds a problem per bad field. */
	default void validate(CaseRequest request, List<FieldProblem> problems) {
	}

	/** What the owner's status page says of the time the case is due, e.g. "预计 6月1日 14:00 前处理完毕". */
	default String dueWording(String time) {
		return "预计 " + time + " 前处理完毕";
	}

	/** The timeline kinds this type writes beyond {@link CaseTimeline}'s, each with its name. */
	@Override
	default List<TimelineKind> timelineKinds() {
		return List.of();
	}

	default String categoryLabel(String code) {
		return code == null ? null : categories().getOrDefault(code, code);
	}

}
