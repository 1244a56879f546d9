package com.propdesk.system;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading what staff typed into a form: absent, null and blank all read as an empty string. */
public final class Variables {

	private Variables() {
	}

	public static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? "" : value.toString().trim();
	}

}
