package com.propdesk.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import com.propdesk.system.PropDeskProperties;

/**
 * Creates what identity the contract promises, where it is missing: the groups, the admin user,
 * the demo users (demo profile only) and the seeded Tasklist filters with their READ grants.
 * Existing users, passwords and filters are left as operators changed them.
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

	/** The administrator created at start-up, with the password from {@code propdesk.admin-password}. */
	static final String ADMIN = "admin", ADMIN_FIRST_NAME = "系统", ADMIN_LAST_NAME = "管理员";

	/** The e-mail address a user created at start-up gets. */
	static String email(String userId) {
		return userId + "@propdesk.local";
	}

	static final String MY_TASKS = "我的任务";
	static final String MY_DEPARTMENT = "本部门待办";
	static final String ALL_TASKS = "全部";

	/**
	 * Demo users: id, family name, the rest of the name as staff call each other (王 + 师傅), group.
	 * Tasklist shows first name then last name, so the family name is stored as the first name.
	 * Technicians' ids match the demo estate's roster.
	 */
	static final List<DemoUser> DEMO_USERS = List.of(
			new DemoUser("agent", "李", "客服", Groups.SERVICE_DESK),
			// the night shift's desk: a shift handover needs a second person to acknowledge it
			new DemoUser("agent2", "吴", "客服", Groups.SERVICE_DESK),
			new DemoUser("engineer", "王", "师傅", Groups.ENGINEERING),
			new DemoUser("engineer2", "刘", "师傅", Groups.ENGINEERING),
			new DemoUser("engineer3", "赵", "师傅", Groups.ENGINEERING),
			new DemoUser("engineer4", "孙", "师傅", Groups.ENGINEERING),
			new DemoUser("cleaner", "陈", "阿姨", Groups.CLEANING),
			new DemoUser("guard", "张", "队长", Groups.SECURITY),
			new DemoUser("manager", "周", "经理", Groups.MANAGEMENT),
			new DemoUser("duty", "吴", "值班主任", Groups.DUTY_OFFICER),
			new DemoUser("auditor", "郑", "审计", Groups.AUDITOR));

	record DemoUser(String id, String familyName, String title, String group) {
	}

	/** Their ids, which production refuses to start with (ProductionGuard). */
	static final List<String> DEMO_USER_IDS = DEMO_USERS.stream().map(DemoUser::id).toList();

	/** What a task card in Tasklist shows of its case, so two cases can be told apart. */
	static final List<Map<String, String>> CARD_VARIABLES = List.of(Map.of("name", TaskCards.VARIABLE, "label", "事项"));

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final FilterService filterService;

	private final TaskService taskService;

	private final PropDeskProperties properties;

	private final CaseProcesses caseProcesses;

	IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
			FilterService filterService, TaskService taskService, PropDeskProperties properties,
			CaseProcesses caseProcesses) {
		this.caseProcesses = caseProcesses;
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.filterService = filterService;
		this.taskService = taskService;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda 管理员", "SYSTEM");
		Groups.NAMES.forEach((id, name) -> ensureGroup(id, name, "WORKFLOW"));
		ensureUser(ADMIN, ADMIN_FIRST_NAME, ADMIN_LAST_NAME, properties.adminPassword(), Groups.CAMUNDA_ADMIN);
		if (properties.demo()) {
			DEMO_USERS.forEach(u -> ensureUser(u.id(), u.familyName(), u.title(), ProductionGuard.DEMO_SECRET, u.group()));
		}

		ensureAdminGrants();
		Grants.ensure(authorizationService, caseProcesses.keys());
		ensureFilters();
	}

	private void ensureGroup(String id, String name, String type) {
		if (identityService.createGroupQuery().groupId(id).count() == 0) {
			Group group = identityService.newGroup(id);
			group.setName(name);
			group.setType(type);
			identityService.saveGroup(group);
		}
	}

	private void ensureUser(String id, String firstName, String lastName, String password, String group) {
		if (identityService.createUserQuery().userId(id).count() == 0) {
			User user = identityService.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setPassword(password);
			user.setEmail(email(id));
			// the demo's well-known password and the admin's from the environment (which ProductionGuard held to the
			// policy) are set here; every password a person sets later meets the engine's password policy
			((IdentityServiceImpl) identityService).saveUser(user, true);
			identityService.createMembership(id, group);
			log.info("Created user {} in {}", id, group);
		}
	}

	/** camunda-admin holds every permission on every resource, as the Camunda admin webapp expects. */
	private void ensureAdminGrants() {
		for (Resources resource : Resources.values()) {
			boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
					.resourceType(resource).resourceId(Authorization.ANY).count() > 0;
			if (!granted) {
				Authorization all = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
				all.setGroupId(Groups.CAMUNDA_ADMIN);
				all.setResource(resource);
				all.setResourceId(Authorization.ANY);
				all.addPermission(Permissions.ALL);
				authorizationService.saveAuthorization(all);
			}
		}
	}

	private void ensureFilters() {
		List<String> staff = List.copyOf(Groups.NAMES.keySet());
		ensureFilter(MY_TASKS, -10, "分配给我的任务", "#3c7ec0",
				soonestDueFirst(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")), staff);
		ensureFilter(MY_DEPARTMENT, -5, "派给我所在部门、尚未认领的任务", "#55a630",
				soonestDueFirst(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")), staff);
		ensureFilter(ALL_TASKS, 0, "所有进行中的任务（管理层、值班、客服）", "#888888", soonestDueFirst(taskService.createTaskQuery()),
				List.of(Groups.MANAGEMENT, Groups.DUTY_OFFICER, Groups.SERVICE_DESK));
	}

	/**
	 * The task due soonest first, then the most urgent (P1 highest): a filter's own order comes before the one
	 * Tasklist's list header asks for, which only breaks ties.
	 */
	static TaskQuery soonestDueFirst(TaskQuery query) {
		return query.orderByDueDate().asc().orderByTaskPriority().desc();
	}

	private static List<QueryOrderingProperty> ordering(Query<?, ?> query) {
		return ((AbstractQuery<?, ?>) query).getOrderingProperties();
	}

	/** A query's order as text ("dueDate asc, priority desc"), to compare: the orderings have no equals of their own. */
	static String orderText(Query<?, ?> query) {
		return String.join(", ", ordering(query).stream()
				.map(o -> o.getQueryProperty().getName() + " " + o.getDirection().getName()).toList());
	}

	private void ensureFilter(String name, int priority, String description, String color, TaskQuery query,
			List<String> readers) {
		Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			filter = filterService.newTaskFilter(name);
			filter.setOwner("admin");
			filter.setQuery(query);
			filter.setProperties(Map.of("priority", priority, "description", description, "color", color,
					"refresh", true, "variables", CARD_VARIABLES));
			filterService.saveFilter(filter);
			log.info("Created Tasklist filter {}", name);
		}
		else if (!orderText(filter.getQuery()).equals(orderText(query))) {
			// an installation seeded before the filters had an order gets it; the rest stays as operators set it
			TaskQueryImpl stored = filter.getQuery();
			stored.getOrderingProperties().clear();
			stored.getOrderingProperties().addAll(ordering(query));
			filter.setQuery(stored);
			filterService.saveFilter(filter);
			log.info("Tasklist filter {} now lists the task due soonest first", name);
		}
		for (String group : readers) {
			boolean granted = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
					.resourceId(filter.getId()).groupIdIn(group).count() > 0;
			if (!granted) {
				Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
				read.setGroupId(group);
				read.setResource(Resources.FILTER);
				read.setResourceId(filter.getId());
				read.addPermission(Permissions.READ);
				authorizationService.saveAuthorization(read);
			}
		}
	}

}
