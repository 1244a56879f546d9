package com.propdesk.desk;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import io.swagger.v3.oas.annotations.media.Schema;

import com.propdesk.intake.ActorNames;
import com.propdesk.intake.CaseEvent;
import com.propdesk.intake.CaseView;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseTimeline;
import com.propdesk.notify.Notifications;
import com.propdesk.registry.PhoneNumbers;
import com.propdesk.security.Groups;
import com.propdesk.system.Clock;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.Privileged;
import com.propdesk.system.ProblemException;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/**
 * What the desk sees of a case and does on a call besides urging: who holds it and since when, the reporter's
 * contact, a call record, a corrected contact, the tracking link by SMS.
 */
@Service
class DeskCases {

	/** The desk's view of a case, beside what {@code GET /api/cases/{caseNo}} shows everyone. */
	@Schema(description = "客服台看到的事项补充信息")
	record DeskCase(@Schema(description = "事项编号", requiredMode = Schema.RequiredMode.REQUIRED) String caseNo,
			@Schema(description = "报事人（完整电话，供回拨）", requiredMode = Schema.RequiredMode.REQUIRED) Reporter reporter,
			@Schema(description = "业主的跟踪链接；未配置对外地址（propdesk.public-url）时为空", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String trackingUrl,
			@Schema(description = "正在办理的任务：谁在办、从何时起", requiredMode = Schema.RequiredMode.REQUIRED) List<TaskLine> tasks,
			@Schema(description = "24 小时内的催办次数（含业主）", requiredMode = Schema.RequiredMode.REQUIRED) int urgesLast24h) {
	}

	@Schema(description = "报事人")
	record Reporter(@Schema(description = "姓名", requiredMode = Schema.RequiredMode.REQUIRED, example = "王女士") String name,
			@Schema(description = "电话", requiredMode = Schema.RequiredMode.REQUIRED, example = "13800000000") String phone) {
	}

	@Schema(description = "正在办理的任务")
	record TaskLine(@Schema(description = "任务名称", requiredMode = Schema.RequiredMode.REQUIRED, example = "上门维修") String name,
			@Schema(description = "处理人（用户编号）；未认领时为空", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String assignee,
			@Schema(description = "处理人姓名", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String assigneeName,
			@Schema(description = "候选组（未认领时由其中一人认领）", requiredMode = Schema.RequiredMode.REQUIRED) List<String> groups,
			@Schema(description = "候选组的中文名称", requiredMode = Schema.RequiredMode.REQUIRED) List<String> groupLabels,
			@Schema(description = "自何时起由此人（或此组）办理：认领时间，未认领时为任务创建时间", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime since,
			@Schema(description = "任务到期时间（服务时限）", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime due) {
	}

	@Schema(description = "来电记录")
	record CallRecord(@Schema(description = "来电人", requiredMode = Schema.RequiredMode.REQUIRED, example = "王女士") String caller,
			@Schema(description = "来电号码（可不填）", nullable = true, example = "13800000000") String phone,
			@Schema(description = "来电所说", requiredMode = Schema.RequiredMode.REQUIRED, example = "问师傅几点到") String summary) {
	}

	@Schema(description = "短信发送跟踪链接的结果")
	record LinkSent(@Schema(description = "收件号码（部分隐藏）", requiredMode = Schema.RequiredMode.REQUIRED) String phone,
			@Schema(description = "发送时间", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime sentAt,
			@Schema(description = "是否本次发出；一分钟内重复点击不重复发送", requiredMode = Schema.RequiredMode.REQUIRED) boolean sent) {
	}

	static final int NAME = 64;

	static final int SUMMARY = 1000;

	private final CaseService cases;

	private final Notifications notifications;

	private final ProcessEngineConfigurationImpl engine;

	private final Environment environment;

	private final ActorNames actorNames;

	DeskCases(CaseService cases, Notifications notifications, ProcessEngineConfigurationImpl engine, Environment environment,
			ActorNames actorNames) {
		this.actorNames = actorNames;
		this.cases = cases;
		this.notifications = notifications;
		this.engine = engine;
		this.environment = environment;
	}

	/** A case by its number as the desk may type it, in any letter case (as the search reads it). */
	CaseRecord find(String caseNo) {
		return cases.find(caseNo.toUpperCase(Locale.ROOT)).orElseThrow(() -> ProblemException.notFound("没有事项 " + caseNo));
	}

	DeskCase view(CaseRecord found) {
		OffsetDateTime dayAgo = Clock.now().minusHours(24);
		int urges = (int) cases.timeline(found.caseNo()).stream()
				.filter(e -> CaseTimeline.URGED.code().equals(e.kind()) && e.at().isAfter(dayAgo)).count();
		return new DeskCase(found.caseNo(), new Reporter(found.reporterName(), found.reporterPhone()),
				trackingUrl(found).orElse(null), tasks(found), urges);
	}

	/**
	 * The case's open tasks, its own process's and those of the instances it started (a breach's 超时督办), read on the
	 * desk's behalf: the desk may not open a technician's task.
	 */
	private List<TaskLine> tasks(CaseRecord found) {
		if (found.processInstanceId() == null) {
			return List.of();
		}
		return Privileged.run(engine, () -> {
			List<TaskLine> lines = new ArrayList<>();
			for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(found.caseNo())
					.orderByTaskCreateTime().asc().unlimitedList()) {
				List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
						.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
						.map(IdentityLink::getGroupId).toList();
				OffsetDateTime since = Clock.local(task.getCreateTime());
				String assignee = task.getAssignee();
				if (assignee != null) {
					since = engine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(task.getId())
							.type(IdentityLinkType.ASSIGNEE).userId(assignee).list().stream()
							.map(HistoricIdentityLinkLog::getTime).max(Comparator.naturalOrder()).map(Clock::local)
							.orElse(since);
				}
				lines.add(new TaskLine(task.getName(), assignee, assignee == null ? null : displayName(assignee), groups,
						groups.stream().map(Groups::label).toList(), since, Clock.local(task.getDueDate())));
			}
			return lines;
		});
	}

	String displayName(String userId) {
		return actorNames.reader().nameOf(userId);
	}

	/** The call recorded, as the timeline shows it (who by name). */
	CaseView.Line call(CaseRecord found, CallRecord call, String actor) {
		String caller = call == null ? null : TextRules.blankToNull(call.caller());
		String phone = call == null ? null : TextRules.blankToNull(call.phone());
		String summary = call == null ? null : TextRules.blankToNull(call.summary());
		List<FieldProblem> problems = new ArrayList<>();
		TextRules.required(problems, "caller", caller, Lines.ONE, NAME, "必填：谁来的电话");
		if (TextRules.optional(problems, "phone", phone, Lines.ONE, 32) && phone != null
				&& PhoneNumbers.normalise(phone).isEmpty()) {
			problems.add(new FieldProblem("phone", "电话号码格式不对：" + PhoneNumbers.RULE));
		}
		TextRules.required(problems, "summary", summary, Lines.MANY, SUMMARY, "必填：来电所说");
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		String from = phone == null ? caller : caller + "（" + PhoneNumbers.masked(PhoneNumbers.normalise(phone).orElseThrow()) + "）";
		String message = "来电：" + from + "：" + summary;
		return CaseView.Line.of(cases.record(found.caseNo(), DeskTimeline.CALL, actor, message), actorNames.reader());
	}

	Reporter correctReporter(CaseRecord found, Reporter written, String actor) {
		String name = written == null ? null : TextRules.blankToNull(written.name());
		String phone = written == null ? null : TextRules.blankToNull(written.phone());
		List<FieldProblem> problems = new ArrayList<>();
		TextRules.required(problems, "name", name, Lines.ONE, NAME, "必填：报事人姓名");
		if (TextRules.required(problems, "phone", phone, Lines.ONE, 32, "必填：报事人电话")
				&& PhoneNumbers.normalise(phone).isEmpty()) {
			problems.add(new FieldProblem("phone", "电话号码格式不对：" + PhoneNumbers.RULE));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		Reporter corrected = new Reporter(name, PhoneNumbers.normalise(phone).orElseThrow());
		if (corrected.name().equals(found.reporterName()) && corrected.phone().equals(found.reporterPhone())) {
			return corrected;
		}
		cases.correctReporter(found, corrected.name(), corrected.phone(), actor, DeskTimeline.CONTACT_CORRECTED);
		return corrected;
	}

	/** What the timeline says of a tracking-link SMS, after the number it went to. */
	private static final String LINK_SENT = "发送跟踪链接（事项进度、评价、催办）";

	/**
	 * Sends the owner's tracking link to the reporter's phone; a second click within a minute of the last one to
	 * that number sends nothing and answers with the time that one went (two clicks at once: the minute's event id
	 * lets one through).
	 */
	LinkSent sendTrackingLink(CaseRecord found) {
		String url = trackingUrl(found).orElseThrow(() -> ProblemException.conflict(
				"未配置 PropDesk 的对外地址（propdesk.public-url），无法发送跟踪链接；请在电话里告诉业主事项编号"));
		OffsetDateTime now = Clock.now();
		String phone = PhoneNumbers.masked(found.reporterPhone());
		Optional<CaseEvent> recent = cases.timeline(found.caseNo()).stream()
				.filter(line -> line.message().equals("短信至 " + phone + "：" + LINK_SENT) && line.at().isAfter(now.minusMinutes(1)))
				.reduce((first, second) -> second);
		if (recent.isPresent()) {
			return new LinkSent(phone, recent.get().at(), false);
		}
		String eventId = "tracking-link-" + found.caseNo() + "-" + now.truncatedTo(ChronoUnit.MINUTES).toEpochSecond();
		boolean sent = notifications.smsUnquoted(eventId, found.reporterPhone(), found.caseNo(),
				"【物业客服】您的" + found.type().label() + "事项 " + found.caseNo() + " 可在此查看进度、评价和催办：" + url,
				LINK_SENT, now);
		return new LinkSent(phone, now, sent);
	}

	/**
	 * The owner's link under {@code propdesk.public-url}, read at each call: the demo's names the port the server
	 * took ({@code local.server.port}), known only once it listens.
	 */
	private Optional<String> trackingUrl(CaseRecord found) {
		String publicUrl = environment.getProperty("propdesk.public-url", "").strip().replaceAll("/+$", "");
		return publicUrl.isEmpty() ? Optional.empty() : Optional.of(publicUrl + found.trackingPath());
	}

}
