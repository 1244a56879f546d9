package com.propdesk.security;

import java.time.Duration;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine's database identity provider with two changes:
 * <ul>
 * <li>passwords are throttled by {@link LoginThrottle} (client and user), and the engine's own per-user
 * lock is off: it counted wrong passwords from anyone and, after {@code loginMaxAttempts}, refused even the
 * right password until an administrator unlocked the account. A lock such a database still records is
 * ignored, and cleared at the next right password.</li>
 * <li>only a camunda-admin changes a user's name or e-mail, or deletes a user: the engine grants every
 * user ALL on their own user entry, so staff could rename themselves and show a false name on every case.
 * Changing one's own password (with the current one) stays allowed.</li>
 * </ul>
 * Every place a password is checked goes through here: PropDesk's API, the engine's REST API and the
 * webapps' login form.
 */
class PropDeskIdentityProvider extends DbIdentityServiceProvider {

	private final LoginThrottle throttle;

	PropDeskIdentityProvider(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		if (userId == null || password == null) {
			return false;
		}
		String client = LoginThrottle.currentClient();
		boolean verify = isVerifyRequest();
		if (verify && People.isStaff() && !userId.equals(People.person().getUserId())) {
			throw new AuthorizationException("只有系统管理员可以验证其他用户的密码");
		}
		synchronized (throttle.lockFor(client, userId)) {
			Duration wait = throttle.waitFor(client, userId);
			if (!wait.isZero()) {
				if (verify || isCredentialsChange()) {
					throw new LoginThrottle.TooManyTries(wait);
				}
				return false;
			}
			boolean right = super.checkPassword(userId, password);
			if (right) {
				throttle.succeeded(client, userId);
			}
			else {
				throttle.failed(client, userId);
			}
			return right;
		}
	}

	/**
	 * The engine REST API's {@code identity/verify}: a logged-in person asks whether a password is right.
	 * Staff may ask only about themselves (else it is a password oracle for every account), and a throttled
	 * client is told to wait instead of being answered "wrong password".
	 */
	private static boolean isVerifyRequest() {
		return isPersonsRequestTo("/identity/verify");
	}

	/**
	 * A logged-in person changing a password, who confirms it with their own: a throttled client is told to wait, not
	 * that the (perhaps right) password is wrong.
	 */
	private static boolean isCredentialsChange() {
		return isPersonsRequestTo("/credentials");
	}

	/** A request of a logged-in person whose path ends so. */
	private static boolean isPersonsRequestTo(String pathEnd) {
		return People.person() != null
				&& RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getRequestURI().endsWith(pathEnd);
	}

	@Override
	protected boolean isUserLocked(UserEntity user) {
		return false;
	}

	@Override
	protected void lockUser(UserEntity user) {
		// wrong passwords are counted by the throttle, never on the user
	}

	@Override
	public IdentityOperationResult saveUser(User user) {
		UserEntity entity = (UserEntity) user;
		if (entity.getRevision() != 0 && !People.isAdministrator()) {
			UserEntity stored = getDbEntityManager().selectById(UserEntity.class, user.getId());
			if (stored != null && stored != entity && (!Objects.equals(stored.getFirstName(), user.getFirstName())
					|| !Objects.equals(stored.getLastName(), user.getLastName())
					|| !Objects.equals(stored.getEmail(), user.getEmail()))) {
				throw new AuthorizationException("只有系统管理员可以修改用户的姓名和邮箱");
			}
		}
		return super.saveUser(user);
	}

	@Override
	public IdentityOperationResult deleteUser(String userId) {
		if (!People.isAdministrator()) {
			throw new AuthorizationException("只有系统管理员可以删除用户");
		}
		return super.deleteUser(userId);
	}

	/** Opens a provider per command, as the engine's own factory does, with the shared throttle. */
	record Factory(LoginThrottle throttle) implements SessionFactory {

		@Override
		public Class<?> getSessionType() {
			return PropDeskIdentityProvider.class;
		}

		@Override
		public Session openSession() {
			return new PropDeskIdentityProvider(throttle);
		}

	}


}
