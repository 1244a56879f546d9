package com.propdesk.intake;

import java.util.List;

/**
 * A bean that declares timeline kinds with their names, so the labels served to the web views know every kind
 * a package writes. Case types declare theirs in their {@link CaseTypeDefinition}.
 */
public interface TimelineKinds {

	List<TimelineKind> timelineKinds();

}
