package com.propdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.PropDeskApplication;

/** PropDesk started twice on the same file database, as an operator restarts it. */
class RestartTests {

	@TempDir
	Path data;

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PropDeskApplication.class).properties("server.port=0",
				"spring.datasource.url=jdbc:h2:file:" + data.resolve("propdesk") + ";DB_CLOSE_ON_EXIT=FALSE",
				"camunda.bpm.job-execution.enabled=false", "spring.main.banner-mode=off").run();
	}

	@Test
	void unchangedRestartDeploysNothingAndKeepsDemoDataOnce() {
		long deployments;
		long users;
		try (var first = start()) {
			deployments = first.getBean(RepositoryService.class).createDeploymentQuery().count();
			users = first.getBean(IdentityService.class).createUserQuery().count();
			assertThat(deployments).as("repair, repair-triage").isEqualTo(2);
		}
		try (var second = start()) {
			assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(deployments);
			assertThat(second.getBean(IdentityService.class).createUserQuery().count())
					.isEqualTo(users);
			assertThat(second.getBean(JdbcTemplate.class)
					.queryForObject("select count(*) from building", Integer.class)).isEqualTo(6);
		}
	}

}
