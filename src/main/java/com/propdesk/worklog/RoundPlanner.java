package com.propdesk.worklog;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.propdesk.system.Clock;
import com.propdesk.system.Privileged;

/**
 * Plans the rounds of every active duty plan — whoever inserted the plan — for the next {@link #HORIZON}: a round
 * row (due) and its {@code work-round} instance for each start not planned yet. Running it again plans nothing
 * twice: a round that exists is skipped, and the unique plan and start refuse a concurrent second one.
 */
@Service
public class RoundPlanner {

	/** How far ahead rounds are planned; the planner runs every hour, so a round is planned a day before it starts. */
	static final Duration HORIZON = Duration.ofHours(24);

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final Logger log = LoggerFactory.getLogger(RoundPlanner.class);

	private final DutyPlans plans;

	private final DutyRounds rounds;

	private final RuntimeService runtime;

	private final JdbcTemplate jdbc;

	private final ProcessEngineConfigurationImpl engine;

	private final TransactionTemplate transaction;

	RoundPlanner(DutyPlans plans, DutyRounds rounds, RuntimeService runtime, JdbcTemplate jdbc,
			TransactionTemplate transaction, ProcessEngineConfigurationImpl engine) {
		this.engine = engine;
		this.plans = plans;
		this.rounds = rounds;
		this.runtime = runtime;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** @return how many rounds were planned */
	public int plan() {
		OffsetDateTime now = Clock.now();
		int planned = 0;
		for (DutyPlan plan : plans.active()) {
			planned += plan(plan, now);
		}
		if (planned > 0) {
			log.info("Planned {} duty rounds up to {}", planned, now.plus(HORIZON));
		}
		return planned;
	}

	/**
	 * Plans a plan a process step made (a repeat fault's preventive duty) as soon as the step's transaction has
	 * committed, as a manager's new plan is planned at once: its rounds reference the plan's row, which no other
	 * transaction sees before. Should this fail, the hourly planner plans it.
	 */
	public void planOnceCommitted(long planId) {
		Runnable work = () -> {
			try {
				newTransaction().executeWithoutResult(status -> plans.find(planId).ifPresent(plan -> plan(plan, Clock.now())));
			}
			catch (RuntimeException e) {
				log.error("Planning the rounds of duty plan {} failed; the hourly planner plans them", planId, e);
			}
		};
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				work.run();
			}

		});
	}

	private TransactionTemplate newTransaction() {
		TransactionTemplate own = new TransactionTemplate(transaction.getTransactionManager());
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return own;
	}

	int plan(DutyPlan plan, OffsetDateTime now) {
		int planned = 0;
		for (OffsetDateTime start : Periods.starts(plan.firstStart(), plan.every(), plan.window(), now, now.plus(HORIZON))) {
			if (rounds.exists(plan.id(), start)) {
				continue;
			}
			try {
				transaction.executeWithoutResult(status -> open(plan, start));
				planned++;
			}
			catch (DuplicateKeyException plannedMeanwhile) {
				// another node planned the same round first
			}
		}
		return planned;
	}

	private void open(DutyPlan plan, OffsetDateTime start) {
		OffsetDateTime due = Periods.plus(start, plan.window(), 1);
		long roundId = rounds.insert(plan.id(), start, due);
		Map<String, Object> variables = new HashMap<>();
		variables.put(WorkRoundProcess.ROUND_ID.name(), roundId);
		variables.put(WorkRoundProcess.DUTY.name(), plan.duty());
		variables.put(WorkRoundProcess.DUTY_LABEL.name(), plan.dutyLabel());
		variables.put(WorkRoundProcess.DEPARTMENT.name(), plan.department());
		variables.put(WorkRoundProcess.BUILDING.name(), plan.building());
		variables.put(WorkRoundProcess.BUILDING_NAME.name(), buildingName(plan.building()));
		variables.put(WorkRoundProcess.LOCATION.name(), plan.location() == null ? "" : plan.location());
		variables.put(WorkRoundProcess.CONTRACTOR.name(), plan.contractor() == null ? "" : plan.contractor());
		variables.put(WorkRoundProcess.ROUND_WINDOW.name(), window(start, due));
		variables.put(WorkRoundProcess.STARTS_AT.name(), WorkRoundProcess.STARTS_AT.stored(start));
		variables.put(WorkRoundProcess.DUE_AT.name(), WorkRoundProcess.DUE_AT.stored(due));
		// PropDesk starts the round on its own account, also when a manager's new plan is planned at once
		String instance = Privileged.run(engine,
				() -> runtime.startProcessInstanceByKey(WorkRoundProcess.KEY, "round-" + roundId, variables).getId());
		rounds.started(roundId, instance);
	}

	private String buildingName(String code) {
		return jdbc.queryForList("select name from building where code = ?", String.class, code).stream().findFirst()
				.orElse(code);
	}

	/** {@code 2026-11-27 08:00 至 18:00}, or with the end's day when it ends on another day. */
	static String window(OffsetDateTime start, OffsetDateTime due) {
		var from = start.atZoneSameInstant(ZoneId.systemDefault());
		var to = due.atZoneSameInstant(ZoneId.systemDefault());
		return DAY_TIME.format(from) + " 至 " + (from.toLocalDate().equals(to.toLocalDate()) ? TIME : DAY_TIME).format(to);
	}

}
