package com.propdesk.intake;

import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.ProblemException;

/**
 * {@value #NAME}: how long {@code POST /api/cases} takes, by case type, channel and outcome — {@code created},
 * {@code replayed} (the same report again), {@code rejected} (answered with a problem: invalid, forbidden, not yet
 * offered) or {@code failed} (anything unexpected). A type or channel that is not PropDesk's is tagged
 * {@code unknown}, so a caller cannot make new series. A body that is not JSON is answered before the controller
 * and is only in {@code http.server.requests}.
 */
@Component
class IntakeMeter {

	static final String NAME = "propdesk.intake";

	static final String UNKNOWN = "unknown";

	private final MeterRegistry registry;

	private final CaseTypes types;

	IntakeMeter(MeterRegistry registry, CaseTypes types) {
		this.registry = registry;
		this.types = types;
	}

	/** Times an intake whose answer is 201 for a new case and 200 for a replay. */
	<T> ResponseEntity<T> time(CaseRequest request, Supplier<ResponseEntity<T>> intake) {
		Timer.Sample sample = Timer.start(registry);
		String outcome = "failed";
		try {
			ResponseEntity<T> answer = intake.get();
			outcome = answer.getStatusCode().isSameCodeAs(HttpStatus.CREATED) ? "created" : "replayed";
			return answer;
		}
		catch (ProblemException | InvalidRequestException refused) {
			outcome = "rejected";
			throw refused;
		}
		finally {
			sample.stop(Timer.builder(NAME).description("Case intakes through POST /api/cases")
					.tag("type", types.find(request.type()).isPresent() ? request.type() : UNKNOWN)
					.tag("channel", request.channel() != null && Channels.LABELS.containsKey(request.channel()) ? request.channel() : UNKNOWN)
					.tag("outcome", outcome).register(registry));
		}
	}

}
