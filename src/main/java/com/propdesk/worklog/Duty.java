package com.propdesk.worklog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The recurring duties owners never see, each done by one department: what a work log records and a duty plan
 * schedules per building.
 */
public enum Duty {

	CORRIDOR_CLEANING("corridor-cleaning", "楼道保洁", "cleaning"),
	DISINFECTION("disinfection", "消杀", "cleaning"),
	EQUIPMENT_INSPECTION("equipment-inspection", "设备巡检", "engineering"),
	PUMP_ROOM("pump-room", "水泵房巡检", "engineering"),
	LIFT_MAINTENANCE("lift-maintenance", "电梯维保", "engineering"),
	PATROL("patrol", "巡逻", "security");

	private final String code;

	private final String label;

	private final String department;

	Duty(String code, String label, String department) {
		this.code = code;
		this.label = label;
		this.department = department;
	}

	/** The code APIs, forms and the database use ({@code corridor-cleaning}). */
	public String code() {
		return code;
	}

	/** The Chinese name staff and owners read. */
	public String label() {
		return label;
	}

	/** The Camunda group that does this duty. */
	public String department() {
		return department;
	}

	public static Optional<Duty> ofCode(String code) {
		return Arrays.stream(values()).filter(duty -> duty.code.equals(code)).findFirst();
	}

}
