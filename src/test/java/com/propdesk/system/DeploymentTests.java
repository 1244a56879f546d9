package com.propdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;

/**
 * The deployment rules: one deployment per process with its forms, bare resource names
 * whatever the run mode, nothing deployed when nothing changed, one new version of the changed
 * process only, and a manager's live deployment kept until the repository file changes.
 */
@PropDeskTest
class DeploymentTests {

	static final PathMatchingResourcePatternResolver CLASSPATH = new PathMatchingResourcePatternResolver();

	@Autowired
	ProcessDeployer deployer;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FormService formService;

	@TempDir
	Path temp;

	private Set<String> deploymentsBefore;

	@BeforeEach
	void noteDeployments() {
		deploymentsBefore = repositoryService.createDeploymentQuery().list().stream().map(Deployment::getId)
				.collect(Collectors.toSet());
	}

	@AfterEach
	void restoreRepositoryVersions() {
		runtimeService.createProcessInstanceQuery().list()
				.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
		// the next test starts from the repository's own files as last deployed from the repository: what this test
		// deployed goes (deploying the repository's files again would be refused as an older build's)
		repositoryService.createDeploymentQuery().list().stream().filter(d -> !deploymentsBefore.contains(d.getId()))
				.forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
		TestClock.reset();
	}

	private ProcessDefinition latest(String key) {
		return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
	}

	private Deployment lastFromRepository(String name) {
		return repositoryService.createDeploymentQuery().deploymentName(name).deploymentSource(ProcessDeployer.SOURCE)
				.orderByDeploymentTime().desc().list().get(0);
	}

	private long deployments() {
		return repositoryService.createDeploymentQuery().count();
	}

	private Path copyOfRepository() throws IOException {
		for (String folder : List.of("processes", "forms")) {
			Path target = Files.createDirectories(temp.resolve(folder));
			try (Stream<Path> files = Files.list(Path.of(folder))) {
				for (Path file : files.toList()) {
					Files.copy(file, target.resolve(file.getFileName()));
				}
			}
		}
		return temp;
	}

	private static String folder(Path dir, String name) {
		return dir.resolve(name).toUri() + "/";
	}

	@Test
	void eachProcessIsOneDeploymentOfItsDiagramAndFormsUnderBareFileNames() throws IOException {
		Deployment repair = lastFromRepository("repair");
		List<String> repairFiles;
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			repairFiles = Stream.concat(Stream.of("repair.bpmn"), forms.map(f -> f.getFileName().toString())
					.filter(name -> name.startsWith("repair-"))).toList();
		}

		assertThat(repairFiles).contains("repair-report.form", "repair-work.form", "repair-acceptance.form");
		assertThat(repositoryService.getDeploymentResourceNames(repair.getId())).containsExactlyInAnyOrderElementsOf(repairFiles);
		assertThat(repositoryService.getDeploymentResourceNames(lastFromRepository("sla-clock").getId()))
				.containsExactlyInAnyOrder("sla-clock.bpmn", "sla-clock-escalate.form");
		assertThat(repositoryService.getDeploymentResourceNames(lastFromRepository("repair-triage").getId()))
				.containsExactly("repair-triage.dmn");
	}

	@Test
	void unchangedRepositoryDeploysNothing() {
		long before = deployments();

		assertThat(deployer.deploy(CLASSPATH, "classpath*:processes/", "classpath*:forms/")).isEmpty();
		assertThat(deployments()).isEqualTo(before);
	}

	@Test
	void sameFilesFromAJarOrAFolderDeployNothing() throws IOException {
		Path repository = copyOfRepository();
		Path jar = temp.resolve("propdesk.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Stream
				.concat(Files.list(repository.resolve("processes")), Files.list(repository.resolve("forms")))) {
			for (Path file : files.toList()) {
				out.putNextEntry(new JarEntry("BOOT-INF/classes/" + repository.relativize(file).toString().replace('\\', '/')));
				Files.copy(file, out);
				out.closeEntry();
			}
		}
		long before = deployments();

		try (URLClassLoader packaged = new URLClassLoader(new URL[] { new URL("jar:" + jar.toUri() + "!/BOOT-INF/classes/") }, null)) {
			assertThat(deployer.deploy(new PathMatchingResourcePatternResolver(packaged), "classpath*:processes/",
					"classpath*:forms/")).isEmpty();
		}
		assertThat(deployer.deploy(CLASSPATH, folder(repository, "processes"), folder(repository, "forms"))).isEmpty();
		assertThat(deployments()).isEqualTo(before);
	}

	@Test
	void changedFormMakesOneNewVersionOfItsProcessOnly() throws IOException {
		Path repository = copyOfRepository();
		Path form = repository.resolve("forms/repair-work.form");
		Files.writeString(form, Files.readString(form).replace("现场诊断", "现场诊断结论"));
		int repairVersion = latest("repair").getVersion();
		int triageVersion = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("repair-triage")
				.latestVersion().singleResult().getVersion();

		var created = deployer.deploy(CLASSPATH, folder(repository, "processes"), folder(repository, "forms"));

		assertThat(created).extracting(d -> d.getName()).containsExactly("repair");
		assertThat(latest("repair").getVersion()).isEqualTo(repairVersion + 1);
		assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("repair-triage")
				.latestVersion().singleResult().getVersion()).isEqualTo(triageVersion);
		assertThat(repositoryService.getDeploymentResourceNames(created.get(0).getId())).contains("repair-work.form");
	}

	@Test
	void managersLiveDeploymentStaysLatestUntilTheRepositoryFileChanges() throws IOException {
		byte[] diagram = Files.readAllBytes(Path.of("processes/repair.bpmn"));
		String live = repositoryService.createDeployment().name("repair").source("Camunda Modeler")
				.addInputStream("repair.bpmn", new ByteArrayInputStream(diagram)).deploy().getId();

		assertThat(deployer.deploy(CLASSPATH, "classpath*:processes/", "classpath*:forms/")).isEmpty();
		assertThat(latest("repair").getDeploymentId()).isEqualTo(live);

		Path repository = copyOfRepository();
		Path changed = repository.resolve("processes/repair.bpmn");
		Files.writeString(changed, Files.readString(changed).replace("name=\"上门维修\"", "name=\"上门维修处理\""));
		var created = deployer.deploy(CLASSPATH, folder(repository, "processes"), folder(repository, "forms"));

		assertThat(created).extracting(d -> d.getName()).containsExactly("repair");
		assertThat(latest("repair").getDeploymentId()).isEqualTo(created.get(0).getId());
	}

	/**
	 * A rolling upgrade: the new build deployed a changed diagram; a node still on the old build restarts. Its files
	 * are those of an earlier deployment from the repository, so it deploys nothing, and the new diagram stays the
	 * latest for every node.
	 */
	@Test
	void aNodeOfAnOlderBuildRestartingDeploysNothing() throws IOException {
		Path newer = copyOfRepository();
		Path changed = newer.resolve("processes/repair.bpmn");
		Files.writeString(changed, Files.readString(changed).replace("name=\"上门维修\"", "name=\"上门维修处理\""));
		var upgraded = deployer.deploy(CLASSPATH, folder(newer, "processes"), folder(newer, "forms"));
		assertThat(upgraded).extracting(d -> d.getName()).containsExactly("repair");
		long deployments = deployments();

		assertThat(deployer.deploy(CLASSPATH, "classpath*:processes/", "classpath*:forms/")).as("the older build").isEmpty();

		assertThat(deployments()).isEqualTo(deployments);
		assertThat(latest("repair").getDeploymentId()).isEqualTo(upgraded.get(0).getId());
	}

	@Test
	void diagramDeployedAloneFindsItsFormsByLatestBinding() throws IOException {
		byte[] diagram = Files.readAllBytes(Path.of("processes/repair.bpmn"));
		repositoryService.createDeployment().name("repair").source("Camunda Modeler").addInputStream("repair.bpmn", new ByteArrayInputStream(diagram))
				.deploy();
		ProcessDefinition alone = latest("repair");
		TestClock.set(TestClock.DAY);

		ProcessInstance instance = runtimeService.startProcessInstanceById(alone.getId(),
				Map.of("channel", "phone", "reporterName", "刘先生", "reporterPhone", "13900001111", "building", "1",
						"category", "other", "description", "说不清楚的问题"));
		var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

		// the forms are served with the estate's buildings filled in (the header's 楼栋 too), as compact JSON
		assertThat(read(formService.getDeployedStartForm(alone.getId()))).contains("\"id\":\"repair-report\"");
		assertThat(read(formService.getDeployedTaskForm(task.getId()))).contains("\"id\":\"repair-classify\"");
	}

	private static String read(InputStream in) throws IOException {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
