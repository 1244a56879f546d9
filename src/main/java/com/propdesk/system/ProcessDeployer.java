package com.propdesk.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
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
 * Deploys the repository's diagrams, decisions and forms, one deployment per process, so that changing one
 * process's files makes a new version of that process only.
 * <ul>
 * <li>A process's deployment is named by its key and holds {@code <key>.bpmn} and its forms
 * {@code <key>-*.form}; a decision table is a deployment of its own, named by its key.</li>
 * <li>Resources carry their bare file names, whatever the run mode (jar or classes directory), so
 * duplicate filtering compares like with like.</li>
 * <li>A process is deployed again only when its files differ from its last deployment from the
 * repository (source {@value #SOURCE}): an unchanged restart deploys nothing, whatever the run
 * mode, and a version a manager deployed live from Camunda Modeler stays the latest until the
 * repository file itself changes.</li>
 * <li>Files equal to an earlier deployment from the repository, but not to the last, are not deployed: they come from an
 * older build than the last node that deployed (a rolling upgrade), and would roll every node back.</li>
 * </ul>
 */
@Component
public class ProcessDeployer implements SmartInitializingSingleton {

	public static final String SOURCE = "propdesk-repository";

	private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

	private final RepositoryService repositoryService;

	ProcessDeployer(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	@Override
	public void afterSingletonsInstantiated() {
		deploy(new PathMatchingResourcePatternResolver(), "classpath*:processes/", "classpath*:forms/");
	}

	/**
	 * Deploys what changed under the two locations (each ending with a slash).
	 * @return the deployments that were created; empty when nothing changed
	 */
	public List<DeploymentWithDefinitions> deploy(ResourcePatternResolver resolver, String processesLocation,
			String formsLocation) {
		Map<String, Resource> diagrams = byFileName(resolver, processesLocation + "*.bpmn");
		Map<String, Resource> decisions = byFileName(resolver, processesLocation + "*.dmn");
		Map<String, Resource> forms = byFileName(resolver, formsLocation + "*.form");

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

	private void deployOne(String name, Map<String, Resource> files, List<DeploymentWithDefinitions> created) {
		Map<String, byte[]> resources = new LinkedHashMap<>();
		files.forEach((fileName, file) -> resources.put(fileName, read(file)));
		List<Deployment> fromRepository = repositoryService.createDeploymentQuery().deploymentName(name)
				.deploymentSource(SOURCE).orderByDeploymentTime().desc().list();
		if (!fromRepository.isEmpty() && same(fromRepository.get(0), resources)) {
			log.info("{} unchanged since its last deployment from the repository", name);
			return;
		}
		if (fromRepository.stream().skip(1).anyMatch(earlier -> same(earlier, resources))) {
			log.warn("{}: this node's files are those of an earlier deployment from the repository, not of the last one: "
					+ "it runs an older build than the node that deployed last, and deploys nothing (a manager brings an "
					+ "earlier version back with a rollback)", name);
			return;
		}
		DeploymentBuilder builder = repositoryService.createDeployment().name(name).source(SOURCE);
		resources.forEach((fileName, bytes) -> builder.addInputStream(fileName, new ByteArrayInputStream(bytes)));
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		log.info("Deployed {} {} as {}", name, resources.keySet(), deployment.getId());
		created.add(deployment);
	}

	/**
	 * Whether a deployment from the repository holds exactly these files. The last one is compared, not the latest
	 * version: the engine's own duplicate filter compares with whatever was deployed last under the name, so a
	 * manager's live version would be overwritten by an unchanged repository file at the next start. An earlier one
	 * equal to these files means this node runs an older build (a node not yet upgraded, restarting during a rolling
	 * upgrade): deploying them would make the old diagrams the latest for every node.
	 */
	private boolean same(Deployment deployment, Map<String, byte[]> resources) {
		List<org.camunda.bpm.engine.repository.Resource> deployed = repositoryService.getDeploymentResources(deployment.getId());
		return deployed.size() == resources.size() && deployed.stream()
				.allMatch(r -> resources.containsKey(r.getName()) && Arrays.equals(resources.get(r.getName()), r.getBytes()));
	}

	private static Map<String, Resource> byFileName(ResourcePatternResolver resolver, String pattern) {
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

	private static byte[] read(Resource resource) {
		try {
			return resource.getContentAsByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + resource, e);
		}
	}

	private static String key(String fileName) {
		return fileName.substring(0, fileName.lastIndexOf('.'));
	}

}
