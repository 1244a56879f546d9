package com.propdesk.repeatfault;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.propdesk.intake.CaseEventRecorded;
import com.propdesk.repair.RepairCaseType;
import com.propdesk.system.TransactionReads;

/**
 * Watches for repeat faults: each repair once it is classified (the line the case service publishes for its
 * timeline), and the archive once when PropDesk has started.
 */
@Component
class RepeatFaultWatch {

	private static final Logger LOG = LoggerFactory.getLogger(RepeatFaultWatch.class);

	private static final String CLASSIFIED = RepairCaseType.Timeline.CLASSIFIED.code();

	/** Looks at one repair, when repairs of the same subject keep arriving at the same moment. */
	private static final int ATTEMPTS = 5;

	private final RepeatFaults repeatFaults;

	private final TransactionTemplate ownTransaction;

	RepeatFaultWatch(RepeatFaults repeatFaults, PlatformTransactionManager transactions) {
		this.repeatFaults = repeatFaults;
		this.ownTransaction = new TransactionTemplate(transactions);
		// a savepoint in the repair's transaction (a transaction of its own where there is none): never a second
		// connection while the repair's is held — ten intakes at once each waiting for a second connection emptied
		// the pool of ten for its 30-second timeout
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * A repair's classification is looked at when the repair's own transaction is about to commit: by then a
	 * life-safety report has been promoted (and does not count); the look runs in a savepoint, so a failure here is
	 * rolled back alone and never costs the owner their repair; and a flag commits with its repair or not at all. It
	 * runs before the audit trail's entries are chained, which come last, so what it records is in the trail.
	 */
	@EventListener
	void onTimelineLine(CaseEventRecorded recorded) {
		if (!CLASSIFIED.equals(recorded.event().kind())) {
			return;
		}
		String caseNo = recorded.caseNo();
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			look(caseNo);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			/** After the transaction's timeline lines are written: the look reads earlier repairs' lines. */
			@Override
			public int getOrder() {
				return Ordered.HIGHEST_PRECEDENCE + 1;
			}

			@Override
			public void beforeCommit(boolean readOnly) {
				look(caseNo);
			}

		});
	}

	private void look(String caseNo) {
		for (int attempt = 1;; attempt++) {
			try {
				ownTransaction.executeWithoutResult(status -> repeatFaults.repairClassified(caseNo));
				return;
			}
			catch (DuplicateKeyException | OptimisticLockingException concurrentRepair) {
				TransactionReads.forgetAll();
				// another repair of the same subject opened its flag, or joined it, at the same moment: the savepoint
				// is undone and this one looks again, seeing what that repair committed
				if (attempt == ATTEMPTS) {
					LOG.error("Looking for a repeat fault of repair {} failed {} times on concurrent repairs", caseNo,
							ATTEMPTS, concurrentRepair);
					return;
				}
			}
			catch (RuntimeException e) {
				// what the savepoint wrote is undone, and what was read since with it
				TransactionReads.forgetAll();
				LOG.error("Looking for a repeat fault of repair {} failed", caseNo, e);
				return;
			}
		}
	}

	/**
	 * After what else runs when PropDesk is ready (the demo's archive being written), but before the demo drafts last
	 * month's reports, which list the repeat faults found here.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE - 100)
	void scanArchive() {
		try {
			Integer flagged = ownTransaction.execute(status -> repeatFaults.scanArchive());
			LOG.info("Archive scanned for repeat faults: {} new", flagged);
		}
		catch (RuntimeException e) {
			// PropDesk takes cases without it; the next start scans again
			LOG.error("Scanning the archive for repeat faults failed", e);
		}
	}

}
