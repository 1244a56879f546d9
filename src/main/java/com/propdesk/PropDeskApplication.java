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

	private static final String MAX_CACHED_BUFFER = "jdk.nio.maxCachedBufferSize";

	public static void main(String[] args) {
		TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
		// H2 writes each commit (WRITE_DELAY=0) from the committing thread, and the JDK keeps a direct buffer per thread
		// for such writes, as large as its largest write: under an overload in bench/run (50 reports/s) the request
		// threads' buffers filled the direct memory (as large as -Xmx, 256 MB) and H2 closed the database. Larger
		// buffers are freed after use instead. Set before anything does file I/O through NIO; an operator's own
		// -Djdk.nio.maxCachedBufferSize wins.
		if (System.getProperty(MAX_CACHED_BUFFER) == null) {
			System.setProperty(MAX_CACHED_BUFFER, Integer.toString(256 * 1024));
		}
		SpringApplication.run(PropDeskApplication.class, args);
	}

}
