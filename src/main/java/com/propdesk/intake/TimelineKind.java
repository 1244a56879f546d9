package com.propdesk.intake;

/**
 * A kind of line in a case's timeline: the code stored with the line (and in the audit trail) and its
 * name. Each package declares the kinds it writes as an enum implementing this.
 */
public interface TimelineKind {

	String code();

	String label();

}
