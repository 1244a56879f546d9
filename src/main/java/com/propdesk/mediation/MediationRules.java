package com.propdesk.mediation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.propdesk.intake.CaseRequest;

/**
 * Every decision and text of a neighbour dispute's steps, plain Java: which earlier dispute makes this one recurring,
 * what each step must record, the evidence's upload ids, whether the parties settled, the follow-up dates, and the
 * neutral lines the timeline gets — a party's own words never leave the staff's forms.
 */
final class MediationRules {

	/** The kinds of evidence, as the evidence form's fields hold them, with their names. */
	static final Map<String, String> EVIDENCE_KINDS;

	static {
		Map<String, String> kinds = new LinkedHashMap<>();
		kinds.put("cctv", "监控录像");
		kinds.put("decibel", "分贝测量");
		kinds.put("photos", "照片");
		kinds.put("leak-test", "闭水试验");
		EVIDENCE_KINDS = kinds;
	}

	static final int FACTS = 2000, DEMANDS = 1000, SETTLEMENT = 2000, NOTE = 1000, LETTER = 4000, PER_KIND = 10;

	static final int FIRST_FOLLOW_UP_DAYS = 7, SECOND_FOLLOW_UP_DAYS = 30;

	private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private MediationRules() {
	}

	/** An earlier dispute: its case number and its units by side. */
	record Dispute(String caseNo, String reporterUnit, Set<String> otherUnits) {

		boolean between(String a, String b) {
			return reporterUnit.equals(a) && otherUnits.contains(b) || reporterUnit.equals(b) && otherUnits.contains(a);
		}

	}

	/**
	 * The most recent earlier dispute between the reporter's unit and one of the other party's, whichever side
	 * reported it: a second dispute between the same units (within the window the caller read) is recurring.
	 */
	static Optional<String> recurringOf(String reporterUnit, List<String> otherUnits, List<Dispute> earlierNewestFirst) {
		return earlierNewestFirst.stream().filter(d -> otherUnits.stream().anyMatch(other -> d.between(reporterUnit, other)))
				.map(Dispute::caseNo).findFirst();
	}

	static String partiesNote(String reporterUnit, List<String> otherUnits) {
		return "纠纷双方：报事方 " + reporterUnit + "，对方 " + String.join("、", otherUnits);
	}

	static String recurringNote(String earlierCaseNo) {
		return "重复纠纷：同样的房号在 " + MediationProcess.RECURRING_WINDOW_DAYS + " 天内已有调解 " + earlierCaseNo
				+ "，调解后请安排长效措施（邻里共建活动）";
	}

	/** A talk is a record of facts and demands, not a verdict: the facts are required, both fit their columns. */
	static void talk(String facts, String demands) {
		if (facts.isBlank()) {
			throw new IllegalArgumentException("请记录对方陈述的事实（客观记录，不评判对错）");
		}
		if (facts.length() > FACTS) {
			throw new IllegalArgumentException("事实陈述最长 " + FACTS + " 个字符");
		}
		if (demands.length() > DEMANDS) {
			throw new IllegalArgumentException("诉求最长 " + DEMANDS + " 个字符");
		}
	}

	static String sideLabel(String side) {
		return MediationProcess.REPORTER_SIDE.equals(side) ? "报事方" : "对方";
	}

	/** The timeline says who was talked to, never what they said. */
	static String talkNote(String side, String units) {
		return "已与" + sideLabel(side) + "（" + units + "）单独谈话，事实与诉求记录在调解表单中";
	}

	/** One piece of evidence: its kind and the upload holding it. */
	record Evidence(String kind, String uploadId) {
	}

	/**
	 * The upload ids the evidence form lists per kind (separated by commas or spaces, as copied from the upload
	 * API's answers): each must look like an upload id, at most ten per kind.
	 */
	static List<Evidence> evidence(Map<String, String> idsByKind) {
		List<Evidence> evidence = new ArrayList<>();
		idsByKind.forEach((kind, text) -> {
			List<String> ids = CaseRequest.splitUnits(text);
			if (ids.size() > PER_KIND) {
				throw new IllegalArgumentException(EVIDENCE_KINDS.get(kind) + "最多 " + PER_KIND + " 个文件");
			}
			for (String id : ids) {
				if (!UPLOAD_ID.matcher(id).matches()) {
					throw new IllegalArgumentException(EVIDENCE_KINDS.get(kind) + "：" + id + " 不是上传文件的编号（先用 /api/uploads 上传，用途 evidence）");
				}
				evidence.add(new Evidence(kind, id));
			}
		});
		return evidence;
	}

	static String notEvidence(String uploadId) {
		return "文件 " + uploadId + " 不是作为证据（用途 evidence）上传的文件";
	}

	/** What the evidence amounts to, by kind: 监控录像 1 份、分贝测量 2 份. */
	static String evidenceSummary(List<Evidence> evidence) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		EVIDENCE_KINDS.keySet().forEach(kind -> counts.put(kind, 0));
		evidence.forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
		List<String> parts = new ArrayList<>();
		counts.forEach((kind, n) -> {
			if (n > 0) {
				parts.add(EVIDENCE_KINDS.get(kind) + " " + n + " 份");
			}
		});
		return parts.isEmpty() ? "未附证据文件" : String.join("、", parts);
	}

	static void findings(String findings) {
		if (findings.length() > FACTS) {
			throw new IllegalArgumentException("核实情况最长 " + FACTS + " 个字符");
		}
	}

	static String policeOutcome(String outcome) {
		return required(outcome, NOTE, "请记录社区警务室的处理结果");
	}

	static String settlement(String text) {
		return required(text, SETTLEMENT, "请填写调解方案");
	}

	/** What the parties said to the proposal: settled when every side accepts it. */
	record Responses(boolean settled, List<String> notes) {
	}

	static Responses responses(boolean reporterAccepts, String reporterNote, boolean otherAccepts, String otherNote) {
		if (reporterNote.length() > NOTE || otherNote.length() > NOTE) {
			throw new IllegalArgumentException("意见说明最长 " + NOTE + " 个字符");
		}
		return new Responses(reporterAccepts && otherAccepts,
				List.of("报事方" + (reporterAccepts ? "接受" : "不接受") + "调解方案", "对方" + (otherAccepts ? "接受" : "不接受") + "调解方案"));
	}

	/** The follow-up visits after a settlement: 7 and 30 days after it. */
	static OffsetDateTime firstFollowUp(OffsetDateTime settledAt) {
		return settledAt.plusDays(FIRST_FOLLOW_UP_DAYS);
	}

	static OffsetDateTime secondFollowUp(OffsetDateTime settledAt) {
		return settledAt.plusDays(SECOND_FOLLOW_UP_DAYS);
	}

	static String followUpNote(String visit, String note) {
		required(note, NOTE, "请记录回访情况");
		return ("first".equals(visit) ? FIRST_FOLLOW_UP_DAYS : SECOND_FOLLOW_UP_DAYS) + " 天回访已完成";
	}

	static String longTermMeasure(String measure) {
		return required(measure, NOTE, "请填写长效措施（如组织双方参加的邻里共建活动）");
	}

	static String closingLetter(String letter) {
		return required(letter, LETTER, "请填写书面结案内容");
	}

	static String closedNote(boolean settled) {
		return settled ? "调解成功，已书面结案" : "调解未达成一致，已书面结案并告知双方其他解决途径";
	}

	private static String required(String text, int max, String missing) {
		if (text.isBlank()) {
			throw new IllegalArgumentException(missing);
		}
		if (text.length() > max) {
			throw new IllegalArgumentException("最长 " + max + " 个字符");
		}
		return text;
	}

}
