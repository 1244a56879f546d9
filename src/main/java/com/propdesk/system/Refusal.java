package com.propdesk.system;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * PropDesk refuses what a person submitted (a start form, a task form) and says why in words that person reads:
 * the message is the whole answer, shown as it is ({@code 楼栋：没有这个楼栋：99号楼}), never wrapped in the
 * engine's "Cannot instantiate process definition …" with its ids. The engine's REST API answers it 400.
 */
public class Refusal extends BadUserRequestException {

	public Refusal(String reason) {
		super(reason);
	}

	public Refusal(String reason, Throwable cause) {
		super(reason, cause);
	}

}
