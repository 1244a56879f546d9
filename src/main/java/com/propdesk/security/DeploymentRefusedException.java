package com.propdesk.security;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment the guard refuses: the deployer's mistake, so Camunda's REST API answers 400 with this
 * message (a plain engine exception would be a 500, as if PropDesk had failed).
 */
public class DeploymentRefusedException extends BadUserRequestException {

	private static final long serialVersionUID = 1L;

	public DeploymentRefusedException(String message) {
		super(message);
	}

}
