package com.propdesk.intake;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.propdesk.registry.PhoneNumbers;
import com.propdesk.security.Groups;
import com.propdesk.system.Actor;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.Privileged;
import com.propdesk.system.ProblemException;
import com.propdesk.system.TextRules.Lines;
import com.propdesk.system.TextRules;
import com.propdesk.system.Tokens;

/**
 * The shared case service: opens cases (from a channel or from a start form), keeps their status,
 * classification and timeline. Every case type goes through here; none calls another's code.
 */
@Service("cases")
public class CaseService {


	/**
	 * Case numbers this thread is starting a process for right now: only their processes skip
	 * registration; a caseNo supplied by whoever starts a process is never trusted.
	 */
	private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);

	private static final ThreadLocal<java.util.Set<String>> STARTING = ThreadLocal.withInitial(java.util.HashSet::new);

	private final CaseRepository cases;

	private final CaseRequestValidator validator;

	private final RuntimeService runtimeService;

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final TransactionTemplate transaction;

	private final CaseTypes types;

	private final ProcessEngineConfigurationImpl engine;

	CaseService(CaseRepository cases, CaseRequestValidator validator, RuntimeService runtimeService,
			RepositoryService repositoryService, IdentityService identityService, TransactionTemplate transaction,
			CaseTypes types, ProcessEngineConfigurationImpl engine) {
		this.types = types;
		this.engine = engine;
		this.cases = cases;
		this.validator = validator;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.transaction = transaction;
	}

	/** What {@link #open} did: the case, and whether it was created now or found as a replay. */
	public record Opened(CaseRecord record, boolean created) {
	}

	/**
	 * Opens a case reported through a channel and starts its process, in one transaction. The same
	 * channel and external id again finds the first case: the unique constraint decides, so two
	 * concurrent replays still make one case.
	 */
	public Opened open(CaseRequest written) {
		CaseRequest request = validator.normalise(written);
		var problems = validator.validate(request, true);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		CaseTypeDefinition type = types.get(request.type());
		Optional<CaseRecord> replay = cases.findByExternalId(request.channel(), request.externalId());
		if (replay.isPresent()) {
			return new Opened(replay.get(), false);
		}
		String process = latestProcess(type);
		try {
			return new Opened(transaction.execute(status -> create(request, type, process)), true);
		}
		catch (DuplicateKeyException duplicate) {
			Optional<CaseRecord> concurrentReplay = cases.findByExternalId(request.channel(), request.externalId());
			if (concurrentReplay.isPresent()) {
				return new Opened(concurrentReplay.get(), false);
			}
			// not the report again: the case number was taken, so the sequence lags behind the table; it moves past the
			// highest number held (or already has, by the number this look drew) and the report is opened again
			boolean moved = transaction.execute(status -> cases.skipIssuedNumbers());
			LOG.warn("Case number taken: the case-number sequence lagged behind the cases held{}", moved
					? "; moved past the highest number" : "");
			return new Opened(transaction.execute(status -> create(request, type, process)), true);
		}
	}

	private CaseRecord create(CaseRequest request, CaseTypeDefinition type, String processDefinitionId) {
		boolean channelCall = identityService.getCurrentAuthentication() == null;
		if (channelCall) {
			// history names the channel system that opened the case
			identityService.setAuthentication(Actor.CHANNEL_PREFIX + request.channel(), List.of(Groups.CHANNELS));
		}
		try {
			String caseNo = insert(request, type, null);
			cases.attachProcess(caseNo, start(runtimeService.createProcessInstanceById(processDefinitionId), caseNo, request));
			return cases.find(caseNo).orElseThrow();
		}
		finally {
			if (channelCall) {
				identityService.clearAuthentication();
			}
		}
	}

	private String start(ProcessInstantiationBuilder process, String caseNo, CaseRequest request) {
		STARTING.get().add(caseNo);
		try {
			return process.businessKey(caseNo).setVariables(variables(caseNo, request)).execute().getId();
		}
		finally {
			STARTING.get().remove(caseNo);
		}
	}

	/** Whether the case service itself is starting this case's process (see {@link RegisterCaseDelegate}). */
	boolean isBeingOpened(String caseNo) {
		return STARTING.get().contains(caseNo);
	}

	/** The report with building and phone as the registry writes them (see {@link CaseRequestValidator#normalise}). */
	public CaseRequest normalise(CaseRequest request) {
		return validator.normalise(request);
	}

	/**
	 * Registers a case whose process an agent started from Tasklist's start form, from the report as
	 * {@link #normalise} wrote it (the process keeps the building code and phone the case has).
	 * @return the new case number, to become the process's business key
	 */
	public String register(CaseRequest request, String processInstanceId) {
		var problems = validator.validate(request, false);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return insert(request, types.get(request.type()), processInstanceId);
	}

	private String insert(CaseRequest request, CaseTypeDefinition type, String processInstanceId) {
		OffsetDateTime now = Clock.now();
		String caseNo = cases.nextCaseNo(type, now);
		cases.insert(new CaseRecord(caseNo, type, request.channel(), blankToNull(request.externalId()),
				request.reporterName(), request.reporterPhone(), blankToNull(request.building()),
				blankToNull(request.unit()), blankToNull(request.category()), request.description(),
				blankToNull(request.callbackUrl()), Tokens.random(), CaseStatus.ACCEPTED, null, null, processInstanceId, now,
				now, null));
		record(caseNo, CaseTimeline.ACCEPTED, "已受理：" + type.label() + "，来自" + Channels.label(request.channel()));
		return caseNo;
	}

	/**
	 * The latest version of the type's process, which the case starts on; none deployed answers 501. Asked once, before
	 * the case's transaction: the start then finds the version by its id among the engine's deployed ones.
	 */
	private String latestProcess(CaseTypeDefinition type) {
		ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(type.key())
				.latestVersion().singleResult();
		if (latest == null) {
			throw new ProblemException(HttpStatus.NOT_IMPLEMENTED, "尚未开通",
					type.label() + "（" + type.key() + "）的处理流程尚未上线，暂不能受理此类事项");
		}
		return latest.getId();
	}

	private static Map<String, Object> variables(String caseNo, CaseRequest request) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.CASE_NO.name(), caseNo);
		variables.put(CaseVariables.CHANNEL.name(), request.channel());
		variables.put(CaseVariables.REPORTER_NAME.name(), request.reporterName());
		variables.put(CaseVariables.REPORTER_PHONE.name(), request.reporterPhone());
		variables.put(CaseVariables.BUILDING.name(), blankToNull(request.building()));
		variables.put(CaseVariables.UNIT.name(), blankToNull(request.unit()));
		variables.put(CaseVariables.CATEGORY.name(), blankToNull(request.category()));
		variables.put(CaseVariables.DESCRIPTION.name(), request.description());
		if (request.demand() != null) {
			variables.put(CaseVariables.DEMAND.name(), request.demand());
		}
		if (request.subject() != null) {
			variables.put(CaseVariables.SUBJECT.name(), request.subject());
		}
		if (request.otherUnits() != null) {
			variables.put(CaseVariables.OTHER_UNITS.name(), CaseRequest.joinUnits(request.otherUnits()));
		}
		return variables;
	}

	/** Message a case process waits for while the owner may give feedback. */
	public static final String FEEDBACK_RECEIVED = "FeedbackReceived";

	/**
	 * Hands the owner's feedback to the case's process.
	 * @throws ProblemException 409 when the case is not waiting for feedback
	 */
	public void feedback(String caseNo, Feedback feedback, String actor) {
		List<FieldProblem> problems = new ArrayList<>();
		if (feedback.score() == null) {
			problems.add(new FieldProblem("score", "必填：1 到 5 的整数"));
		}
		else if (feedback.score() < 1 || feedback.score() > 5) {
			problems.add(new FieldProblem("score", "应为 1 到 5 的整数"));
		}
		TextRules.optional(problems, "comment", feedback.comment(), Lines.MANY, 1000);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		CaseRecord record = cases.find(caseNo).orElseThrow();
		if (!awaitsFeedback(record)) {
			throw ProblemException.conflict("事项 " + caseNo + " 当前" + record.status().label() + "，不在等待评价");
		}
		try {
			transaction.executeWithoutResult(status -> receiveFeedback(caseNo, record, feedback, actor));
		}
		catch (MismatchingMessageCorrelationException | OptimisticLockingException alreadyAnswered) {
			throw ProblemException.conflict("事项 " + caseNo + " 的评价已经收到");
		}
	}

	/** Whether the case's process waits for the owner's feedback now. */
	public boolean awaitsFeedback(CaseRecord record) {
		return record.processInstanceId() != null && runtimeService.createEventSubscriptionQuery()
				.processInstanceId(record.processInstanceId()).eventType("message").eventName(FEEDBACK_RECEIVED).count() > 0;
	}

	private void receiveFeedback(String caseNo, CaseRecord record, Feedback feedback, String actor) {
		cases.addEvent(caseNo, new CaseEvent(Clock.now(), CaseTimeline.FEEDBACK.code(), actor, "业主评价：" + feedback.score() + " 分"
				+ (feedback.comment() == null || feedback.comment().isBlank() ? "" : "，" + feedback.comment())));
		cases.feedbackScore(caseNo, feedback.score());
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.FEEDBACK_SCORE.name(), feedback.score());
		variables.put(CaseVariables.FEEDBACK_COMMENT.name(), feedback.comment());
		runtimeService.createMessageCorrelation(FEEDBACK_RECEIVED).processInstanceId(record.processInstanceId())
				.setVariables(variables).correlate();
	}

	public Optional<CaseRecord> find(String caseNo) {
		return cases.find(caseNo);
	}

	/**
	 * Runs {@code work} on the case with its row locked, in one transaction: two requests deciding from the case's
	 * timeline (may the owner urge again?) decide one after the other.
	 */
	public <T> T whileLocked(String caseNo, Function<CaseRecord, T> work) {
		return transaction.execute(status -> work.apply(cases.findForUpdate(caseNo)
				.orElseThrow(() -> ProblemException.notFound("没有事项 " + caseNo))));
	}

	public List<CaseEvent> timeline(String caseNo) {
		return cases.events(caseNo);
	}

	public List<CaseLink> links(String caseNo) {
		return cases.links(caseNo);
	}

	/** Adds a line to the case's timeline, naming the user the engine knows for this call. */
	public CaseEvent record(String caseNo, TimelineKind kind, String message) {
		return record(caseNo, kind, Actor.current(identityService), message);
	}

	/** As {@link #record(String, TimelineKind, String)}, at the time the caller tells others (a callback's). */
	public CaseEvent record(String caseNo, TimelineKind kind, String message, OffsetDateTime at) {
		return record(caseNo, kind, Actor.current(identityService), message, at);
	}

	/**
	 * Adds a line to the case's timeline in the name of who asked for it (an owner has no engine user), now.
	 * @return the line as the timeline holds it, for an answer that shows it
	 */
	public CaseEvent record(String caseNo, TimelineKind kind, String actor, String message) {
		return record(caseNo, kind, actor, message, Clock.now());
	}

	/** As {@link #record(String, TimelineKind, String, String)}, at the time the caller tells the owner or staff. */
	public CaseEvent record(String caseNo, TimelineKind kind, String actor, String message, OffsetDateTime at) {
		// in the caller's transaction, or in one of its own: the line and its audit entry are kept together, and
		// the audit trail's head is locked until they commit, so concurrent lines are chained one after another
		return transaction.execute(status -> cases.addEvent(caseNo, new CaseEvent(at, kind.code(), actor, message)));
	}

	/**
	 * The lines an owner reads, on the API and on their page: what they were told (notify writes those as
	 * event-accepted, event-resolved, …) and what they did themselves (urges, the rating). Not "what the channel
	 * did": the steps the engine runs on at intake (classification, clocks, dispatch) are credited to whoever opened
	 * the case, the channel included.
	 */
	static boolean ownerSees(CaseEvent line) {
		return line.kind().startsWith("event-") || OWNER.equals(line.actor());
	}

	/**
	 * A line as the owner reads it, on the API and on their page: what they were told in the words they were told it,
	 * without the desk's 通知业主： before it.
	 */
	static CaseEvent asOwnerReads(CaseEvent line) {
		return new CaseEvent(line.at(), line.kind(), line.actor(), line.message().replaceFirst("^通知业主：", ""));
	}

	/** Who urged a case in the owner's name on its timeline. */
	public static final String OWNER = "owner";

	/** How often an owner may urge (催办) a case. */
	public static final Duration OWNER_URGE_INTERVAL = Duration.ofHours(1);

	/** When the owner may urge the case again: an hour after their last urge (the desk's urging does not count). */
	public Optional<OffsetDateTime> nextOwnerUrge(String caseNo) {
		return timeline(caseNo).stream().filter(e -> CaseTimeline.URGED.code().equals(e.kind()) && OWNER.equals(e.actor()))
				.map(CaseEvent::at).max(OffsetDateTime::compareTo).map(at -> at.plus(OWNER_URGE_INTERVAL));
	}

	public void classify(String caseNo, String category, String priority, String department) {
		cases.classify(caseNo, category, priority, department, Clock.now());
	}

	public void changeStatus(String caseNo, CaseStatus status) {
		cases.status(caseNo, status, Clock.now());
		if (status == CaseStatus.CLOSED || status == CaseStatus.PROMOTED) {
			// a case waiting for this one (a complaint for its repair) goes on, told how it ended
			runtimeService.createMessageCorrelation(LINKED_CASE_CLOSED).processInstanceVariableEquals(CaseVariables.AWAITED_CASE_NO.name(), caseNo)
					.setVariable(CaseVariables.AWAITED_CASE_OUTCOME.name(), status.code()).correlateAll();
		}
	}

	/** The case is closed (已办结), with the closing line of its timeline. */
	public void close(String caseNo, String note) {
		changeStatus(caseNo, CaseStatus.CLOSED);
		record(caseNo, CaseTimeline.CLOSED, note);
	}

	/** The case a process, execution or task belongs to. */
	public static String caseNo(VariableScope scope) {
		return CaseVariables.CASE_NO.get(scope);
	}

	/**
	 * Where the case is, as the desk learnt it on the phone (an inquiry that turns out to be a fault);
	 * a linked case opened from it is validated against the registry.
	 */
	public void locate(String caseNo, String building, String unit) {
		cases.locate(caseNo, blankToNull(building), blankToNull(unit), Clock.now());
		record(caseNo, CaseTimeline.LOCATED, "地点：" + (blankToNull(building) == null ? "未填" : building + " 栋")
				+ (blankToNull(unit) == null ? "" : " " + unit));
	}

	/**
	 * The reporter's name and phone as the desk corrected them on a call: on the case (SMS and pages go there), in
	 * its running process (the forms show them) and, masked, on the timeline. The phone is given normalised.
	 */
	public void correctReporter(CaseRecord found, String name, String phone, String actor, TimelineKind kind) {
		transaction.executeWithoutResult(status -> {
			// compared with the case as it stands, its row locked: two clerks saving the same correction at once
			// write it once, and the line names what it replaced
			CaseRecord before = cases.findForUpdate(found.caseNo()).orElseThrow();
			if (name.equals(before.reporterName()) && phone.equals(before.reporterPhone())) {
				return;
			}
			cases.reporter(found.caseNo(), name, phone, Clock.now());
			if (found.processInstanceId() != null) {
				// the technician's process the desk may not otherwise touch: PropDesk writes it on the desk's behalf
				Privileged.run(engine, () -> {
					if (runtimeService.createProcessInstanceQuery().processInstanceId(found.processInstanceId()).count() > 0) {
						runtimeService.setVariables(found.processInstanceId(), Map.of(CaseVariables.REPORTER_NAME.name(), name,
								CaseVariables.REPORTER_PHONE.name(), phone));
					}
					return null;
				});
			}
			record(found.caseNo(), kind, actor, "更正联系方式：" + before.reporterName() + " "
					+ PhoneNumbers.masked(before.reporterPhone()) + " → " + name + " " + PhoneNumbers.masked(phone));
		});
	}

	/** What the case answers its owner in writing (an inquiry's answer): kept on the case for the status page. */
	public void answer(String caseNo, String answer) {
		cases.answer(caseNo, answer, Clock.now());
	}

	/** A drill (演练): the same procedure, kept out of SLA statistics. */
	public void markDrill(String caseNo) {
		cases.markDrill(caseNo);
		record(caseNo, CaseTimeline.DRILL, "演练：不拨打外部电话，不通知住户，不计入时限统计");
	}

	/** Message a case process waits for while a linked case it opened is being handled. */
	public static final String LINKED_CASE_CLOSED = "LinkedCaseClosed";

	/**
	 * Opens a case from another one — a complaint from a repair's low score, a repair from a complaint's
	 * plan — with the same reporter, place and callback; both timelines and links say so.
	 * @return the new case's number
	 */
	public String openLinked(String fromCaseNo, String type, String category, String description) {
		return openLinked(fromCaseNo, type, category, description, null);
	}

	/**
	 * Opens a neighbour dispute from another case — an inquiry or a complaint that turns out to be one — between the
	 * reporter's unit and {@code otherUnits}, as {@link #openLinked(String, String, String, String)} does.
	 */
	public String openLinked(String fromCaseNo, String type, String category, String description, List<String> otherUnits) {
		CaseRecord from = cases.find(fromCaseNo).orElseThrow(() -> new IllegalStateException("No case " + fromCaseNo));
		CaseRequest request = validator.normalise(new CaseRequest(type, from.channel(), null,
				new CaseRequest.Reporter(from.reporterName(), from.reporterPhone()), from.building(), from.unit(), category,
				description, from.callbackUrl(), null, null, otherUnits));
		var problems = validator.validate(request, false);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		CaseTypeDefinition caseType = types.get(type);
		String caseNo = insert(request, caseType, null);
		OffsetDateTime now = Clock.now();
		cases.link(fromCaseNo, caseNo, "opened", now);
		cases.link(caseNo, fromCaseNo, "opened-from", now);
		record(fromCaseNo, CaseTimeline.LINKED, "转" + caseType.label() + " " + caseNo);
		record(caseNo, CaseTimeline.LINKED, "由 " + fromCaseNo + " 转来");
		cases.attachProcess(caseNo, start(runtimeService.createProcessInstanceByKey(type), caseNo, request));
		return caseNo;
	}

	/** Whether the unit had another complaint since the given time: a repeat complaint counts as major. */
	public boolean repeatComplaint(String caseNo, String unit, OffsetDateTime since) {
		return unit != null && cases.complaintsOfUnitSince(unit, since, caseNo) > 0;
	}


	private static String blankToNull(String value) {
		return TextRules.blankToNull(value);
	}

}
