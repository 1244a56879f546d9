package com.propdesk.inquiry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code propdesk.inquiry.*}
 *
 * @param answerAbove   the knowledge base answers by itself only when its best entry scores at least this (0–1)
 * @param leadBy        … and leads the second-best entry by at least this much
 * @param candidates    how many entries the service desk is offered when the match is not confident
 * @param unansweredDays how far back the list of questions the knowledge base could not answer looks
 */
@ConfigurationProperties("propdesk.inquiry")
public record InquiryProperties(Double answerAbove, Double leadBy, Integer candidates, Integer unansweredDays) {

	public InquiryProperties {
		answerAbove = answerAbove == null ? 0.4 : answerAbove;
		leadBy = leadBy == null ? 0.1 : leadBy;
		candidates = candidates == null ? 3 : candidates;
		unansweredDays = unansweredDays == null ? 90 : unansweredDays;
		if (answerAbove <= 0 || answerAbove > 1 || leadBy < 0 || leadBy > 1 || candidates < 1) {
			throw new IllegalArgumentException("propdesk.inquiry: answer-above in (0, 1], lead-by in [0, 1], candidates ≥ 1");
		}
	}

	Duration unansweredWindow() {
		return Duration.ofDays(unansweredDays);
	}

}
