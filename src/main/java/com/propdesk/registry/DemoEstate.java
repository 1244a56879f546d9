package com.propdesk.registry;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.propdesk.registry.Estate.Building;
import com.propdesk.registry.Estate.Resident;
import com.propdesk.registry.Estate.Technician;
import com.propdesk.registry.Estate.Unit;
import com.propdesk.registry.Estate.Zone;
import com.propdesk.system.PropDeskProperties;

/**
 * The demo estate 翠湖花园: two zones, six buildings of 18 floors, an owner in every unit (a few
 * elderly living alone or with special needs) and a technician roster covering day and night.
 * Loaded once into an empty registry, in the demo profile only.
 */
@Component
class DemoEstate implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoEstate.class);

	static final int FLOORS = 18;

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";

	private static final String GIVEN = "伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平";

	private final RegistryRepository registry;

	private final PropDeskProperties properties;

	private final TransactionTemplate transaction;

	DemoEstate(RegistryRepository registry, PropDeskProperties properties, TransactionTemplate transaction) {
		this.registry = registry;
		this.properties = properties;
		this.transaction = transaction;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (properties.demo()) {
			transaction.executeWithoutResult(status -> {
				if (registry.isEmpty()) {
					load();
				}
			});
		}
	}

	private void load() {
		registry.save(new Zone("A", "北区"));
		registry.save(new Zone("B", "南区"));
		for (int b = 1; b <= 6; b++) {
			String zone = b <= 3 ? "A" : "B";
			registry.save(new Building(String.valueOf(b), b + "号楼", zone, ((b - 1) % 3) * 60.0, b <= 3 ? 0.0 : 150.0));
			for (int floor = 1; floor <= FLOORS; floor++) {
				for (int door = 1; door <= 2; door++) {
					String unit = "%d-%d%02d".formatted(b, floor, door);
					registry.save(new Unit(unit, String.valueOf(b), floor));
					int n = (b * 100 + floor * 2 + door);
					String name = SURNAMES.charAt(n % SURNAMES.length()) + "" + GIVEN.charAt((n / 3) % GIVEN.length());
					boolean elderlyAlone = floor % 7 == 0 && door == 1;
					String needs = floor == 3 && door == 2 ? "轮椅使用者，疏散需协助" : null;
					registry.save(new Resident(null, unit, name, "1380%03d%04d".formatted(b, floor * 100 + door),
							"owner", elderlyAlone, needs));
				}
			}
		}
		for (Technician technician : ROSTER) {
			registry.save(technician);
		}
		log.info("Loaded the demo estate 翠湖花园: 6 buildings, {} units, {} technicians", 6 * FLOORS * 2, ROSTER.size());
	}

	static final List<Technician> ROSTER = List.of(
			new Technician("engineer", "王师傅", "engineering",
					List.of("plumbing", "electrical", "door-access", "hvac", "structure"), "A", "1", Shift.DAY, true),
			new Technician("engineer2", "刘师傅", "engineering", List.of("plumbing", "lift", "structure", "hvac"), "B",
					"5", Shift.DAY, true),
			new Technician("engineer3", "赵师傅", "engineering", List.of("electrical", "lift", "gas", "plumbing"), "A",
					"2", Shift.NIGHT, true),
			new Technician("engineer4", "孙师傅", "engineering", List.of("plumbing", "electrical", "gas", "fire"), "B",
					"4", Shift.NIGHT, true),
			new Technician("cleaner", "陈阿姨", "cleaning", List.of("cleaning"), "A", "3", Shift.DAY, true),
			new Technician("guard", "张队长", "security", List.of("security", "fire", "door-access"), "A", "1",
					Shift.ALL, true));

}
