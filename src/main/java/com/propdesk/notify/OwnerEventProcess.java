package com.propdesk.notify;

import com.propdesk.system.Var;

/** Variables of {@code publishOwnerEvent} in any case diagram and of the {@code owner-event} delivery process. */
public final class OwnerEventProcess {

	/** The owner-visible event a case diagram publishes: an input parameter ({@code accepted}, {@code closed}, …). */
	public static final Var<String> EVENT = Var.text("event");

	/** The delivery's event id, kept through every retry so receivers can de-duplicate. */
	public static final Var<String> EVENT_ID = Var.text("eventId");

	private OwnerEventProcess() {
	}

}
