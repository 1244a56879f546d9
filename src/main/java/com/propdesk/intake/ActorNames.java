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

	/** 工程部（engineering）: a name and the id it stands for; the id alone where the name is the id. */
	public static String withId(String name, String id) {
		return name == null || name.equals(id) ? id : name + "（" + id + "）";
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

		/** 王师傅（engineer）: the name with the id the records hold, where the text must say both; the id alone for nobody known. */
		public String nameWithId(String actor) {
			return withId(nameOf(actor), actor);
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
