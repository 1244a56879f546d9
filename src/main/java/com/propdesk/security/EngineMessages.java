package com.propdesk.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine's and the REST API's English messages that reach staff through Tasklist, Cockpit and Admin, in
 * Chinese, each with the status it deserves: several are a caller's error that the REST API answers as 400 or
 * 500 (an id that names nothing, an id already taken, a password the policy refuses). One table instead of a
 * special case per resource, because the same sentence comes from many resources; a message not in it is
 * answered as the engine wrote it.
 */
final class EngineMessages {

	/** What the caller reads instead, and the status of the answer. */
	record Translation(Status status, String message) {
	}

	private record Known(Pattern english, Status status, Function<MatchResult, String> chinese) {
	}

	private static Known known(String english, Status status, Function<MatchResult, String> chinese) {
		return new Known(Pattern.compile(english, Pattern.DOTALL), status, chinese);
	}

	/** "…不存在：{the id the message names}". */
	private static Known unknown(String english, String what) {
		return known(english, Status.NOT_FOUND, m -> what + "不存在：" + m.group(1));
	}

	private static final Map<String, String> DEFINITIONS = Map.of("process", "流程", "decision", "决策",
			"decision requirements", "决策需求", "case", "案例");

	/** What the engine's "… with id … does not exist" names, as staff call it. */
	private static final Map<String, String> THINGS = Map.ofEntries(Map.entry("job", "作业"), Map.entry("deployment", "部署"),
			Map.entry("user", "用户"), Map.entry("group", "组"), Map.entry("execution", "执行"), Map.entry("batch", "批处理"),
			Map.entry("tenant", "租户"), Map.entry("external task", "外部任务"), Map.entry("filter", "筛选器"),
			Map.entry("authorization", "授权"), Map.entry("job definition", "作业定义"), Map.entry("process instance", "流程实例"),
			Map.entry("process definition", "流程定义"), Map.entry("variable instance", "变量"),
			Map.entry("historic variable instance", "历史变量"), Map.entry("historic process instance", "历史流程实例"),
			Map.entry("historic activity instance", "历史活动实例"), Map.entry("historic batch", "历史批处理"),
			Map.entry("historic decision instance", "历史决策实例"), Map.entry("historic job log", "历史作业日志"),
			Map.entry("historic external task log", "历史外部任务日志"), Map.entry("task comment", "任务备注"),
			Map.entry("task attachment", "任务附件"), Map.entry("parent task", "上级任务"));

	private static final Map<String, String> IDS = Map.of("User", "用户名", "Group", "组 ID", "Tenant", "租户 ID");

	/** camunda.bpm.generic-properties.properties.generalResourceWhitelistPattern in application.yaml. */
	private static final String ID_RULE = "只能使用英文字母、数字和连字符（-），且以字母或数字开头";

	/** What a resource says before the engine's words about a variable's value: its own failure, to a colon. */
	private static final String VARIABLE_OF = "(?:.*: )?";

	private static final List<Known> KNOWN = List.of(
			unknown("No matching task with id (.+)", "任务"),
			// commenting a task the caller may not read: the engine finds no task, as reading it does
			unknown("No task found for task id (.+)", "任务"),
			unknown("Process instance with id (.+) does not exist", "流程实例"),
			unknown("No matching definition with id (.+)", "流程定义"),
			unknown("No matching process definition with id (.+)", "流程定义"),
			unknown("Historic process instance with id (.+) does not exist", "历史流程实例"),
			unknown("no deployed decision definition found with id '([^']*)'.*", "决策定义"),
			known("One of the attributes 'formKey' and 'camunda:formRef' must be supplied but none were set\\.?",
					Status.NOT_FOUND, m -> "此任务没有表单"),
			known("No matching rendered form for task with the id (.+) found\\.?", Status.NOT_FOUND,
					m -> "此任务没有可直接显示的 HTML 表单：" + m.group(1)),
			known("No matching (process|decision|decision requirements|case) definition with key: (.+?) and (?:no tenant-id|tenant-id: .*)",
					Status.NOT_FOUND, m -> DEFINITIONS.get(m.group(1)) + "定义不存在：" + m.group(2)),
			unknown("No matching incident with id (.+)", "故障"),
			// the rest of the engine's "<thing> with id <id> does not exist", in its several spellings
			known("(?:The )?([A-Za-z ]+?) with (?:id|Id) '?([^' ]+?)'? does not exist(?: for task .*)?\\.?", Status.NOT_FOUND,
					m -> THINGS.getOrDefault(m.group(1).toLowerCase(java.util.Locale.ROOT), "对象") + "不存在：" + m.group(2)),
			// query parameters of the REST API's lists
			known("Cannot set query parameter '([^']+)' to value '(.*?)'(?::.*)?", Status.BAD_REQUEST,
					m -> "查询参数「" + m.group(1) + "」的值「" + m.group(2) + "」无效" + (m.group(1).matches("(?i).*(before|after|date).*")
							? "：日期须写成 2026-12-01T09:00:00.000+0800 这样" : "")),
			known("Only a single sorting parameter specified\\. sortBy and sortOrder required", Status.BAD_REQUEST,
					m -> "排序须同时给出 sortBy 和 sortOrder（asc 或 desc）"),
			known("Invalid (?:process |case |task |)variable comparator specified: (.*)", Status.BAD_REQUEST,
					m -> "变量条件的比较符无效：" + m.group(1) + "（可用 eq、neq、gt、gteq、lt、lteq、like）"),
			known("(?:org\\.camunda\\.bpm\\.engine\\.MismatchingMessageCorrelationException: )?Cannot correlate message '(.*?)': "
					+ "No process definition or execution matches the parameters", Status.BAD_REQUEST,
					m -> "没有在等待消息「" + m.group(1) + "」的事项，也没有以它开始的流程"),
			known("Max results limit of (\\d+) exceeded!", Status.BAD_REQUEST, m -> "每页最多 " + m.group(1) + " 条：请减小 maxResults"),
			known("No deployment resources contained in the form upload\\.?", Status.BAD_REQUEST,
					m -> "部署中没有文件：请至少上传一个流程图、决策表或表单"),
			known("No process instance found for id '([^']*)'.*", Status.NOT_FOUND, m -> "流程实例不存在：" + m.group(1)),
			known("An unbound number of results is forbidden!", Status.BAD_REQUEST,
					m -> "列表须分页查询：请给出 firstResult 和 maxResults（每页最多 2000 条）"),
			known("The user already exists", Status.BAD_REQUEST, m -> "用户名已存在，请换一个"),
			known("The group already exists", Status.BAD_REQUEST, m -> "组 ID 已存在，请换一个"),
			known("(User|Group|Tenant) has an invalid id: '(.*)' is not a valid resource identifier\\.?", Status.BAD_REQUEST,
					m -> IDS.get(m.group(1)) + "「" + m.group(2) + "」无效：" + ID_RULE),
			known("The given authenticated user password is not valid\\.?", Status.BAD_REQUEST,
					m -> "当前密码（您自己的登录密码）不正确，密码未修改"),
			known("Password does not match policy", Status.BAD_REQUEST,
					m -> "新密码不符合密码规则：" + passwordRules()),
			// a REST client's typed variable whose value does not fit its type, as every resource that takes variables
			// says it after its own words ("Cannot submit task form …: ", "Cannot put task variable …: ", …)
			known(VARIABLE_OF + "Must provide 'null' or String value for value of SerializableValue type '(\\w+)'\\.?",
					Status.BAD_REQUEST, m -> "类型为 " + m.group(1) + " 的变量值只能是序列化后的文本或 null"),
			known(VARIABLE_OF + "Cannot create file without valueInfo\\.?", Status.BAD_REQUEST,
					m -> "文件类型的变量须在 valueInfo 中给出文件名（filename）"),
			known(VARIABLE_OF + "Unsupported value type '(.*)'\\.?", Status.BAD_REQUEST, m -> "不支持的变量类型：" + m.group(1)),
			known(VARIABLE_OF + "Cannot convert value '(.*)' of type '(\\w+)' to java type .*", Status.BAD_REQUEST,
					m -> "变量值「" + m.group(1) + "」不是 " + m.group(2) + " 类型的值"),
			// two submissions of one task at once (a double click): the second finds it changed by the first
			known("(?:ENGINE-03005 )?Execution of '.*' failed\\. Entity was updated by another transaction concurrently\\.?",
					Status.CONFLICT, m -> EngineRestErrors.CONCURRENT),
			known("The user with id '[^']*' does not have .*", Status.FORBIDDEN, EngineMessages::refusal),
			known("(?:ENGINE-03110 )?Required admin authenticated group or user.*", Status.FORBIDDEN, EngineMessages::refusal));

	private EngineMessages() {
	}

	/** The Chinese of an English message the engine or its REST API writes; empty for any other message. */
	static Optional<Translation> of(String english) {
		if (english == null || webappsReadItThemselves(english)) {
			return Optional.empty();
		}
		for (Known known : KNOWN) {
			Matcher matcher = known.english().matcher(english);
			if (matcher.matches()) {
				return Optional.of(new Translation(known.status(), known.chinese().apply(matcher)));
			}
		}
		return Optional.empty();
	}

	/**
	 * What the webapps recognise in the engine's English and show in their own Chinese: Tasklist turns "No matching
	 * task" and "task is null" into 任务不存在, a suspended instance and a prevented submission into their own notices,
	 * Cockpit "does not exist" into its own text. Said in Chinese by PropDesk, Tasklist showed the message raw, in
	 * its markup for unknown errors (a stale task link). Left in English on the webapps' API, not on the REST API.
	 */
	private static final List<String> READ_BY_THE_WEBAPPS = List.of("No matching task", "task is null", "is suspended",
			"submission prevented", "does not exist");

	static boolean webappsReadItThemselves(String english) {
		return READ_BY_THE_WEBAPPS.stream().anyMatch(english::contains) && isWebappsRequest();
	}

	/** A call of the webapps' own API ({@code /camunda/api/…}), not of the engine's REST API. */
	static boolean isWebappsRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& !attributes.getRequest().getRequestURI().startsWith("/engine-rest");
	}

	private static final Pattern PERMISSION = Pattern.compile("'(\\w+)' permission on resource '([^']*)'(?: of type '(\\w+)')?");

	/**
	 * A refusal that reaches the caller as text only: the REST API rethrows some of the engine's refusals as its
	 * own error with the message alone (a task's deployed form), and a refusal of the admin-or-permission kind
	 * lists no missing authorizations. Read as the list of permissions it names, as
	 * {@link EngineRestErrors#refusalInChinese} reads those of a refusal it has whole.
	 */
	private static String refusal(MatchResult english) {
		Matcher permissions = PERMISSION.matcher(english.group());
		Set<String> needed = new LinkedHashSet<>();
		while (permissions.find()) {
			String type = permissions.group(3) != null ? permissions.group(3) : permissions.group(2);
			needed.add(EngineRestErrors.permissionInChinese(permissions.group(1), type));
		}
		boolean admin = english.group().contains("Required admin");
		return "没有权限：此操作需要" + (admin ? "管理员身份" + (needed.isEmpty() ? "" : "或") : "")
				+ String.join("或", needed) + (needed.isEmpty() ? "" : "权限");
	}

	private static final Map<String, String> PASSWORD_RULES = Map.of("PASSWORD_POLICY_LENGTH", "至少 %s 个字符",
			"PASSWORD_POLICY_LOWERCASE", "至少 %s 个小写字母", "PASSWORD_POLICY_UPPERCASE", "至少 %s 个大写字母",
			"PASSWORD_POLICY_DIGIT", "至少 %s 个数字", "PASSWORD_POLICY_SPECIAL", "至少 %s 个特殊字符（如 !@#$%%）",
			"PASSWORD_POLICY_USER_DATA", "不得包含用户名、姓名或邮箱");

	/**
	 * The rules of the policy the engine checks — its own default where none is configured, which is the one
	 * the engine uses when the policy is turned on without rules of one's own.
	 */
	private static String passwordRules() {
		ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
		PasswordPolicy policy = engine == null ? null : engine.getProcessEngineConfiguration().getPasswordPolicy();
		List<PasswordPolicyRule> rules = (policy == null ? new DefaultPasswordPolicyImpl() : policy).getRules();
		List<String> described = rules.stream().map(rule -> {
			String format = PASSWORD_RULES.get(rule.getPlaceholder());
			String count = rule.getParameters() == null || rule.getParameters().isEmpty() ? ""
					: rule.getParameters().values().iterator().next();
			return format == null ? rule.getPlaceholder() : format.formatted(count);
		}).toList();
		return String.join("，", described);
	}

}
