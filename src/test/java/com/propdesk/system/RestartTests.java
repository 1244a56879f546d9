package com.propdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.PropDeskApplication;

/** PropDesk started twice on the same file database, as an operator restarts it. */
class RestartTests {

	static final int DEMO_ENTRIES = 38;

	@TempDir
	Path data;

	private ConfigurableApplicationContext start() {
		// arguments, not builder properties: those are defaults that application.yaml overrides (./data, port 8080);
		// a unique engine name, or closing this engine unregisters the shared test context's "default" one
		return new SpringApplicationBuilder(PropDeskApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("propdesk") + ";DB_CLOSE_ON_EXIT=FALSE",
				"--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.generate-unique-process-engine-name=true",
				"--spring.main.banner-mode=off");
	}

	@Test
	void unchangedRestartDeploysNothingAndKeepsDemoDataOnce() {
		long deployments;
		long users;
		int archived;
		try (var first = start()) {
			deployments = first.getBean(RepositoryService.class).createDeploymentQuery().count();
			users = first.getBean(IdentityService.class).createUserQuery().count();
			assertThat(first.getBean(RepositoryService.class).createDeploymentQuery().list()).extracting(d -> d.getName())
					.containsExactlyInAnyOrder("repair", "repair-triage", "sla-policy", "sla-clock", "owner-event", "complaint",
							"complaint-tier", "emergency", "inquiry", "inquiry-triage", "mediation", "work-round", "work-round-planner",
							"shift-handover", "repeat-fault", "monthly-report", "elderly-visit");
			archived = archive(first);
			assertThat(archived).as("the demo's past months").isPositive();
			// last month drafted for review once the archive is scanned: building 3's report holds its lift's repeat fault
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			assertThat(reports(first)).as("last month's reports of the six buildings").isEqualTo(6);
			assertThat(jdbc.queryForObject("select count(*) from repeat_fault where building_code = '3' and category = 'lift'",
					Integer.class)).as("the scan ran after the archive was written").isPositive();
			assertThat(jdbc.queryForObject("select figures from monthly_report where building_code = '3'", String.class))
					.contains("\"repeatFaults\":[{");
			assertThat(first.getBean(TaskService.class).createTaskQuery().processDefinitionKey("monthly-report").count())
					.isEqualTo(6);
		}
		try (var second = start()) {
			assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(deployments);
			assertThat(second.getBean(IdentityService.class).createUserQuery().count())
					.isEqualTo(users);
			assertThat(second.getBean(JdbcTemplate.class)
					.queryForObject("select count(*) from building", Integer.class)).isEqualTo(6);
			assertThat(second.getBean(JdbcTemplate.class)
					.queryForObject("select count(*) from kb_entry", Integer.class)).isEqualTo(DEMO_ENTRIES);
			assertThat(archive(second)).as("the demo's past months, written once").isEqualTo(archived);
			assertThat(reports(second)).as("drafted once").isEqualTo(6);
		}
	}

	private static int reports(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from monthly_report", Integer.class);
	}

	private static int archive(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
				.queryForObject("select count(*) from case_record where external_id like 'archive-%'", Integer.class);
	}

}
