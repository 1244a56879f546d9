package com.propdesk.handover;

import com.propdesk.system.Var;

/** Element ids and variables of {@code processes/shift-handover.bpmn}. */
public final class HandoverProcess {

	public static final String KEY = "shift-handover";

	/** The start timer: {@code ${shiftChanges.cron}}. */
	public static final String SHIFT_CHANGES = "StartEvent_ShiftChanges";

	public static final String HAND_OVER = "Task_HandOver";

	public static final String ACKNOWLEDGE = "Task_Acknowledge";

	public static final String ANSWER = "Task_Answer";

	public static final String URGE = "Task_UrgeAcknowledgement";

	public static final String NOT_ACKNOWLEDGED = "Timer_NotAcknowledged";

	public static final Var<Long> HANDOVER_ID = Var.of("handoverId", Long.class);

	/** The handover's items as the forms show them (read-only). */
	public static final Var<String> SUMMARY = Var.text("handoverSummary");

	public static final Var<String> NOTES = Var.text("handoverNotes");

	public static final Var<String> HANDED_OVER_BY = Var.text("handedOverBy");

	public static final Var<String> HANDED_OVER_BY_NAME = Var.text("handedOverByName");

	/** When the duty officer is paged if nobody has acknowledged. */
	public static final Var<java.time.OffsetDateTime> ACKNOWLEDGE_BY = Var.time("acknowledgeBy");

	/** {@code acknowledge} or {@code ask}. */
	public static final Var<String> DECISION = Var.text("takeOverDecision");

	public static final String ACKNOWLEDGED = "acknowledge";

	public static final String ASK_BACK = "ask";

	public static final Var<Boolean> ALL_CHECKED = Var.flag("allChecked");

	/** The item asked about: its id, picked from the handover's items. */
	public static final Var<String> ASK_ITEM = Var.text("askItem");

	public static final Var<String> QUESTION = Var.text("question");

	public static final Var<String> ASKED_ITEM_TITLE = Var.text("askedItemTitle");

	public static final Var<String> ANSWER_TEXT = Var.text("answer");

	/** Questions asked back and their answers so far, shown on the acknowledge form. */
	public static final Var<String> ANSWERS = Var.text("handoverAnswers");

	public static final Var<Boolean> ASKED_BACK = Var.flag("askedBack");

	public static final Var<String> URGE_NOTE = Var.text("urgeNote");

	private HandoverProcess() {
	}

}
