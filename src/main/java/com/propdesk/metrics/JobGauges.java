package com.propdesk.metrics;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@value #BACKLOG}: jobs the executor could run now (due, retries left, not suspended); {@value #FAILED}: jobs with
 * no retries left (each an incident in Cockpit). Counted by the database at most once every {@link #FRESH} and
 * read from that count in between: a scrape, or many at once, costs no query of its own.
 */
@Component
class JobGauges implements MeterBinder {

	static final String BACKLOG = "propdesk.jobs.backlog";

	static final String FAILED = "propdesk.jobs.failed";

	static final Duration FRESH = Duration.ofSeconds(5);

	private final ManagementService managementService;

	private Counts counts;

	JobGauges(ManagementService managementService) {
		this.managementService = managementService;
	}

	private record Counts(long backlog, long failed, long countedAt) {
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, BACKLOG, "Jobs due now with retries left, not suspended", Counts::backlog);
		gauge(registry, FAILED, "Jobs without retries left (incidents)", Counts::failed);
	}

	private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Counts> value) {
		Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.counts())).description(description).register(registry);
	}

	/** The counts, made again when they are older than {@link #FRESH}; one caller counts while the others wait. */
	synchronized Counts counts() {
		long now = System.nanoTime();
		if (counts == null || now - counts.countedAt() >= FRESH.toNanos()) {
			counts = new Counts(managementService.createJobQuery().executable().active().count(),
					managementService.createJobQuery().noRetriesLeft().count(), now);
		}
		return counts;
	}

}
