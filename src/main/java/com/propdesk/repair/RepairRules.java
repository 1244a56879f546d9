package com.propdesk.repair;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

import com.propdesk.intake.CodeLabels;
import com.propdesk.security.Groups;
import com.propdesk.system.Var;

/**
 * The decisions of a repair order, without an engine: which classification holds and whether it is valid, which
 * emergency a life-safety report becomes, what a technician must record, where a handed-back job goes, who gets a
 * return visit, and what the timeline and the technician's notes say. A rule broken by what staff typed throws
 * {@link IllegalArgumentException} with the message their form shows.
 */
final class RepairRules {

	/** Tasklist sorts and shows tasks by this number (Camunda's default is 50). */
	static final Map<String, Integer> TASK_PRIORITIES = Map.of("P1", 100, "P2", 75, "P3", 50, "P4", 25);

	/** Why a repair may wait with its resolution clock paused; the work form offers these. */
	static final Map<String, String> PAUSE_REASONS = CodeLabels.of("partsOnOrder", "等待配件", "ownerUnreachable", "联系不上业主");

	/** A score at or below this always gets a return visit, as a linked complaint. */
	static final int LOW_SCORE = 2;

	private RepairRules() {
	}

	/** The classification a repair goes on with, and who made it: the triage table, or the service desk. */
	record Classification(String priority, String department, boolean lifeSafety, boolean byTable) {
	}

	/**
	 * The table's classification when it decided, else the desk's (its form set the same three values); either must
	 * name a known priority, department and category.
	 */
	static Classification classification(RepairProcess.Triage triage, String deskPriority, String deskDepartment,
			boolean deskLifeSafety, String category) {
		boolean byTable = triage != null && triage.decided();
		Classification chosen = byTable ? new Classification(triage.priority(), triage.department(), triage.lifeSafety(), true)
				: new Classification(deskPriority, deskDepartment, deskLifeSafety, false);
		if (!TASK_PRIORITIES.containsKey(chosen.priority())) {
			throw new IllegalArgumentException("优先级必须是 P1、P2、P3 或 P4，而不是 " + chosen.priority());
		}
		if (!Groups.DEPARTMENTS.containsKey(chosen.department())) {
			throw new IllegalArgumentException("处理部门必须是工程部、保洁部或安保部，而不是 " + chosen.department());
		}
		if (category == null || !RepairCaseType.CATEGORIES.containsKey(category)) {
			throw new IllegalArgumentException("报修类别无效：" + category);
		}
		return chosen;
	}

	static String classifiedNote(Classification c, String category) {
		return (c.byTable() ? "按分诊表分类：" : "客服人工分类：") + c.priority() + " · " + Groups.label(c.department()) + " · "
				+ RepairCaseType.CATEGORIES.getOrDefault(category, category) + (c.lifeSafety() ? " · 涉及人身安全" : "");
	}

	/** Which emergency plan a life-safety repair calls for, by its category and the owner's words. */
	static String incidentType(String category, String description) {
		String text = description == null ? "" : description;
		if ("gas".equals(category) || text.contains("燃气") || text.contains("煤气") || text.contains("天然气")
				|| text.contains("漏气")) {
			return "gas-leak";
		}
		if ("fire".equals(category) || text.contains("火") || text.contains("烟")) {
			return "fire";
		}
		if (text.contains("困")) {
			return "entrapment";
		}
		return "other";
	}

	/** Why the promoted repair's clocks stop. */
	static final String PROMOTED = "已转紧急";

	static String promotedNote(String emergencyNo) {
		return "涉及人身安全，转紧急事件 " + emergencyNo + "，交24小时值班";
	}

	/** The technician's diagnosis is required with every outcome: it meets the initial investigation. */
	static String diagnosedNote(String technician, String diagnosis) {
		if (diagnosis.isEmpty()) {
			throw new IllegalArgumentException("必须填写现场诊断");
		}
		return "现场诊断（" + technician + "）：" + diagnosis;
	}

	/** 恢复维修（王师傅）：配件已到 — the resume note is the form's to require; none leaves the words alone. */
	static String resumedNote(String technician, String note) {
		return "恢复维修（" + technician + "）" + (note.isEmpty() ? "" : "：" + note);
	}

	/** The finished work, with what was done, the materials and the cost when given. */
	static String repairedNote(String technician, String workDone, String materials, Double cost) {
		StringBuilder work = new StringBuilder("维修完成（").append(technician).append("）");
		append(work, "处理", workDone);
		append(work, "材料", materials);
		if (cost != null) {
			work.append("；费用 ¥").append(String.format("%.2f", cost));
		}
		return work.toString();
	}

	private static void append(StringBuilder text, String label, String value) {
		if (value != null && !value.isBlank()) {
			text.append("；").append(label).append(" ").append(value);
		}
	}

	/** The name of the reason a paused repair waits for; one must be chosen. */
	static String pauseReason(String code) {
		String reason = PAUSE_REASONS.get(code);
		if (reason == null) {
			throw new IllegalArgumentException("暂停时必须选择原因：等待配件或联系不上业主");
		}
		return reason;
	}

	/**
	 * Where a handed-back job goes: to another department (it then needs none of the category's skills), or back to
	 * dispatch without the technician who returned it; the message goes into the timeline and the notes.
	 * @param toDepartment the other department, null when the job stays in its department
	 */
	record HandBack(String toDepartment, String message) {
	}

	static HandBack handBack(String technician, String department, String reason, String otherDepartment, String diagnosis) {
		if (reason.isEmpty()) {
			throw new IllegalArgumentException("退回时必须填写原因");
		}
		String toDepartment = null;
		String message;
		if (!otherDepartment.isEmpty() && !otherDepartment.equals(department)) {
			if (!Groups.DEPARTMENTS.containsKey(otherDepartment)) {
				throw new IllegalArgumentException("转交部门无效：" + otherDepartment);
			}
			toDepartment = otherDepartment;
			message = technician + "退回，转交" + Groups.label(otherDepartment) + "：" + reason;
		}
		else {
			message = technician + "无法处理，退回重新派工：" + reason;
		}
		if (!diagnosis.isEmpty()) {
			message += "；现场诊断：" + diagnosis;
		}
		return new HandBack(toDepartment, message);
	}

	/** The owner did not accept the work: the reason is required, the same technician repairs again. */
	static String rejectionNote(String technician, String reason) {
		if (reason.isEmpty()) {
			throw new IllegalArgumentException("验收不通过时必须填写原因");
		}
		return "验收不通过，返修给" + technician + "：" + reason;
	}

	static String resolvedNote(String ownerConfirmation) {
		return "业主验收通过，等待评价" + (ownerConfirmation.isEmpty() ? "" : "（" + ownerConfirmation + "）");
	}

	static String closedNote(boolean feedbackGiven) {
		return feedbackGiven ? "已办结" : "已办结（72 小时内未评价）";
	}

	/** A line of the technician's notes: when, as staff read a time (2026-11-27 10:15), and what, after the earlier lines. */
	static String withNote(String notes, LocalDateTime now, String message) {
		return (notes.isEmpty() ? "" : notes + "\n") + "[" + Var.TYPED_TIME.format(now) + "] " + message;
	}

	static boolean lowScore(Integer score) {
		return score != null && score <= LOW_SCORE;
	}

	/** A low score becomes a linked complaint about the repair's quality, with the owner's comment. */
	static final String LOW_SCORE_COMPLAINT_CATEGORY = "repair-quality";

	static String lowScoreComplaint(Integer score, String comment) {
		return "维修评价 " + score + " 分" + (comment.isEmpty() ? "" : "：" + comment);
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

	/** The visit's outcome is required. */
	static String visitNote(boolean reached, String satisfaction, String outcome) {
		if (outcome.isEmpty()) {
			throw new IllegalArgumentException("请填写回访结果");
		}
		return (reached ? "回访已联系业主" : "回访未联系上业主") + (satisfaction.isEmpty() ? "" : "，满意度 " + satisfaction) + "："
				+ outcome;
	}

}
