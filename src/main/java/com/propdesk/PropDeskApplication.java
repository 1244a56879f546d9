package com.propdesk;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PropDeskApplication {

	/** Cron timers (shift changes, "the 1st of the month") and shifts are local times of the estate. */
	public static final String ZONE = "Asia/Shanghai";

	public static void main(String[] args) {
		TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
		SpringApplication.run(PropDeskApplication.class, args);
	}

}
