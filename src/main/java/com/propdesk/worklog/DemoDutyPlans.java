package com.propdesk.worklog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.propdesk.system.PropDeskProperties;

/**
 * At start-up: the demo's duty plans, loaded once into an empty table (demo profile only; production starts with
 * none), then one planning run, so the rounds of the next day exist before the planner's first hourly timer.
 * Per day this makes about 7 tasks for cleaning, 8.4 for engineering and 12 for security.
 */
@Component
class DemoDutyPlans {

	private static final Logger log = LoggerFactory.getLogger(DemoDutyPlans.class);

	/** The Monday the demo's plans start from. */
	private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);

	private final DutyPlans plans;

	private final RoundPlanner planner;

	private final PropDeskProperties properties;

	private final TransactionTemplate transaction;

	private final boolean demoPlans;

	DemoDutyPlans(DutyPlans plans, RoundPlanner planner, PropDeskProperties properties, TransactionTemplate transaction,
			@Value("${propdesk.worklog.demo-plans:true}") boolean demoPlans) {
		this.plans = plans;
		this.planner = planner;
		this.properties = properties;
		this.transaction = transaction;
		this.demoPlans = demoPlans;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(100)
	void atStartUp() {
		if (properties.demo() && demoPlans) {
			transaction.executeWithoutResult(status -> {
				if (plans.isEmpty()) {
					load();
				}
			});
		}
		planner.plan();
	}

	private void load() {
		for (int b = 1; b <= 6; b++) {
			String building = String.valueOf(b);
			add(Duty.CORRIDOR_CLEANING, building, "各楼层楼道、楼梯和大堂", "P1D", "PT10H", at(0, 8), null);
			// one building a weekday, so the cleaners disinfect one building a day
			add(Duty.DISINFECTION, building, "楼道、电梯轿厢和垃圾房", "P7D", "PT8H", at(b - 1, 13), null);
			add(Duty.EQUIPMENT_INSPECTION, building, "配电间、消防设施、照明", "P1D", "PT8H", at(0, 9), null);
			if (b == 1 || b == 4) {
				add(Duty.PUMP_ROOM, building, "地下一层水泵房", "P1D", "PT8H", at(0, 10), null);
			}
			add(Duty.LIFT_MAINTENANCE, building, "1号、2号电梯", "P15D", "P1D", at((b - 1) * 2, 9), "奥达电梯维保有限公司");
		}
		// two patrol routes, each starting at its zone's first building
		add(Duty.PATROL, "1", "北区巡逻路线（1–3号楼、北门）", "PT4H", "PT4H", at(0, 0), null);
		add(Duty.PATROL, "4", "南区巡逻路线（4–6号楼、南门、地下车库）", "PT4H", "PT4H", at(0, 0), null);
		log.info("Loaded the demo duty plans: 6 buildings, {} plans", plans.find(null, null, true).size());
	}

	private void add(Duty duty, String building, String location, String every, String window, OffsetDateTime firstStart,
			String contractor) {
		plans.create(new DutyPlans.Settings(duty, building, location, every, window, firstStart, contractor, null), "system");
	}

	private static OffsetDateTime at(int dayOffset, int hour) {
		return FIRST_DAY.plusDays(dayOffset).atTime(LocalTime.of(hour, 0)).atZone(ZoneId.systemDefault()).toOffsetDateTime();
	}

}
