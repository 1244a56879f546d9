package com.propdesk.manage;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --propdesk.export=<folder>}: PropDesk starts on its database, writes the live versions into the folder
 * ({@code processes/}, {@code forms/}) and stops, so a repository checkout can take over what managers deployed.
 */
@Component
class ExportCommand implements ApplicationRunner {

	static final String PROPERTY = "propdesk.export";

	private static final Logger log = LoggerFactory.getLogger(ExportCommand.class);

	private final Environment environment;

	private final Export export;

	private final ConfigurableApplicationContext context;

	ExportCommand(Environment environment, Export export, ConfigurableApplicationContext context) {
		this.environment = environment;
		this.export = export;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		String folder = environment.getProperty(PROPERTY);
		if (folder == null || folder.isBlank()) {
			return;
		}
		Path target = Path.of(folder).toAbsolutePath();
		var written = export.writeTo(target);
		log.info("Exported {} live files to {}: {}", written.size(), target, written.keySet());
		System.exit(SpringApplication.exit(context, () -> 0));
	}

}
