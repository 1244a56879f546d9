package com.propdesk.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the repository's diagrams, decisions and forms, one deployment per process (DESIGN,
 * "Deployment and versioning").
 * <ul>
 * <li>A process's deployment is named by its key and holds {@code <key>.bpmn} and its forms
 * {@code <key>-*.form}; a decision table is a deployment of its own, named by its key.</li>
 * <li>Resources carry their bare file names, whatever the run mode (jar or classes directory), so
 * duplicate filtering compares like with like.</li>
 * <li>Duplicate filtering compares with the last deployment of the same name from the same source
 * ({@value #SOURCE}): a version a manager deployed live from Camunda Modeler stays the latest until
 * the repository file itself changes.</li>
 * </ul>
 */
@Component
public class ProcessDeployer implements SmartInitializingSingleton {

	public static final String SOURCE = "propdesk-repository";

	private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

	private final RepositoryService repositoryService;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	ProcessDeployer(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	@Override
	public void afterSingletonsInstantiated() {
		deploy("classpath*:processes/", "classpath*:forms/");
	}

	/**
	 * Deploys what changed under the two locations (each ending with a slash).
	 * @return the deployments that were created; empty when nothing changed
	 */
	public List<DeploymentWithDefinitions> deploy(String processesLocation, String formsLocation) {
		Map<String, Resource> diagrams = byFileName(processesLocation + "*.bpmn");
		Map<String, Resource> decisions = byFileName(processesLocation + "*.dmn");
		Map<String, Resource> forms = byFileName(formsLocation + "*.form");

		Map<String, List<String>> formsByProcess = new LinkedHashMap<>();
		List<String> keys = diagrams.keySet().stream().map(ProcessDeployer::key)
				.sorted(Comparator.comparingInt(String::length).reversed()).toList();
		for (String form : forms.keySet()) {
			String owner = keys.stream().filter(k -> form.startsWith(k + "-")).findFirst()
					.orElseThrow(() -> new IllegalStateException(
							"Form " + form + " belongs to no process: name it <process key>-<task>.form"));
			formsByProcess.computeIfAbsent(owner, k -> new ArrayList<>()).add(form);
		}

		List<DeploymentWithDefinitions> created = new ArrayList<>();
		for (var decision : decisions.entrySet()) {
			deployOne(key(decision.getKey()), Map.of(decision.getKey(), decision.getValue()), created);
		}
		for (var diagram : diagrams.entrySet()) {
			String key = key(diagram.getKey());
			Map<String, Resource> resources = new LinkedHashMap<>();
			resources.put(diagram.getKey(), diagram.getValue());
			formsByProcess.getOrDefault(key, List.of()).forEach(form -> resources.put(form, forms.get(form)));
			deployOne(key, resources, created);
		}
		return created;
	}

	private void deployOne(String name, Map<String, Resource> resources, List<DeploymentWithDefinitions> created) {
		String previous = latestFromRepository(name);
		DeploymentBuilder builder = repositoryService.createDeployment().name(name).source(SOURCE)
				.enableDuplicateFiltering(false);
		resources.forEach((fileName, resource) -> builder.addString(fileName, read(resource)));
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		if (deployment.getId().equals(previous)) {
			log.info("{} unchanged since its last deployment from the repository", name);
		}
		else {
			log.info("Deployed {} {} as {}", name, resources.keySet(), deployment.getId());
			created.add(deployment);
		}
	}

	private String latestFromRepository(String name) {
		var latest = repositoryService.createDeploymentQuery().deploymentName(name).deploymentSource(SOURCE)
				.orderByDeploymentTime().desc().listPage(0, 1);
		return latest.isEmpty() ? null : latest.get(0).getId();
	}

	private Map<String, Resource> byFileName(String pattern) {
		try {
			Map<String, Resource> found = new TreeMap<>();
			for (Resource resource : resolver.getResources(pattern)) {
				found.put(resource.getFilename(), resource);
			}
			return found;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list " + pattern, e);
		}
	}

	private static String read(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + resource, e);
		}
	}

	private static String key(String fileName) {
		return fileName.substring(0, fileName.lastIndexOf('.'));
	}

}
