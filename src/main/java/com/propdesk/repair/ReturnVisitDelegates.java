package com.propdesk.repair;

import java.math.BigDecimal;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.system.CaseVariables;

/** Return visits (回访): who gets one, and what the visit found. */
final class ReturnVisitDelegates {

	/** A score at or below this always gets a return visit. */
	static final int LOW_SCORE = 2;

	private ReturnVisitDelegates() {
	}

	/**
	 * {@code ${decideReturnVisitDelegate}}: a score of 2 or less opens a linked complaint; otherwise the
	 * case may be sampled for a return visit. Sets {@code returnVisit}, with the reason in the timeline.
	 */
	@Component("decideReturnVisitDelegate")
	static class Decide implements JavaDelegate {

		private final ReturnVisitProperties properties;

		private final CaseService cases;

		Decide(ReturnVisitProperties properties, CaseService cases) {
			this.properties = properties;
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = CaseService.caseNo(execution);
			Object score = CaseVariables.FEEDBACK_SCORE.get(execution);
			boolean lowScore = score instanceof Number n && n.intValue() <= LOW_SCORE;
			boolean sampled = properties.sampled(caseNo);
			RepairProcess.RETURN_VISIT.set(execution, !lowScore && sampled);
			if (lowScore) {
				Object comment = CaseVariables.FEEDBACK_COMMENT.get(execution);
				cases.openLinked(caseNo, "complaint", "repair-quality",
						"维修评价 " + score + " 分" + (comment == null || comment.toString().isBlank() ? "" : "：" + comment));
			}
			else if (sampled) {
				cases.record(caseNo, RepairCaseType.Timeline.RETURN_VISIT_PLANNED, sampleReason(caseNo, properties));
			}
		}

	}

	/**
	 * What put a case into the sample, for the auditor: the rate, the case number's draw and the threshold it fell
	 * under, e.g. 抽中回访（抽样比例 30%：事项号抽样值 1234 < 3000）.
	 */
	static String sampleReason(String caseNo, ReturnVisitProperties properties) {
		return "抽中回访（抽样比例 %s%%：事项号抽样值 %d < %d）".formatted(
				BigDecimal.valueOf(properties.threshold(), 2).stripTrailingZeros().toPlainString(),
				ReturnVisitProperties.draw(caseNo), properties.threshold());
	}

	/** {@code ${recordReturnVisitDelegate}}: the visit's outcome goes into the timeline. */
	@Component("recordReturnVisitDelegate")
	static class Record implements JavaDelegate {

		private final CaseService cases;

		Record(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = CaseService.caseNo(execution);
			Object reached = RepairProcess.VISIT_REACHED.get(execution);
			Object outcome = RepairProcess.VISIT_OUTCOME.get(execution);
			if (outcome == null || outcome.toString().isBlank()) {
				throw new ProcessEngineException("请填写回访结果");
			}
			Object satisfaction = RepairProcess.VISIT_SATISFACTION.get(execution);
			cases.record(caseNo, RepairCaseType.Timeline.RETURN_VISIT, (Boolean.TRUE.equals(reached) ? "回访已联系业主" : "回访未联系上业主")
					+ (satisfaction == null ? "" : "，满意度 " + satisfaction) + "：" + outcome);
		}

	}

}
