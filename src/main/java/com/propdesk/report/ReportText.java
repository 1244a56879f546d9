package com.propdesk.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.propdesk.report.MonthlyFigures.DutyRounds;
import com.propdesk.report.MonthlyFigures.RepairCategory;
import com.propdesk.report.MonthlyFigures.RepeatFaultLine;
import com.propdesk.report.MonthlyFigures.Responses;

/** The report's figures in the words owners and managers read, the same on the page, in the PDF and in the form. */
final class ReportText {

	private ReportText() {
	}

	static String monthLabel(String month) {
		YearMonth m = YearMonth.parse(month);
		return m.getYear() + "年" + m.getMonthValue() + "月";
	}

	static String title(String buildingName, String month) {
		return buildingName + " " + monthLabel(month) + "物业服务报告";
	}

	/** 95 → "1小时35分", 2900 → "2天0小时"; "—" for none. */
	static String minutes(Long minutes) {
		if (minutes == null) {
			return "—";
		}
		if (minutes < 60) {
			return minutes + "分钟";
		}
		if (minutes < 24 * 60) {
			return minutes / 60 + "小时" + (minutes % 60 == 0 ? "" : minutes % 60 + "分");
		}
		return minutes / (24 * 60) + "天" + (minutes % (24 * 60)) / 60 + "小时";
	}

	static String percent(Double share) {
		return share == null ? "—" : String.format("%.1f%%", share * 100);
	}

	static String duty(DutyRounds d) {
		String line = d.label() + "：完成 " + d.done() + " 次";
		if (d.planned() != null) {
			line += "（计划 " + d.planned() + " 次" + (d.missed() == null || d.missed() == 0 ? "" : "，漏做 " + d.missed() + " 次")
					+ "）";
		}
		return line;
	}

	static String repair(RepairCategory r) {
		return r.label() + "：" + r.count() + " 件，已修复 " + r.fixed() + " 件，修复时间中位数 " + minutes(r.medianMinutesToFix());
	}

	static String responses(String what, Responses r, String target) {
		return what + "：" + r.count() + " 件，已回应 " + r.answered() + " 件，首次响应时间中位数 "
				+ minutes(r.medianFirstResponseMinutes()) + "，" + target + "内回应 " + percent(r.shareWithinTarget());
	}

	static String repeatFault(RepeatFaultLine f) {
		String measure = f.measure() == null ? "待定措施" : switch (f.measure()) {
			case "duty" -> "已安排预防性巡检维保";
			case "repair" -> "已安排根治维修";
			default -> f.measure();
		};
		return f.subject() + "：" + f.flaggedAt().toLocalDate() + " 发现重复报修，" + measure
				+ (f.measureNote() == null ? "" : "（" + f.measureNote() + "）") + (f.closedAt() != null ? "，已处理完毕" : "，跟进中");
	}

	/** The figures as lines of text: the review form shows them read-only. */
	static List<String> lines(MonthlyFigures f) {
		List<String> lines = new ArrayList<>();
		lines.add("【日常工作】");
		f.duties().forEach(d -> lines.add(duty(d)));
		lines.add("【报修】共 " + f.repairs().stream().mapToInt(RepairCategory::count).sum() + " 件");
		f.repairs().forEach(r -> lines.add(repair(r)));
		lines.add("【投诉与咨询】");
		lines.add(responses("投诉", f.complaints(), "24小时"));
		lines.add(responses("咨询", f.inquiries(), "30分钟"));
		lines.add("【服务时限达标率】" + percent(f.sla().share()) + "（到期 " + f.sla().due() + " 项，按时 " + f.sla().metOnTime()
				+ " 项）");
		lines.add("【满意度】" + (f.satisfaction().average() == null ? "本月无评价"
				: f.satisfaction().average() + " 分（" + f.satisfaction().count() + " 份评价，满分 5 分）"));
		lines.add("【重复报修】" + (f.repeatFaults().isEmpty() ? "无" : f.repeatFaults().size() + " 项"));
		f.repeatFaults().forEach(r -> lines.add(repeatFault(r)));
		return lines;
	}

}
