package com.propdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one Spring context most tests share: the demo profile on an in-memory H2, a real web server
 * on a random port, and the job executor off (tests run jobs themselves after moving the engine clock).
 * Metrics are exported as in production (a test context leaves them out by default), so /actuator/prometheus
 * answers.
 */
@Target(ElementType.TYPE)
@AutoConfigureObservability(tracing = false)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:propdesk;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
		"camunda.bpm.job-execution.enabled=false",
		// a receiver that never answers costs a test this long per attempt
		"propdesk.notify.connect-timeout=1s", "propdesk.notify.request-timeout=1s",
		// no demo duty plans: tests plan the rounds they need, so no round tasks appear in others' Tasklist counts
		"propdesk.worklog.demo-plans=false",
		// no demo care records: tests write the residents under care they need
		"propdesk.elderly.demo-care=false",
		// the demo archive of past months stays out: tests write the months they compute
		"propdesk.demo-history-months=0" })
public @interface PropDeskTest {
}
