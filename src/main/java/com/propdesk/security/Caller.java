package com.propdesk.security;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import com.propdesk.system.ProblemException;

/** Who is calling PropDesk's API: a staff member, a channel system, or an owner with a tracking token. */
public sealed interface Caller {

	String ATTRIBUTE = Caller.class.getName();

	/** A user of Camunda's identity service, authenticated with HTTP Basic. */
	record Staff(String userId, List<String> groups) implements Caller {

		public boolean isIn(String... anyOf) {
			for (String group : anyOf) {
				if (groups.contains(group)) {
					return true;
				}
			}
			return false;
		}

	}

	/** A channel system, identified by its API key; in the demo one key serves every channel. */
	record Channel(Set<String> channels) implements Caller {

		public boolean mayUse(String channel) {
			return channels.contains(channel);
		}

	}

	/** An owner reading their own case with its tracking token. */
	record Owner(String token) implements Caller {
	}

	static Caller of(HttpServletRequest request) {
		return (Caller) request.getAttribute(ATTRIBUTE);
	}

	static Staff staff(HttpServletRequest request) {
		if (of(request) instanceof Staff staff) {
			return staff;
		}
		throw ProblemException.forbidden("此操作仅限工作人员（HTTP Basic 登录）");
	}

	static Staff staffIn(HttpServletRequest request, String... groups) {
		Staff staff = staff(request);
		if (!staff.isIn(groups) && !staff.isIn(Groups.CAMUNDA_ADMIN)) {
			throw ProblemException.forbidden("此操作需要以下用户组之一：" + String.join("、", List.of(groups).stream().map(Groups::label).toList()));
		}
		return staff;
	}

}
