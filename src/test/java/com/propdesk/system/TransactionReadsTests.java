package com.propdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.intake.CaseEvent;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseTimeline;
import com.propdesk.intake.CaseClocks;
import com.propdesk.intake.CaseStatus;
import com.propdesk.sla.SlaService;

/**
 * A row is read once per transaction, read again once written (or kept as written), and never kept past its
 * transaction; a transaction's timeline lines wait for its commit.
 */
@PropDeskTest
class TransactionReadsTests {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	CaseService cases;

	@Autowired
	SlaService slas;

	@Autowired
	JdbcTemplate jdbc;

	private final AtomicInteger reads = new AtomicInteger();

	private Supplier<Optional<String>> row(String value) {
		return () -> {
			reads.incrementAndGet();
			return Optional.ofNullable(value);
		};
	}

	@Test
	void aRowIsReadOncePerTransactionAndAgainOnceWritten() {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			assertThat(TransactionReads.read("t", 1, row("a"))).contains("a");
			assertThat(TransactionReads.read("t", 1, row("b"))).as("kept from the first read").contains("a");
			assertThat(TransactionReads.read("u", 1, row("c"))).as("another table").contains("c");
			assertThat(reads).hasValue(2);

			TransactionReads.forget("t", 1);
			assertThat(TransactionReads.read("t", 1, row("b"))).contains("b");
			assertThat(TransactionReads.read("t", 2, row(null))).isEmpty();
			assertThat(TransactionReads.read("t", 2, row(null))).as("a missing row is looked for again").isEmpty();
			assertThat(reads).hasValue(5);

			TransactionReads.forgetAll();
			assertThat(TransactionReads.read("u", 1, row("d"))).contains("d");
			assertThat(reads).hasValue(6);
		});
		new TransactionTemplate(transactions).executeWithoutResult(status -> assertThat(TransactionReads.read("t", 1,
				row("e"))).as("nothing kept past its transaction").contains("e"));
		assertThat(TransactionReads.read("t", 1, row("f"))).contains("f");
		assertThat(TransactionReads.read("t", 1, row("g"))).as("nothing kept outside a transaction").contains("g");
		assertThat(reads).hasValue(9);
	}

	@Test
	void aTransactionOfItsOwnKeepsItsOwnReads() {
		TransactionTemplate own = new TransactionTemplate(transactions);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			assertThat(TransactionReads.read("t", 1, row("outer"))).contains("outer");
			own.executeWithoutResult(inner -> {
				assertThat(TransactionReads.read("t", 1, row("inner"))).contains("inner");
				TransactionReads.forget("t", 1);
			});
			assertThat(TransactionReads.read("t", 1, row("again"))).as("the outer one's read, untouched").contains("outer");
		});
		assertThat(reads).hasValue(2);
	}

	@Test
	void clocksStartedInATransactionAreReadThereAsTheTableHoldsThem() {
		String caseNo = cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水龙头滴水")).record().caseNo();
		OffsetDateTime startedAt = OffsetDateTime.parse("2026-11-27T02:00:00.123Z");
		List<CaseClocks.ClockView> inTheTransaction = new TransactionTemplate(transactions).execute(status -> {
			int before = slas.clocks(caseNo).size();
			slas.startUntil(caseNo, "complaint-resolution", startedAt.plusDays(3), "按方案");
			slas.start(caseNo, "inquiry-first-response", "P3", startedAt);
			assertThat(slas.clocks(caseNo)).hasSize(before + 2);
			assertThat(slas.start(caseNo, "inquiry-first-response", "P3", startedAt))
					.as("started twice: the running round, not a new one").isEqualTo(slas.clock(caseNo, "inquiry-first-response").orElseThrow());
			return slas.clocks(caseNo);
		});
		assertThat(slas.clocks(caseNo)).as("read from the table after the commit").isEqualTo(inTheTransaction);
		assertThat(inTheTransaction).last().extracting(CaseClocks.ClockView::startedAt)
				.isEqualTo(Clock.local(startedAt)).extracting(OffsetDateTime::getOffset).hasToString("+08:00");
	}

	@Test
	void aCaseOpenedInATransactionIsKeptThereAsTheTableHoldsIt() {
		CaseRecord[] kept = new CaseRecord[1];
		String caseNo = new TransactionTemplate(transactions).execute(status -> {
			// the intake's steps insert, classify, dispatch and attach the process: each write keeps what it wrote
			String opened = cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水龙头滴水")).record().caseNo();
			kept[0] = cases.find(opened).orElseThrow();
			return opened;
		});
		assertThat(kept[0].processInstanceId()).isNotNull();
		assertThat(kept[0].priority()).isNotNull();
		assertThat(cases.find(caseNo)).as("read from the table after the commit").contains(kept[0]);
	}

	@Test
	void aTransactionsTimelineLinesAreWrittenAtItsCommitAndReadInItAsWritten() {
		String caseNo = cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水龙头滴水")).record().caseNo();
		int before = cases.timeline(caseNo).size();
		List<CaseEvent> inTheTransaction = new TransactionTemplate(transactions).execute(status -> {
			cases.record(caseNo, CaseTimeline.URGED, "第一次");
			assertThat(lines(caseNo)).as("waiting for the commit").isEqualTo(before);
			assertThat(cases.timeline(caseNo)).as("a read writes what waits").hasSize(before + 1);
			cases.record(caseNo, CaseTimeline.URGED, "第二次");
			cases.record(caseNo, CaseTimeline.URGED, "第三次");
			return cases.timeline(caseNo);
		});
		assertThat(inTheTransaction).hasSize(before + 3).last().extracting(CaseEvent::message).isEqualTo("第三次");
		assertThat(cases.timeline(caseNo)).as("read from the table after the commit").isEqualTo(inTheTransaction);

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			cases.record(caseNo, CaseTimeline.URGED, "撤销");
			status.setRollbackOnly();
		});
		assertThat(cases.timeline(caseNo)).as("nothing of a transaction rolled back").isEqualTo(inTheTransaction);
	}

	private int lines(String caseNo) {
		return jdbc.queryForObject("select count(*) from case_event where case_no = ?", Integer.class, caseNo);
	}

	@Test
	void aCaseWrittenInATransactionIsReadAsWritten() {
		String caseNo = cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水龙头滴水")).record().caseNo();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			CaseStatus before = cases.find(caseNo).orElseThrow().status();
			cases.changeStatus(caseNo, CaseStatus.AWAITING_FEEDBACK);
			assertThat(cases.find(caseNo).orElseThrow().status()).isNotEqualTo(before).isEqualTo(CaseStatus.AWAITING_FEEDBACK);
			status.setRollbackOnly();
		});
		assertThat(cases.find(caseNo).orElseThrow().status()).isNotEqualTo(CaseStatus.AWAITING_FEEDBACK);
	}

}
