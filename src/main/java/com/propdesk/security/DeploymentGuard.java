package com.propdesk.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Document;

/**
 * Every deployment — from start-up, Camunda Modeler or the REST API — passes this guard on its raw
 * resources before the engine parses them. Whoever may deploy could otherwise run code in the JVM
 * (shell tasks, scripts, Java classes, expressions) or in staff browsers (HTML in forms), so what a
 * resource may contain is an allow-list ({@link BpmnAllowList}, {@link DmnAllowList},
 * {@link FormAllowList}), resources and deployments have a size cap, and a deployment holding anything
 * else is refused with the reasons, naming resource, element and attribute; nothing of it is deployed.
 */
public class DeploymentGuard implements Deployer {

	static final Set<String> ALLOWED_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");

	/** Four times PropDesk's largest diagram. */
	public static final int MAX_RESOURCE_BYTES = 512 * 1024;

	/** A process's diagram and all its forms, many times over. */
	public static final int MAX_DEPLOYMENT_BYTES = 2 * 1024 * 1024;

	private final BpmnAllowList diagrams;

	private final DmnAllowList decisions = new DmnAllowList();

	private final FormAllowList forms = new FormAllowList();

	private final Set<String> internalSteps;

	/**
	 * @param internalSteps the beans of steps only PropDesk's own processes take ({@code @Step(offered = false)}):
	 *                      publishing a monthly report, recording a handover's acknowledgement, saving a round's
	 *                      work log; a diagram a person deploys may not name them
	 */
	DeploymentGuard(ExpressionPolicy expressions, CaseProcesses caseProcesses, Set<String> internalSteps) {
		this.diagrams = new BpmnAllowList(expressions, caseProcesses);
		this.internalSteps = Set.copyOf(internalSteps);
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			files.put(resource.getName(), resource.getBytes() == null ? new byte[0] : resource.getBytes());
		}
		List<GuardReason> problems = check(files, deployment.isNew() && InternalProcesses.isPersonsRequest());
		if (!problems.isEmpty()) {
			throw new DeploymentRefusedException("部署被拒绝（" + deployment.getName() + "）："
					+ String.join("；", problems.stream().map(GuardReason::text).toList()));
		}
	}

	/**
	 * The guard's verdict on a deployment a person makes, before it is made (the managers' preview): what
	 * {@link #deploy} would refuse, internal processes included.
	 * @return the reasons, each naming its file; empty when the files may be deployed
	 */
	public List<String> verdict(Map<String, byte[]> files) {
		return reasons(files).stream().map(GuardReason::text).toList();
	}

	/** {@link #verdict} as data: each reason with its file and the element it is about, for an editor to mark. */
	public List<GuardReason> reasons(Map<String, byte[]> files) {
		return check(files, true);
	}

	private List<GuardReason> check(Map<String, byte[]> files, boolean byPerson) {
		List<GuardReason> problems = new ArrayList<>();
		long total = 0;
		for (var file : files.entrySet()) {
			total += file.getValue().length;
			problems.addAll(reasons(file.getKey(), file.getValue()));
		}
		if (total > MAX_DEPLOYMENT_BYTES) {
			problems.add(0, new GuardReason(null, null,
					"整个部署 " + kilobytes(total) + "，超过上限 " + kilobytes(MAX_DEPLOYMENT_BYTES)));
		}
		if (byPerson) {
			problems.addAll(internalProcessesIn(files));
			problems.addAll(internalStepsIn(files));
		}
		return problems;
	}

	/** @return why the resource is refused, each reason naming the resource; empty when it is safe */
	public List<String> check(String name, byte[] content) {
		return reasons(name, content).stream().map(GuardReason::text).toList();
	}

	private List<GuardReason> reasons(String name, byte[] content) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (ALLOWED_SUFFIXES.stream().noneMatch(lower::endsWith)) {
			return List.of(new GuardReason(name, null, "只允许部署 BPMN 流程、DMN 决策表和 Camunda 表单（.bpmn、.dmn、.form）"));
		}
		if (content.length > MAX_RESOURCE_BYTES) {
			return List.of(new GuardReason(name, null,
					"文件 " + kilobytes(content.length) + "，超过单个文件上限 " + kilobytes(MAX_RESOURCE_BYTES)));
		}
		List<Reasons.Reason> problems;
		if (lower.endsWith(".form")) {
			problems = forms.check(name, content);
		}
		else {
			Document document;
			try {
				document = XmlResources.parse(content);
			}
			catch (Exception e) {
				return List.of(new GuardReason(name, null, "不是有效的 XML（" + e.getMessage() + "）"));
			}
			Reasons found = new Reasons();
			if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
				decisions.check(document, found);
			}
			else {
				diagrams.check(document, found);
			}
			problems = found.list();
		}
		return problems.stream().map(p -> new GuardReason(name, p.elementId(), p.text())).distinct().toList();
	}

	/**
	 * PropDesk's own internal processes (the SLA breach's escalation, the owner-event delivery) come only from the
	 * repository at start-up: a version deployed by a person could end every clock at once or send nothing.
	 */
	private static List<GuardReason> internalProcessesIn(Map<String, byte[]> files) {
		List<GuardReason> problems = new ArrayList<>();
		for (var file : files.entrySet()) {
			if (!file.getKey().toLowerCase(Locale.ROOT).matches(".*\\.bpmn(20\\.xml)?")) {
				continue;
			}
			try {
				Document document = XmlResources.parse(file.getValue());
				for (org.w3c.dom.Element process : XmlResources.elements(document, "*", "process")) {
					if (InternalProcesses.SHIPPED.contains(process.getAttribute("id").trim())) {
						problems.add(new GuardReason(file.getKey(), process.getAttribute("id"), "流程 " + process.getAttribute("id")
								+ " 是 PropDesk 的内部流程，只随程序发布，不能由人部署"));
					}
				}
			}
			catch (Exception unreadable) {
				// check() has named it already
			}
		}
		return problems;
	}

	/**
	 * A step of PropDesk's internal processes does its work on trust: the process around it has already checked who
	 * may do it (a manager reviewed the report, a second person acknowledged the handover). Named in a person's
	 * diagram it would do that work with nobody's check, so such a diagram is refused wherever it names one.
	 */
	private List<GuardReason> internalStepsIn(Map<String, byte[]> files) {
		List<GuardReason> problems = new ArrayList<>();
		for (var file : files.entrySet()) {
			if (!file.getKey().toLowerCase(Locale.ROOT).matches(".*\\.bpmn(20\\.xml)?")) {
				continue;
			}
			String xml = new String(file.getValue(), StandardCharsets.UTF_8);
			for (String step : internalSteps) {
				if (Pattern.compile("[$#]\\{\\s*" + Pattern.quote(step) + "\\s*[}.\\[(]").matcher(xml).find()) {
					problems.add(new GuardReason(file.getKey(), null, "${" + step + "} 是 PropDesk 内部流程的步骤，只能由随程序发布的"
							+ "内部流程使用，不能写进人部署的流程"));
				}
			}
		}
		return problems;
	}

	private static String kilobytes(long bytes) {
		return (bytes + 1023) / 1024 + " KB";
	}

}
