package com.propdesk.repeatfault;

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

/**
 * Watches for repeat faults: each repair once it is classified (the line the case service publishes for its
 * timeline), and the archive once when PropDesk has started.
 */
@Component
class RepeatFaultWatch {

	private static final Logger LOG = LoggerFactory.getLogger(RepeatFaultWatch.class);

	private static final String CLASSIFIED = RepairCaseType.Timeline.CLASSIFIED.code();

	private final RepeatFaults repeatFaults;

	private final TransactionTemplate ownTransaction;

	RepeatFaultWatch(RepeatFaults repeatFaults, PlatformTransactionManager transactions) {
		this.repeatFaults = repeatFaults;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * A repair's classification is looked at once the repair's own transaction has committed: by then a life-safety
	 * report has been promoted (and does not count), and a failure here never costs the owner their repair.
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

			@Override
			public void afterCommit() {
				look(caseNo);
			}

		});
	}

	private void look(String caseNo) {
		try {
			try {
				ownTransaction.executeWithoutResult(status -> repeatFaults.repairClassified(caseNo));
			}
			catch (DuplicateKeyException concurrentFlag) {
				// another repair of the same subject opened its flag at the same moment: this one joins it
				ownTransaction.executeWithoutResult(status -> repeatFaults.repairClassified(caseNo));
			}
		}
		catch (RuntimeException e) {
			LOG.error("Looking for a repeat fault of repair {} failed", caseNo, e);
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
