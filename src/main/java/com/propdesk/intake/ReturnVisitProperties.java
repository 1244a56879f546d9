package com.propdesk.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code propdesk.return-visit.*}
 *
 * @param sampleRate share of closed cases that get a return visit (回访), 0 to 1; a low feedback score
 *                   always gets one
 */
@ConfigurationProperties("propdesk.return-visit")
public record ReturnVisitProperties(Double sampleRate) {

	public ReturnVisitProperties {
		sampleRate = sampleRate == null ? 0.3 : sampleRate;
		if (sampleRate < 0 || sampleRate > 1) {
			throw new IllegalArgumentException("propdesk.return-visit.sample-rate must be between 0 and 1");
		}
	}

	/**
	 * Whether a closed case is in the sample. Decided by the case number, not by chance at run time,
	 * so an auditor can tell why a case was (not) visited; case numbers spread evenly over the buckets.
	 */
	public boolean sampled(String caseNo) {
		return Math.floorMod(caseNo.hashCode() * 31 + 17, 1000) < Math.round(sampleRate * 1000);
	}

}
