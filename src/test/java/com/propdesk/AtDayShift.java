package com.propdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Each test of the class starts at the day shift (王师傅 and the other day technicians on duty) and leaves
 * no process running for the next one, in the shared context: what the API and security tests all need
 * before and after each test. The class's own {@code @AfterEach} methods run first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AtDayShift.Extension.class)
public @interface AtDayShift {

	final class Extension implements BeforeEachCallback, AfterEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			TestClock.set(TestClock.DAY);
		}

		@Override
		public void afterEach(ExtensionContext context) {
			Work.deleteRunningInstances(SpringExtension.getApplicationContext(context).getBean(RuntimeService.class));
			TestClock.reset();
		}

	}

}
