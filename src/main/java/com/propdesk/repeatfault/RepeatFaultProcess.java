package com.propdesk.repeatfault;

import java.time.OffsetDateTime;

import com.propdesk.system.Var;

/** The names {@code processes/repeat-fault.bpmn}, its form, its delegates and its tests share. */
public final class RepeatFaultProcess {

	private RepeatFaultProcess() {
	}

	public static final String KEY = "repeat-fault";

	public static final String START = "StartEvent_RepeatFaultFlagged";
	public static final String PAGE_MANAGEMENT = "Task_PageManagement";
	public static final String PLAN_MEASURE = "Task_PlanMeasure";
	public static final String MEASURE_GATEWAY = "Gateway_Measure";
	public static final String PLAN_DUTY = "Task_PlanDuty";
	public static final String OPEN_CAUSE_REPAIR = "Task_OpenCauseRepair";
	public static final String CAUSE_REPAIR_ENDED = "Gateway_CauseRepairEnded";
	public static final String CAUSE_REPAIR_CLOSED = "Message_CauseRepairClosed";
	public static final String CLOSE_FLAG = "Task_CloseFlag";
	public static final String CLOSED = "Event_RepeatFaultClosed";

	/** The measures management may choose. */
	public static final String MEASURE_DUTY = "duty";
	public static final String MEASURE_REPAIR = "repair";

	public static final Var<Integer> REPEAT_FAULT_ID = Var.integer("repeatFaultId");
	/** The flag's repairs, one line each, as the task's form lists them (read when it opens: RepeatFaultFormFacts). */
	public static final Var<String> CASES = Var.text("repeatFaultCases");
	public static final Var<String> MEASURE = Var.text("measure");
	public static final Var<String> MEASURE_NOTE = Var.text("measureNote");
	public static final Var<String> DUTY = Var.text("preventiveDuty");
	public static final Var<String> DUTY_BUILDING = Var.text("dutyBuilding");
	public static final Var<String> DUTY_LOCATION = Var.text("dutyLocation");
	public static final Var<String> DUTY_FREQUENCY = Var.text("dutyFrequency");
	public static final Var<OffsetDateTime> DUTY_FIRST_START = Var.time("dutyFirstStart");
	public static final Var<String> DUTY_CONTRACTOR = Var.text("dutyContractor");
	/** The repair of the cause's category: named as the other processes that open a repair name it. */
	public static final Var<String> REPAIR_CATEGORY = Var.text("repairCategory");
	public static final Var<String> CAUSE_DESCRIPTION = Var.text("causeDescription");

}
