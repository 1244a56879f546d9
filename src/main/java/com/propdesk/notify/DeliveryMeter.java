package com.propdesk.notify;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@value #NAME}: each attempt to deliver a notification, by kind ({@value #CALLBACK}: an owner event posted to the
 * channel's callback URL; {@value #SMS}; {@value #PAGE}) and outcome ({@code delivered}, {@code failed}). Counted
 * when the attempt ends, whether or not the transaction around it commits: a message that went out went out (a
 * retry sends it again under the same event id). Without a gateway URL an SMS or page is recorded only, and counts
 * as delivered.
 */
@Component
class DeliveryMeter {

	static final String NAME = "propdesk.notifications";

	static final String CALLBACK = "callback";

	static final String SMS = "sms";

	static final String PAGE = "page";

	private final MeterRegistry registry;

	DeliveryMeter(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Runs one delivery, counting it as delivered when it returns and failed when it throws. */
	void count(String kind, Runnable delivery) {
		try {
			delivery.run();
		}
		catch (RuntimeException e) {
			counter(kind, "failed").increment();
			throw e;
		}
		counter(kind, "delivered").increment();
	}

	private Counter counter(String kind, String outcome) {
		return Counter.builder(NAME).description("Notification deliveries (owner event callbacks, SMS, paging)")
				.tag("kind", kind).tag("outcome", outcome).register(registry);
	}

}
