package com.propdesk.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * What a PropDesk delegate or listener is called by the people who put it into a diagram: its Chinese name (the
 * name of the tasks that use it) and the input parameters it reads from its element. The managers' diagram editor
 * offers the steps by these names instead of bean names, and a test keeps every bean a diagram may name declaring
 * one, so a new step cannot arrive without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Step {

	/** The step's Chinese name. */
	String label();

	/** The input parameters ({@code camunda:inputParameter}) the step reads. */
	Input[] inputs() default {};

	/**
	 * False for a listener PropDesk attaches to every user task itself and for a step of PropDesk's internal
	 * processes, which no manager deploys: the editor does not offer them, the guard still allows them.
	 */
	boolean offered() default true;

	/** An input parameter of the step's element. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({})
	@interface Input {

		/** The parameter's name, as the step reads it. */
		String name();

		/** Its Chinese name. */
		String label();

		/** Where its values come from; {@link Options} itself when any text or expression will do. */
		Class<? extends Options> options() default Options.class;

	}

	/**
	 * The values an input may take, with their Chinese names, from the code that gives them their meaning; an
	 * implementation has a constructor without arguments.
	 */
	interface Options {

		/** Value → Chinese name, in the order offered. */
		Map<String, String> values();

	}

}
