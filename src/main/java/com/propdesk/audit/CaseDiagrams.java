package com.propdesk.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseTypes;
import com.propdesk.system.Clock;

/**
 * The diagrams of every process that ran for a case, each with the path it took, for bpmn-js to draw.
 * <p>
 * Camunda 7's history records activities, not sequence flows, so the flows are inferred: a flow from S
 * to T was taken when an instance of T started and, of the instances of T's predecessors that started
 * before it and ended (not cancelled) by then, the one that ended last is an instance of S (equal end
 * times, common within one transaction, go to the one on the target's execution, then to the one that
 * started later), and a step feeds at most one step of each element: two arrivals at a parallel join come
 * from two steps. For PropDesk's diagrams, where every join records an instance per arriving token, that
 * is the path the engine took.
 * <p>
 * The XML is read with {@link RepositoryService#getProcessModel}, which needs only READ on the process
 * definition: every staff group has it (security/Grants), so the auditor's own authorization is enough
 * and nothing here runs without the caller's rights.
 */
@Component
public class CaseDiagrams {

	/** One process instance of the case: its diagram and the elements it went through. */
	public record Diagram(String processInstanceId, String processKey, String processName, int version, String state,
			OffsetDateTime startedAt, OffsetDateTime endedAt, String xml, List<String> activities, List<String> active,
			List<String> flows) {
	}

	record Flow(String id, String source, String target) {
	}

	private static final int PAGE = 2000;

	private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

	private final HistoryService history;

	private final RepositoryService repository;

	/**
	 * Deployed definitions never change, so each one's flows are parsed once; the XML itself is fetched on
	 * every call, so that the engine checks each caller's right to read it.
	 */
	private final Map<String, List<Flow>> flows = new ConcurrentHashMap<>();

	private final CaseTypes types;

	CaseDiagrams(HistoryService history, RepositoryService repository, CaseTypes types) {
		this.types = types;
		this.history = history;
		this.repository = repository;
	}

	/** The case's own process first, then its clocks and notifications in the order they started. */
	public List<Diagram> diagrams(String caseNo) {
		List<HistoricProcessInstance> instances = new ArrayList<>(history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(caseNo).listPage(0, PAGE));
		instances.sort(Comparator.comparing((HistoricProcessInstance p) -> types.find(p.getProcessDefinitionKey()).isEmpty())
				.thenComparing(HistoricProcessInstance::getStartTime).thenComparing(HistoricProcessInstance::getId));
		List<Diagram> diagrams = new ArrayList<>();
		for (HistoricProcessInstance instance : instances) {
			String xml = xml(instance.getProcessDefinitionId());
			// a deployment deleted from Cockpit takes its diagram with it; the history stays and is still shown
			List<Flow> sequenceFlows = xml == null ? List.of()
					: flows.computeIfAbsent(instance.getProcessDefinitionId(), id -> parse(xml));
			List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
					.processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence()
					.asc().listPage(0, PAGE);
			Set<String> activities = new LinkedHashSet<>();
			Set<String> active = new LinkedHashSet<>();
			for (HistoricActivityInstance step : steps) {
				activities.add(elementId(step));
				if (step.getEndTime() == null) {
					active.add(elementId(step));
				}
			}
			diagrams.add(new Diagram(instance.getId(), instance.getProcessDefinitionKey(), instance.getProcessDefinitionName(),
					instance.getProcessDefinitionVersion(), instance.getState(), time(instance.getStartTime()),
					instance.getEndTime() == null ? null : time(instance.getEndTime()), xml, List.copyOf(activities),
					List.copyOf(active), takenFlows(sequenceFlows, steps)));
		}
		return diagrams;
	}

	/** @param steps the instance's activities in the order they started (time, then the engine's sequence counter) */
	static List<String> takenFlows(List<Flow> flows, List<HistoricActivityInstance> steps) {
		Set<String> taken = new LinkedHashSet<>();
		// a step's token goes on to one step of each element it leads to: two arrivals at one parallel join
		// come from two different steps, even when both ended in the same millisecond
		Set<String> fed = new java.util.HashSet<>();
		for (int t = 0; t < steps.size(); t++) {
			HistoricActivityInstance target = steps.get(t);
			List<Flow> incoming = flows.stream().filter(f -> f.target().equals(elementId(target))).toList();
			if (incoming.isEmpty()) {
				continue;
			}
			HistoricActivityInstance latest = null;
			for (int s = 0; s < t; s++) {
				HistoricActivityInstance source = steps.get(s);
				boolean predecessor = incoming.stream().anyMatch(f -> f.source().equals(elementId(source)));
				if (predecessor && !source.isCanceled() && source.getEndTime() != null
						&& !source.getEndTime().after(target.getStartTime())
						&& !fed.contains(source.getId() + ">" + elementId(target)) && later(source, latest, target)) {
					latest = source;
				}
			}
			if (latest != null) {
				String from = elementId(latest);
				fed.add(latest.getId() + ">" + elementId(target));
				incoming.stream().filter(f -> f.source().equals(from)).forEach(f -> taken.add(f.id()));
			}
		}
		return List.copyOf(taken);
	}

	/**
	 * Whether {@code source} is a better guess than {@code best} for the step {@code target} came from: it
	 * ended later; at the same millisecond (one transaction), the one on the target's own execution, then
	 * the one that started later.
	 */
	private static boolean later(HistoricActivityInstance source, HistoricActivityInstance best,
			HistoricActivityInstance target) {
		if (best == null) {
			return true;
		}
		int byEnd = source.getEndTime().compareTo(best.getEndTime());
		if (byEnd != 0) {
			return byEnd > 0;
		}
		boolean sourceOwn = source.getExecutionId() != null && source.getExecutionId().equals(target.getExecutionId());
		boolean bestOwn = best.getExecutionId() != null && best.getExecutionId().equals(target.getExecutionId());
		return sourceOwn || !bestOwn;
	}

	/** The diagram's XML, or null when its deployment was deleted. */
	private String xml(String processDefinitionId) {
		if (repository.createProcessDefinitionQuery().processDefinitionId(processDefinitionId).count() == 0) {
			return null;
		}
		try (InputStream in = repository.getProcessModel(processDefinitionId)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Flow> parse(String xml) {
		return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
				.getModelElementsByType(SequenceFlow.class).stream()
				.map(f -> new Flow(f.getId(), f.getSource().getId(), f.getTarget().getId())).toList();
	}

	/** A multi-instance activity's body is recorded under its own id; the diagram knows only the activity. */
	private static String elementId(HistoricActivityInstance step) {
		String id = step.getActivityId();
		return id.endsWith(MULTI_INSTANCE_BODY) ? id.substring(0, id.length() - MULTI_INSTANCE_BODY.length()) : id;
	}

	private static OffsetDateTime time(Date date) {
		return Clock.local(date);
	}

}
