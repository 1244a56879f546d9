package com.propdesk.intake;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import com.propdesk.system.Actor;

/**
 * Who a timeline line names, as people read it: 业主, 系统, 微信渠道, a staff member's name (王师傅); an id nobody
 * knows stays as it is.
 */
@Component
public class ActorNames {

	private final IdentityService identityService;

	ActorNames(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** A reader for one answer: each user is looked up once. */
	public Reader reader() {
		return new Reader();
	}

	public final class Reader {

		private final Map<String, String> known = new HashMap<>();

		private Reader() {
		}

		public String nameOf(String actor) {
			if (actor == null) {
				return null;
			}
			return known.computeIfAbsent(actor, this::lookUp);
		}

		private String lookUp(String actor) {
			if (CaseService.OWNER.equals(actor)) {
				return "业主";
			}
			if (Actor.SYSTEM.equals(actor)) {
				return "系统";
			}
			if (actor.startsWith(Actor.CHANNEL_PREFIX)) {
				String channel = actor.substring(Actor.CHANNEL_PREFIX.length());
				return Channels.LABELS.containsKey(channel) ? Channels.LABELS.get(channel) + "渠道" : actor;
			}
			User user = identityService.createUserQuery().userId(actor).singleResult();
			if (user == null) {
				return actor;
			}
			String name = (user.getFirstName() == null ? "" : user.getFirstName())
					+ (user.getLastName() == null ? "" : user.getLastName());
			return name.isBlank() ? actor : name;
		}

	}

}
