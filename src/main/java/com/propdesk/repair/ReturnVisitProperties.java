package com.propdesk.repair;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code propdesk.return-visit.*}
 *
 * @param sampleRate share of closed cases that get a return visit (回访), 0 to 1; a low feedback score
 *                   always gets one
 */
@ConfigurationProperties("propdesk.return-visit")
public record ReturnVisitProperties(Double sampleRate) {

	/** A case's draw is one of this many values, so the rate is kept to 0.01 %. */
	public static final int DRAWS = 10_000;

	public ReturnVisitProperties {
		sampleRate = sampleRate == null ? 0.3 : sampleRate;
		if (sampleRate < 0 || sampleRate > 1) {
			throw new IllegalArgumentException("propdesk.return-visit.sample-rate must be between 0 and 1");
		}
	}

	/**
	 * Whether a closed case is in the sample: its {@link #draw} is below the {@link #threshold}. Decided by the
	 * case number, not by chance at run time, so an auditor can recompute why a case was (not) visited.
	 */
	public boolean sampled(String caseNo) {
		return draw(caseNo) < threshold();
	}

	/** Draws below this are sampled: the rate in {@link #DRAWS}. */
	public int threshold() {
		return (int) Math.round(sampleRate * DRAWS);
	}

	/**
	 * The case number's draw, 0 to 9999: the first 8 bytes of the SHA-256 of the case number (UTF-8) as an unsigned
	 * number, modulo 10000 ({@code printf %s R-20261127-0001 | sha256sum}: the first 16 hex digits in decimal, its last
	 * four digits). Consecutive case numbers differ only in their last characters; a well-mixed hash spreads them
	 * evenly, where {@code String.hashCode} put runs of them into the same few buckets.
	 */
	public static int draw(String caseNo) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(caseNo.getBytes(StandardCharsets.UTF_8));
			return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), DRAWS);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

}
