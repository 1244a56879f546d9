package com.propdesk.security;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.system.Clock;
import com.propdesk.system.Refusal;

/**
 * The engine REST API's and the webapps' errors that an outside tester still read in English, each tried again:
 * Chinese in the REST API's own shape ({@code type}, {@code message}) with the status of what went wrong.
 */
@PropDeskTest
@AtDayShift
class EngineRestChineseErrorsTests {

	@LocalServerPort
	int port;

	@Autowired
	CaseService cases;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProcessEngine processEngine;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	private static void assertChinese(Answer answer, int status, String... english) {
		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/json");
		String message = answer.body().path("message").asText();
		assertThat(message).containsPattern("\\p{IsHan}").doesNotContain("Exception", "java.", "com.fasterxml");
		for (String words : english) {
			assertThat(message).doesNotContainIgnoringCase(words);
		}
		assertThat(answer.body().path("type").asText()).as("Tasklist and Cockpit read the type").isNotBlank();
	}

	/** A plumbing repair's first task, engineering's (接单). */
	private Task engineeringTask() {
		CaseRecord job = cases.open(Reports.repair("1", "1-1201", "plumbing", "水管滴水")).record();
		return taskService.createTaskQuery().processInstanceId(job.processInstanceId()).singleResult();
	}

	@Test
	void jaxRsOwnErrorsAreChineseAndAMethodNotAllowedKeepsItsAllowHeader() throws Exception {
		String admin = basic("admin");

		assertChinese(api.call("GET", "/engine-rest/nope", null, "Authorization", admin), 404, "HTTP 404", "Not Found");
		Answer wrongMethod = api.call("DELETE", "/engine-rest/task/count", null, "Authorization", admin);
		assertChinese(wrongMethod, 405, "Method Not Allowed");
		assertThat(wrongMethod.body().path("message").asText()).contains("GET", "POST");
		assertChinese(api.call("POST", "/engine-rest/task/create", null, "Authorization", admin, "Content-Type", "text/plain"),
				415, "Unsupported Media Type");
		assertChinese(api.call("GET", "/engine-rest/task/count", null, "Authorization", admin, "Accept", "application/xml"), 406,
				"Not Acceptable");

		var raw = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/engine-rest/task/count"))
				.header("Authorization", admin).DELETE().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(raw.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
	}

	@Test
	void theWebappsApisAnswerAnUnknownPathAndABodyThatIsNotJsonInChinese() throws Exception {
		var session = EngineHardeningTests.Webapps.login(port, "manager", processEngine);

		var unknown = session.get("/camunda/api/cockpit/nope");
		var posting = session.after(unknown);
		var notJson = posting.post("/camunda/api/engine/engine/default/task/create", "application/json", "{bad");
		var notJsonToCockpit = posting.post("/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=10",
				"application/json", "{bad");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		assertThat(new ObjectMapper().readTree(unknown.body()).path("message").asText()).containsPattern("\\p{IsHan}")
				.doesNotContain("Not Found");
		assertThat(notJson.statusCode()).as(notJson.body()).isEqualTo(400);
		assertThat(notJson.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		JsonNode body = new ObjectMapper().readTree(notJson.body());
		assertThat(body.path("message").asText()).contains("JSON", "第 1 行第 2 列").doesNotContain("Unexpected", "jackson");
		assertThat(notJsonToCockpit.statusCode()).as(notJsonToCockpit.body()).isEqualTo(400);
		assertThat(notJsonToCockpit.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		assertThat(new ObjectMapper().readTree(notJsonToCockpit.body()).path("message").asText()).contains("JSON", "第 1 行");
	}

	@Test
	void aMalformedJsonBodyIsA400SayingWhere() throws Exception {
		Answer answer = api.call("POST", "/engine-rest/task/create", "{\"name\": \"x\",\n bad}", "Authorization", basic("admin"));

		assertChinese(answer, 400, "Unexpected", "double-quote");
		assertThat(answer.body().path("message").asText()).contains("JSON", "第 2 行");
		assertChinese(api.call("POST", "/engine-rest/task/create", "{\"priority\": \"high\"}", "Authorization", basic("admin")),
				400, "Cannot deserialize", "int");
	}

	@Test
	void aRefusalTheRestApiPassesOnAsTextIsChineseToo() throws Exception {
		Task task = engineeringTask();

		Answer deployedForm = api.call("GET", "/engine-rest/task/" + task.getId() + "/deployed-form", null, "Authorization",
				basic("cleaner"));
		Answer telemetry = api.call("GET", "/engine-rest/telemetry/data", null, "Authorization", basic("engineer"));

		assertChinese(deployedForm, 403, "does not have", "permission", task.getId());
		assertThat(deployedForm.body().path("message").asText()).isEqualTo("没有权限：此操作需要「查看」（任务）或「查看任务」（流程定义）权限");
		assertChinese(telemetry, 403, "ENGINE-03110", "Required admin", "permission");
		assertThat(telemetry.body().path("message").asText()).contains("管理员", "「查看」（系统）");
	}

	@Test
	void commentingATaskOneMayNotReadAnswersAsReadingItDoes() throws Exception {
		Task task = engineeringTask();

		Answer read = api.call("GET", "/engine-rest/task/" + task.getId(), null, "Authorization", basic("cleaner"));
		Answer comment = api.call("POST", "/engine-rest/task/" + task.getId() + "/comment/create", "{\"message\": \"看看\"}",
				"Authorization", basic("cleaner"));

		assertChinese(read, 404, "No matching task");
		assertChinese(comment, read.status(), "No task found");
		assertThat(comment.body().path("message").asText()).isEqualTo("任务不存在：" + task.getId());
		assertThat(taskService.getTaskComments(task.getId())).isEmpty();
	}

	/** The same request four times at the same moment, as four people (or one double-clicking) send it. */
	private List<Answer> fourAtOnce(String path, String body, String user) throws Exception {
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Answer>> calls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return api.call("POST", path, body, "Authorization", basic(user));
				}));
			}
			start.countDown();
			List<Answer> answers = new ArrayList<>();
			for (var call : calls) {
				answers.add(call.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aTaskSubmittedTwiceAtOnceIsDoneOnceAndTheOtherSubmissionsAreToldInChinese() throws Exception {
		Task accept = engineeringTask();
		String body = "{\"variables\": {\"eta\": {\"value\": \"" + Clock.now().plusMinutes(30) + "\", \"type\": \"String\"}}}";

		List<Answer> answers = fourAtOnce("/engine-rest/task/" + accept.getId() + "/submit-form", body, accept.getAssignee());

		assertThat(answers).filteredOn(a -> a.status() == 204).as("done once").hasSize(1);
		// the others came after it (the task is gone) or beside it (it changed under them)
		answers.stream().filter(a -> a.status() != 204).forEach(a -> assertChinese(a, a.status() == 404 ? 404 : 409,
				"ENGINE-", "Entity was updated"));
		assertThat(EngineMessages.of("ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed. Entity was updated by "
				+ "another transaction concurrently.")).get().extracting(EngineMessages.Translation::status)
				.isEqualTo(Status.CONFLICT);
	}

	@Test
	void aTaskClaimedTwiceAtOnceIsClaimedOnceAndTheOtherClaimsAreToldInChinese() throws Exception {
		Task accept = engineeringTask();
		taskService.setAssignee(accept.getId(), null);

		List<Answer> answers = fourAtOnce("/engine-rest/task/" + accept.getId() + "/claim", "{\"userId\": \"engineer\"}",
				"engineer");

		assertThat(answers).extracting(Answer::status).as("claimed once; the others changed beside it, never a 500")
				.contains(204).allMatch(status -> status == 204 || status == 409);
		answers.stream().filter(a -> a.status() == 409).forEach(a -> assertChinese(a, 409, "persistence", "Exception"));
		// the race's loser broke the grant's unique key (SQL state 23505): told as a conflict, in the lock's words
		var clash = new org.camunda.bpm.engine.ProcessEnginePersistenceException("An exception occurred in the persistence layer",
				new java.sql.SQLIntegrityConstraintViolationException("ACT_UNIQ_AUTH_USER", "23505"));
		assertThat(EngineRestErrors.userErrorStatus(clash)).isEqualTo(Status.CONFLICT);
		assertThat(((Map<?, ?>) EngineRestErrors.answer(clash, Status.CONFLICT).getEntity()).get("message"))
				.isEqualTo(EngineRestErrors.CONCURRENT);
		assertThat(EngineRestErrors.userErrorStatus(new org.camunda.bpm.engine.ProcessEnginePersistenceException("down",
				new java.sql.SQLException("gone", "08006")))).as("any other database failure stays the server's").isNull();
	}

	/**
	 * The race behind a submission refused for a permission or a missing value of the next step: it read the task
	 * before the winner completed it, and the caller's grant and the process's position after. Whatever it failed on,
	 * the loser is told the task is gone; a refusal on a task still open stays what it is.
	 */
	@Test
	void aFailedRequestOnATaskThatEndedMeanwhileAnswersThatTheTaskIsGone() throws Exception {
		Task ended = engineeringTask();
		Task open = engineeringTask();
		identityService.clearAuthentication();
		taskService.complete(ended.getId(), Map.of("eta", Clock.now().plusMinutes(30).toString()));
		var refused = new AuthorizationException("engineer",
				List.of(new MissingAuthorization("TASK_WORK", "Task", ended.getId()),
						new MissingAuthorization("TASK_WORK", "ProcessDefinition", "repair")));

		Response afterTheEnd = during("/engine-rest/task/" + ended.getId() + "/submit-form",
				() -> EngineRestUnknownIds.goneOr(EngineRestErrors.answer(refused, Status.FORBIDDEN)));
		Response stillOpen = during("/engine-rest/task/" + open.getId() + "/submit-form",
				() -> EngineRestUnknownIds.goneOr(EngineRestErrors.answer(new AuthorizationException("cleaner",
						List.of(new MissingAuthorization("TASK_WORK", "Task", open.getId()))), Status.FORBIDDEN)));
		Response missingValue = during("/engine-rest/task/" + ended.getId() + "/submit-form",
				() -> EngineRestUnknownIds.goneOr(EngineRestErrors.answer(new Refusal("必须填写现场诊断"), Status.BAD_REQUEST)));

		assertThat(afterTheEnd.getStatus()).isEqualTo(404);
		assertThat(((Map<?, ?>) afterTheEnd.getEntity()).get("message")).isEqualTo("任务不存在：" + ended.getId());
		assertThat(missingValue.getStatus()).isEqualTo(404);
		assertThat(stillOpen.getStatus()).isEqualTo(403);
		assertThat(((Map<?, ?>) stillOpen.getEntity()).get("message")).isEqualTo("没有权限：此操作需要「办理任务」（任务）权限");
	}

	/** What the REST API answers in a request to the path. */
	private static Response during(String path, java.util.function.Supplier<Response> answering) {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("POST", path)));
		try {
			return answering.get();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"{\"type\": \"Object\", \"value\": 5}|Must provide",
			"{\"type\": \"File\", \"value\": \"a\"}|without valueInfo",
			"{\"type\": \"Foo\", \"value\": 1}|Unsupported",
			"{\"type\": \"Bytes\", \"value\": 1}|Cannot convert",
			"{\"type\": \"Date\", \"value\": \"abc\"}|Cannot convert" })
	void aVariableWhoseValueDoesNotFitItsTypeIsAChinese400Everywhere(String value, String english) throws Exception {
		Task accept = engineeringTask();
		String user = basic(accept.getAssignee());
		String variables = "{\"variables\": {\"eta\": " + value + "}}";
		assertChinese(api.call("POST", "/engine-rest/task/" + accept.getId() + "/submit-form", variables, "Authorization",
				user), 400, english);
		assertChinese(api.call("POST", "/engine-rest/task/" + accept.getId() + "/variables",
				"{\"modifications\": {\"eta\": " + value + "}}", "Authorization", user), 400, english);
		assertChinese(api.call("POST", "/engine-rest/process-definition/key/repair/submit-form", variables, "Authorization",
				basic("agent")), 400, english);
	}

	@Test
	void aTaskWithoutAFormSaysSoInsteadOfAServerError() throws Exception {
		String id = "noform-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(api.call("POST", "/engine-rest/task/create", "{\"id\": \"" + id + "\", \"name\": \"临时任务\"}",
				"Authorization", basic("admin")).status()).isEqualTo(204);
		try {
			Answer deployed = api.call("GET", "/engine-rest/task/" + id + "/deployed-form", null, "Authorization", basic("admin"));
			Answer rendered = api.call("GET", "/engine-rest/task/" + id + "/rendered-form", null, "Authorization", basic("admin"));

			assertChinese(deployed, 404, "NullPointerException", "formData");
			assertThat(deployed.body().path("message").asText()).isEqualTo("此任务没有表单");
			assertChinese(rendered, 404, "not found", "getTaskDefinition");
			assertChinese(api.call("GET", "/engine-rest/task/" + id + "/deployed-form", null, "Authorization", basic("engineer")),
					403, "does not have");
		}
		finally {
			taskService.deleteTask(id, true);
		}
		Task withCamundaForm = engineeringTask();
		assertChinese(api.call("GET", "/engine-rest/task/" + withCamundaForm.getId() + "/rendered-form", null, "Authorization",
				basic("engineer")), 404, "No matching rendered form");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', nullValues = "-", value = {
			"GET|/engine-rest/task/nope|-|任务不存在：nope|No matching task",
			"GET|/engine-rest/process-instance/nope|-|流程实例不存在：nope|does not exist",
			"GET|/engine-rest/process-definition/nope|-|流程定义不存在：nope|No matching definition",
			"GET|/engine-rest/process-definition/nope/xml|-|流程定义不存在：nope|No matching definition",
			"GET|/engine-rest/history/process-instance/nope|-|历史流程实例不存在：nope|does not exist",
			"GET|/engine-rest/decision-definition/nope/xml|-|决策定义不存在：nope|no deployed decision",
			"PUT|/engine-rest/incident/nope/annotation|{\"annotation\": \"x\"}|故障不存在：nope|is null",
			"GET|/engine-rest/process-definition/key/nope|-|流程定义不存在：nope|No matching",
			"GET|/engine-rest/decision-definition/key/nope/xml|-|决策定义不存在：nope|No matching",
			"GET|/engine-rest/deployment/nope|-|部署不存在：nope|does not exist",
			"GET|/engine-rest/job/nope|-|作业不存在：nope|does not exist",
			"GET|/engine-rest/user/nope/profile|-|用户不存在：nope|does not exist",
			"GET|/engine-rest/group/nope|-|组不存在：nope|does not exist",
			"GET|/engine-rest/execution/nope|-|执行不存在：nope|does not exist",
			"GET|/engine-rest/incident/nope|-|故障不存在：nope|No matching",
			"GET|/engine-rest/batch/nope|-|批处理不存在：nope|does not exist",
			"DELETE|/engine-rest/process-instance/nope|-|流程实例不存在：nope|processInstance is null" })
	void anUnknownIdOnAReadIsAChinese404(String method, String path, String body, String chinese, String english)
			throws Exception {
		Answer answer = api.call(method, path, body, "Authorization", basic("admin"));

		assertChinese(answer, 404, english);
		assertThat(answer.body().path("message").asText()).isEqualTo(chinese);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"/engine-rest/task?sortBy=nope&sortOrder=asc&maxResults=5|查询参数「sortBy」的值「nope」无效|Cannot set",
			"/engine-rest/task?sortBy=created&maxResults=5|sortOrder|Only a single",
			"/engine-rest/task?dueBefore=tomorrow&maxResults=5|「dueBefore」的值「tomorrow」无效|java.util.Date",
			"/engine-rest/task?processVariables=foo_zz_1&maxResults=5|比较符无效：zz|comparator",
			"/engine-rest/task?maxResults=5000|每页最多 2000 条|limit" })
	void aBadQueryParameterIsNamedInChinese(String path, String chinese, String english) throws Exception {
		Answer answer = api.call("GET", path, null, "Authorization", basic("manager"));

		assertChinese(answer, 400, english);
		assertThat(answer.body().path("message").asText()).contains(chinese);
	}

	@Test
	void aMessageNobodyWaitsForIsSaidInChineseWithoutTheEnginesClassName() throws Exception {
		Answer answer = api.call("POST", "/engine-rest/message", "{\"messageName\": \"nope\"}", "Authorization", basic("admin"));

		assertChinese(answer, 400, "MismatchingMessageCorrelationException", "Cannot correlate");
		assertThat(answer.body().path("message").asText()).contains("「nope」");
	}

	@Test
	void aListWithoutAPageSaysHowToAskForOne() throws Exception {
		Answer answer = api.call("GET", "/engine-rest/history/process-instance", null, "Authorization", basic("manager"));

		assertChinese(answer, 400, "unbound");
		assertThat(answer.body().path("message").asText()).contains("maxResults", "2000");
	}

	@Test
	void identityMistakesInAdminAreChinese400s() throws Exception {
		String admin = basic("admin");
		String user = """
				{"profile": {"id": "%s", "firstName": "测", "lastName": "试", "email": "t@example.cn"},
				 "credentials": {"password": "Demo-Pass-2026!"}}""";

		assertChinese(api.call("POST", "/engine-rest/user/create", user.formatted("engineer"), "Authorization", admin), 400,
				"already exists");
		assertChinese(api.call("POST", "/engine-rest/group/create", "{\"id\": \"engineering\", \"name\": \"x\", \"type\": \"x\"}",
				"Authorization", admin), 400, "already exists");
		Answer spaced = api.call("POST", "/engine-rest/user/create", user.formatted("a b"), "Authorization", admin);
		assertChinese(spaced, 400, "invalid id", "resource identifier");
		assertThat(spaced.body().path("message").asText()).contains("「a b」");
		assertThat(identityService.createUserQuery().userId("a b").count()).isZero();
		assertChinese(api.call("PUT", "/engine-rest/user/admin/credentials",
				"{\"password\": \"Another-Pass-2026!\", \"authenticatedUserPassword\": \"wrong\"}", "Authorization", admin), 400,
				"authenticated user password");
		assertThat(identityService.checkPassword("admin", "demo")).isTrue();
	}

	/** Every password a person sets meets the engine's password policy; a weaker one is refused in Chinese with the rules. */
	@Test
	void aPasswordThePolicyRefusesIsA400ListingTheRules() throws Exception {
		String id = "policy-" + UUID.randomUUID().toString().substring(0, 8);
		var someone = identityService.newUser(id);
		someone.setPassword("Demo-Pass-2026!");
		identityService.saveUser(someone);
		try {
			Answer answer = api.call("PUT", "/engine-rest/user/" + id + "/credentials",
					"{\"password\": \"abc\", \"authenticatedUserPassword\": \"demo\"}", "Authorization", basic("admin"));
			Answer created = api.call("POST", "/engine-rest/user/create", """
					{"profile": {"id": "%s-2", "firstName": "弱", "lastName": "密码"}, "credentials": {"password": "123"}}"""
					.formatted(id), "Authorization", basic("admin"));

			assertChinese(answer, 400, "does not match policy");
			assertThat(answer.body().path("message").asText()).contains("至少 10 个字符", "大写字母", "数字");
			assertThat(identityService.checkPassword(id, "Demo-Pass-2026!")).isTrue();
			assertChinese(created, 400, "does not match policy");
			assertThat(identityService.createUserQuery().userId(id + "-2").count()).as("not created").isZero();
		}
		finally {
			identityService.deleteUser(id);
		}
	}

}
