package com.propdesk.report;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.propdesk.intake.CaseTypes;
import com.propdesk.registry.Estate.Building;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.sla.SlaNames;
import com.propdesk.system.Clock;
import com.propdesk.system.PropDeskProperties;
import com.propdesk.worklog.Duty;

/**
 * The demo's archive: the last {@code propdesk.demo-history-months} months (before the current one) of closed
 * repairs, complaints and inquiries per building, with their SLA rounds met or breached and owners' scores, and the
 * work logs of the duties, written once into an empty archive. Seeded per building and month, so the same month
 * always holds the same cases; it holds repeat-fault patterns: building 3's lift repaired three times in the last two
 * months, and unit 2-1502's plumbing three times within 90 days.
 */
@Component
class DemoHistory {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	/**
	 * A flat's own repairs. The building's shared equipment (a lift, access control) breaks seldom and is written
	 * apart, so the archive holds the repeat faults it means to hold, not one in every building.
	 */
	private static final String[] REPAIR_CATEGORIES = { "plumbing", "plumbing", "plumbing", "electrical", "electrical",
			"structure", "hvac", "other" };

	private static final String[] COMPLAINT_CATEGORIES = { "sanitation", "noise", "attitude", "repair-quality", "other" };

	private static final String[] INQUIRY_CATEGORIES = { "fees", "parking", "renovation", "access", "delivery", "services" };

	private final Archive archive;

	private final RegistryRepository registry;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final PropDeskProperties properties;

	private final int months;

	private final MonthlyReports reports;

	private final CaseTypes caseTypes;

	DemoHistory(MonthlyReports reports, CaseTypes caseTypes, Archive archive, RegistryRepository registry, JdbcTemplate jdbc, TransactionTemplate transaction,
			PropDeskProperties properties, @Value("${propdesk.demo-history-months:0}") int months) {
		this.reports = reports;
		this.caseTypes = caseTypes;
		this.archive = archive;
		this.registry = registry;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.properties = properties;
		this.months = months;
	}

	/** The last month of the archive this start wrote, whose reports the demo drafts once it is scanned. */
	private volatile YearMonth written;

	/** Before the archive is scanned for repeat faults (RepeatFaultWatch runs last but one). */
	@EventListener(ApplicationReadyEvent.class)
	@Order(200)
	void load() {
		if (!properties.demo() || months <= 0) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			Integer archived = jdbc.queryForObject("select count(*) from case_record where external_id like 'archive-%'",
					Integer.class);
			if (archived != null && archived > 0) {
				return;
			}
			YearMonth last = YearMonth.from(Clock.now().atZoneSameInstant(ReportData.ZONE)).minusMonths(1);
			List<Building> buildings = registry.buildings();
			for (Building building : buildings) {
				write(building.code(), last.minusMonths(months - 1L), last);
			}
			log.info("Wrote the demo archive: {} months of cases and work logs for {} buildings", months, buildings.size());
			written = last;
		});
	}

	/**
	 * A fresh demo opens with last month's reports drafted, as the 1st of the month would have left them: the manager
	 * finds 审核月度服务报告 in Tasklist. Last of all at start-up, so the repeat faults the scan finds are in them.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void draftLastMonth() {
		YearMonth month = written;
		if (month != null && !reports.allDrafted(month)) {
			reports.requestDrafts(month);
			log.info("Drafted the demo's reports of {}", month);
		}
	}

	/** Writes the months {@code first} to {@code last} of one building. */
	void write(String building, YearMonth first, YearMonth last) {
		int b = Integer.parseInt(building.replaceAll("\\D", "0"));
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			Random random = new Random(month.getYear() * 100L + month.getMonthValue() + 1_000_000L * b);
			int number = 0;
			OffsetDateTime start = ReportData.start(month);
			int days = month.lengthOfMonth();
			// one or two repairs per flat a year: a flat repaired three times in 90 days stays the exception it is
			int repairs = 3 + random.nextInt(4);
			for (int i = 0; i < repairs; i++) {
				String category = REPAIR_CATEGORIES[random.nextInt(REPAIR_CATEGORIES.length)];
				String unit = building + "-" + (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(2));
				repair(building, unit, category, at(start, random, days), random, month, ++number);
			}
			// now and then the access control at a door; building 3's lift is its planted pattern, the others' rare
			if (random.nextInt(4) == 0) {
				repair(building, building + "-101", "door-access", at(start, random, days), random, month, ++number);
			}
			if (b != 3 && random.nextInt(6) == 0) {
				repair(building, building + "-" + (1 + random.nextInt(18)) + "01", "lift", at(start, random, days), random,
						month, ++number);
			}
			if (month.equals(last) || month.equals(last.minusMonths(1))) {
				repeatPatterns(building, month, last, random, number + 50);
			}
			int complaints = 1 + random.nextInt(3);
			for (int i = 0; i < complaints; i++) {
				OffsetDateTime created = at(start, random, days);
				String caseNo = caseNo("C", created, b, ++number);
				OffsetDateTime answered = created.plusMinutes(60 + random.nextInt(random.nextInt(10) == 0 ? 40 * 60 : 20 * 60));
				archive.closedCase(caseNo, "complaint", building, null,
						COMPLAINT_CATEGORIES[random.nextInt(COMPLAINT_CATEGORIES.length)], "P3", "业主投诉（历史记录）", created,
						answered.plusHours(24 + random.nextInt(48)), random.nextInt(3) == 0 ? null : 3 + random.nextInt(3));
				archive.clock(caseNo, SlaNames.COMPLAINT_FIRST_RESPONSE, 1, created, "PT24H", created.plusHours(24), answered);
			}
			int inquiries = 3 + random.nextInt(6);
			for (int i = 0; i < inquiries; i++) {
				OffsetDateTime created = at(start, random, days);
				String caseNo = caseNo("Q", created, b, ++number);
				OffsetDateTime answered = created.plusMinutes(3 + random.nextInt(random.nextInt(8) == 0 ? 60 : 28));
				archive.closedCase(caseNo, "inquiry", building, null,
						INQUIRY_CATEGORIES[random.nextInt(INQUIRY_CATEGORIES.length)], "P4", "业主咨询（历史记录）", created,
						answered, random.nextInt(2) == 0 ? null : 4 + random.nextInt(2));
				archive.clock(caseNo, SlaNames.INQUIRY_FIRST_RESPONSE, 1, created, "PT30M", created.plusMinutes(30), answered);
			}
			workLogs(building, month, random);
		}
	}

	/** Building 3's lift three times within the last two months; unit 2-1502's plumbing once a month for three months. */
	private void repeatPatterns(String building, YearMonth month, YearMonth last, Random random, int number) {
		OffsetDateTime start = ReportData.start(month);
		if (building.equals("3")) {
			int[] days = month.equals(last) ? new int[] { 6, 24 } : new int[] { 21 };
			for (int day : days) {
				repair(building, "3-101", "lift", start.plusDays(day - 1L).plusHours(9), random, month, number++);
			}
		}
		if (building.equals("2")) {
			repair(building, "2-1502", "plumbing", start.plusDays(11).plusHours(19), random, month, number++);
			if (month.equals(last.minusMonths(1))) {
				repair(building, "2-1502", "plumbing", start.minusDays(20).plusHours(8), random, month.minusMonths(1),
						number++);
			}
		}
	}

	private void repair(String building, String unit, String category, OffsetDateTime created, Random random,
			YearMonth month, int number) {
		String caseNo = caseNo("R", created, Integer.parseInt(building.replaceAll("\\D", "0")), number);
		boolean urgent = random.nextInt(3) == 0;
		Duration target = urgent ? Duration.ofHours(24) : Duration.ofHours(72);
		long hours = urgent ? 2 + random.nextInt(random.nextInt(8) == 0 ? 40 : 20) : 4 + random.nextInt(random.nextInt(8) == 0 ? 100 : 60);
		OffsetDateTime fixed = created.plusHours(hours).plusMinutes(random.nextInt(60));
		archive.closedCase(caseNo, "repair", building, unit, category, urgent ? "P2" : "P3",
				"报修（历史记录）：" + unit + " " + categoryLabel(category), created, fixed.plusHours(2), random.nextInt(3) == 0 ? null
						: 2 + random.nextInt(4));
		archive.event(caseNo, fixed, "resolved", "维修完成，业主验收");
		archive.clock(caseNo, SlaNames.REPAIR_RESOLUTION, 1, created, urgent ? "PT24H" : "PT72H", created.plus(target), fixed);
	}

	private void workLogs(String building, YearMonth month, Random random) {
		OffsetDateTime start = ReportData.start(month);
		for (int day = 0; day < month.lengthOfMonth(); day++) {
			OffsetDateTime morning = start.plusDays(day).plusHours(8).plusMinutes(random.nextInt(60));
			if (random.nextInt(30) != 0) {
				archive.workLog(Duty.CORRIDOR_CLEANING.code(), building, "1-18层楼道", morning, "cleaner");
			}
			// as the demo's duty plans have them: disinfection weekly, inspections daily, pump rooms in buildings 1 and 4
			if (day % 7 == 2) {
				archive.workLog(Duty.DISINFECTION.code(), building, "楼道、电梯轿厢和垃圾房", morning.plusHours(5), "cleaner");
			}
			if (random.nextInt(30) != 0) {
				archive.workLog(Duty.EQUIPMENT_INSPECTION.code(), building, "配电间、消防设施、照明", morning.plusHours(1), "engineer");
			}
			if ((building.equals("1") || building.equals("4")) && random.nextInt(30) != 0) {
				archive.workLog(Duty.PUMP_ROOM.code(), building, "地下一层水泵房", morning.plusHours(2), "engineer2");
			}
			if (day == 9 || day == 24) {
				archive.workLog(Duty.LIFT_MAINTENANCE.code(), building, "1号、2号电梯（维保单位）", morning.plusHours(1), "engineer3");
			}
		}
	}

	private String categoryLabel(String category) {
		return caseTypes.find("repair").map(type -> type.categoryLabel(category)).orElse(category);
	}

	private static OffsetDateTime at(OffsetDateTime monthStart, Random random, int days) {
		return monthStart.plusDays(random.nextInt(days)).plusHours(7 + random.nextInt(14)).plusMinutes(random.nextInt(60));
	}

	private static String caseNo(String prefix, OffsetDateTime created, int building, int number) {
		return "%s-%s-A%d%03d".formatted(prefix, created.atZoneSameInstant(ReportData.ZONE).toLocalDate().toString()
				.replace("-", ""), building, number);
	}

}
