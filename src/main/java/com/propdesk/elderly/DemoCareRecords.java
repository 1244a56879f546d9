package com.propdesk.elderly;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.propdesk.elderly.CareRecord.Contact;
import com.propdesk.security.Groups;
import com.propdesk.system.Actor;
import com.propdesk.system.PropDeskProperties;

/**
 * At start-up: in the demo, a care record for every resident the registry flags as living alone who has none (12 in
 * 翠湖花园: floors 7 and 14, door 01 of each building), visited weekly, fortnightly or monthly by the desk or security;
 * in every profile, the visits of each active record run (a record written by SQL, or one whose process was removed,
 * gets its visits again).
 */
@Component
class DemoCareRecords {

	private static final Logger log = LoggerFactory.getLogger(DemoCareRecords.class);

	private static final List<String> INTERVALS = List.of("P1W", "P2W", "P1M");

	private static final List<String> RELATIONS = List.of("女儿", "儿子", "侄子", "邻居");

	private final CareRecords records;

	private final JdbcTemplate jdbc;

	private final PropDeskProperties properties;

	private final TransactionTemplate transaction;

	private final boolean demoCare;

	DemoCareRecords(CareRecords records, JdbcTemplate jdbc, PropDeskProperties properties, TransactionTemplate transaction,
			@Value("${propdesk.elderly.demo-care:true}") boolean demoCare) {
		this.records = records;
		this.jdbc = jdbc;
		this.properties = properties;
		this.transaction = transaction;
		this.demoCare = demoCare;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(110)
	void atStartUp() {
		if (properties.demo() && demoCare) {
			int loaded = load();
			if (loaded > 0) {
				log.info("Demo care records for {} residents living alone", loaded);
			}
		}
		for (Long residentId : jdbc.queryForList("select resident_id from elderly_care where active", Long.class)) {
			transaction.executeWithoutResult(status -> records.startVisits(residentId));
		}
	}

	/** @return how many records were written */
	int load() {
		int loaded = 0;
		for (Long residentId : records.flaggedWithoutRecord()) {
			int n = loaded;
			String surname = jdbc.queryForObject("select name from resident where id = ?", String.class, residentId).substring(0, 1);
			String relation = RELATIONS.get(n % RELATIONS.size());
			List<Contact> contacts = List.of(new Contact(surname + "小" + "明丽华军".charAt(n % 4), relation,
					"1391%07d".formatted(residentId)));
			boolean notes = n % 4 < 2;
			var settings = new CareRules.Settings(contacts, notes ? "高血压，每日服药；住户同意告知探访人员" : null, notes,
					INTERVALS.get(n % INTERVALS.size()), n % 2 == 1 ? Groups.SECURITY : Groups.SERVICE_DESK);
			transaction.executeWithoutResult(status -> records.save(residentId, settings, Actor.SYSTEM));
			loaded++;
		}
		return loaded;
	}

}
