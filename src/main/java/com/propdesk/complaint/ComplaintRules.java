package com.propdesk.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.CodeLabels;
import com.propdesk.security.Groups;
import com.propdesk.system.Var;

/**
 * The decisions of a complaint, without an engine: what a tier means for the case, what a re-tier and a plan need,
 * what the linked repair is opened with, and what the timeline and the owner are told. A rule broken by what staff
 * typed throws {@link IllegalArgumentException} with the message their form shows.
 */
final class ComplaintRules {

	static final String PLAN_DUE_FORMAT = "计划完成时间：应为日期和时间（在日历中选择，或 ISO-8601 如 2026-12-01T18:00+08:00）";

	static final String IMPROVEMENT_DUE_FORMAT = "整改完成日期：应为日期（在日历中选择，或 ISO-8601 如 2026-12-15）";

	/** Who is responsible for a complaint until someone names a department. */
	static final String DEFAULT_RESPONSIBLE = Groups.SERVICE_DESK;

	/** Why the ordinary clocks stop when the desk re-tiers a complaint as major. */
	static final String RETIER_STOPS_CLOCKS = "改为重大投诉，按管理层方案处理";

	/** The resolution clock's note when it runs to management's plan. */
	static final String PER_PLAN = "按管理层方案";

	/** The category of a linked repair when the plan names none. */
	static final String REPAIR_CATEGORY_UNSAID = "other";

	static final String CLOSED_NOTE = "已办结";

	private ComplaintRules() {
	}

	static String repeatNote(String unit) {
		return unit + " 在 " + ComplaintProcess.REPEAT_WINDOW_DAYS + " 天内已有投诉";
	}

	/**
	 * What a tier means for the case: a major complaint is P1 and management's, which is paged at once; an ordinary
	 * one is P3 and the service desk's.
	 */
	record Tiering(boolean major, String priority, String group, String note, String page) {
	}

	/** @param description the owner's words, which the page quotes */
	static Tiering tiering(String tier, String reason, String caseNo, String description) {
		if (ComplaintProcess.MAJOR.equals(tier)) {
			return new Tiering(true, "P1", Groups.MANAGEMENT, note("重大投诉", reason),
					"【重大投诉】" + caseNo + " " + reason + "：" + description);
		}
		return new Tiering(false, "P3", Groups.SERVICE_DESK, note("一般投诉", reason), null);
	}

	/** 重大投诉：安全问题 — or the tier alone where the table's reason is only its name (the catch-all row's). */
	private static String note(String tier, String reason) {
		return reason == null || reason.isBlank() || reason.equals(tier) ? tier : tier + "：" + reason;
	}

	/** 首次联系业主：业主同意先更换门禁卡；交工程部处理 — the department where the complaint goes on, none where it is mediated. */
	static String firstContactNote(String note, String department) {
		String heard = note.isEmpty() ? "首次联系业主" : "首次联系业主：" + note;
		return department == null ? heard : heard + "；交" + Groups.label(department) + "处理";
	}

	/** 管理层方案：修路灯；交工程部落实，12-01 18:00 前完成 */
	static String planNote(String plan, String department, OffsetDateTime due) {
		return "管理层方案：" + plan + "；交" + Groups.label(department) + "落实，" + Var.TYPED_TIME.format(due) + " 前完成";
	}

	/** 处理结果：已约谈装修队 (an ordinary complaint) or 方案落实：… (a major one, by management's plan). */
	static String resolutionNote(boolean major, String note) {
		String what = major ? "方案落实" : "处理结果";
		return note.isEmpty() ? what : what + "：" + note;
	}

	/** The reason a re-tier records; the desk must give one. */
	static String retierReason(String typed) {
		if (typed.isEmpty()) {
			throw new IllegalArgumentException("改级理由：改为重大投诉时必须填写理由");
		}
		return "客服改级（" + typed + "）";
	}

	/**
	 * The due time of a major complaint's resolution clock: management's plan due, which must lie ahead.
	 * @throws IllegalArgumentException with the message the plan form shows
	 */
	static OffsetDateTime planDue(OffsetDateTime due, OffsetDateTime now) {
		if (due == null) {
			throw new IllegalArgumentException(PLAN_DUE_FORMAT);
		}
		if (!due.isAfter(now)) {
			throw new IllegalArgumentException("计划完成时间：必须晚于现在");
		}
		return due;
	}

	/** The repair a plan asks for: its category (other when none is chosen) and description (the plan's when none). */
	record LinkedRepair(String category, String description) {
	}

	static LinkedRepair linkedRepair(String category, String description, String plan) {
		return new LinkedRepair(category.isEmpty() ? REPAIR_CATEGORY_UNSAID : category, description.isEmpty() ? plan : description);
	}

	/**
	 * What the complaint is left waiting for once its repair is opened: nothing (null) while the repair runs, its end
	 * when the repair already ended within its own report (a life-safety one is promoted at once).
	 */
	static String awaitedOutcome(CaseStatus repairStatus) {
		return repairStatus == CaseStatus.CLOSED || repairStatus == CaseStatus.PROMOTED ? repairStatus.code() : null;
	}

	static String replyNote(String reply) {
		return "书面答复：" + reply;
	}

	/** The summary of the owner's {@code resolved} event (SMS and callback). */
	static String replyMessage(String reply) {
		return "您的投诉已答复：" + reply;
	}

	static String reopenNote(String ownerComment) {
		return "业主不满意，重新处理：" + ownerComment;
	}

	/**
	 * When an improvement due on a day is overdue: at the end of that day, estate time (the zone of {@code now}).
	 * @throws IllegalArgumentException with the message the root-cause form shows
	 */
	static OffsetDateTime improvementDueAt(LocalDate due, OffsetDateTime now) {
		if (due == null) {
			throw new IllegalArgumentException(IMPROVEMENT_DUE_FORMAT);
		}
		if (due.isBefore(now.toLocalDate())) {
			throw new IllegalArgumentException("整改完成日期：不能早于今天");
		}
		return due.plusDays(1).atStartOfDay().atOffset(now.getOffset());
	}

	/** The root-cause form's 原因类别, as staff chose them there (forms/complaint-root-cause.form). */
	static final Map<String, String> CAUSES = CodeLabels.of("process-gap", "流程缺失", "staff-error", "人员失误",
			"contractor", "外包方", "facility", "设施设备", "owner-misunderstanding", "业主误解");

	/** 根因：人员失误；整改：… — the cause by its name on the form, not its code. */
	static String rootCauseNote(String cause, String action, String owner, LocalDate due) {
		return "根因：" + CAUSES.getOrDefault(cause, cause) + "；整改：" + action + "（" + owner + "，" + due + " 前）";
	}

	static String improvementNote(String result) {
		return "整改完成：" + result;
	}

	/** A complaint about noise becomes a noise dispute; any other kind is found in the mediation's talks. */
	static String mediationCategory(String complaintCategory) {
		return "noise".equals(complaintCategory) ? "noise" : null;
	}

	static String mediationMessage(String mediationCaseNo) {
		return "您的投诉涉及邻里纠纷，已转为调解（事项编号 " + mediationCaseNo + "），客服会在 24 小时内分别联系双方";
	}

}
