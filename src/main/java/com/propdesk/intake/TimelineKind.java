package com.propdesk.intake;

import java.util.Locale;

/**
 * A kind of line in a case's timeline: the code stored with the line (and in the audit trail) and its
 * name. Each package declares the kinds it writes as an enum implementing this; a constant's code is its
 * name in lower case with dashes ({@code SLA_STARTED} → {@code sla-started}).
 */
public interface TimelineKind {

	String name();

	String label();

	default String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
