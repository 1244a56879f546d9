package com.propdesk.system;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets in links PropDesk sends to owners (a case's tracking page, a building's monthly report): 24 random
 * bytes, URL-safe Base64, so a link cannot be guessed from another one or from a case number.
 */
public final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Tokens() {
	}

	public static String random() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
