package com.propdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.bpmn.behavior.ClassDelegateActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.listener.ClassDelegateExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.ClassDelegateTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.PropDeskTest;

/**
 * The engine's own lines behind the deployment guard, each tested without the guard: the parse listener,
 * the refusal to create objects by class name, and the expression resolver that refuses reflection.
 */
@PropDeskTest
class EngineLinesTests {

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	@Autowired
	FilterService filterService;

	@Autowired
	TaskService taskService;

	final UnsafeBehaviourParseListener listener = new UnsafeBehaviourParseListener();

	final Element processElement = new Element("", "process", "process", null, null);

	@Test
	void parseListenerRefusesShellMailClassAndScriptBehaviours() {
		ProcessDefinitionEntity shell = new ProcessDefinitionEntity();
		shell.createActivity("Task_Shell").setActivityBehavior(new ShellActivityBehavior());
		assertThatThrownBy(() -> listener.parseProcess(processElement, shell)).isInstanceOf(BpmnParseException.class)
				.hasMessageContaining("Task_Shell").hasMessageContaining("ShellActivityBehavior");

		ProcessDefinitionEntity javaClass = new ProcessDefinitionEntity();
		javaClass.createActivity("Task_Class").setActivityBehavior(new ClassDelegateActivityBehavior("com.evil.X", List.of()));
		assertThatThrownBy(() -> listener.parseProcess(processElement, javaClass)).hasMessageContaining("Task_Class");
	}

	@Test
	void parseListenerRefusesClassListenersOnActivitiesTasksAndTheProcess() {
		ProcessDefinitionEntity execution = new ProcessDefinitionEntity();
		execution.createActivity("Task_Listened").addListener("start", new ClassDelegateExecutionListener("com.evil.L", List.of()));
		assertThatThrownBy(() -> listener.parseProcess(processElement, execution))
				.hasMessageContaining("Task_Listened").hasMessageContaining("ClassDelegateExecutionListener");

		ProcessDefinitionEntity process = new ProcessDefinitionEntity();
		process.setId("p");
		process.addListener("start", new ClassDelegateExecutionListener("com.evil.L", List.of()));
		assertThatThrownBy(() -> listener.parseProcess(processElement, process)).hasMessageContaining("ClassDelegateExecutionListener");

		ProcessDefinitionEntity task = new ProcessDefinitionEntity();
		TaskDefinition definition = new TaskDefinition(null);
		definition.addTaskListener("create", new ClassDelegateTaskListener("com.evil.L", List.of()));
		task.createActivity("Task_User").setActivityBehavior(new UserTaskActivityBehavior(configuration.getExpressionManager(), definition));
		assertThatThrownBy(() -> listener.parseProcess(processElement, task))
				.hasMessageContaining("Task_User").hasMessageContaining("ClassDelegateTaskListener");
	}

	/** The engine's own parser, as a deployment would run it, but without the deployment guard in front. */
	private void parseWithoutTheGuard(String diagram) {
		BpmnDeployer deployer = configuration.getDeployers().stream().filter(BpmnDeployer.class::isInstance)
				.map(BpmnDeployer.class::cast).findFirst().orElseThrow();
		configuration.getCommandExecutorTxRequired().execute(context -> {
			BpmnParse parse = deployer.getBpmnParser().createParse();
			parse.deployment(new DeploymentEntity());
			parse.sourceString(diagram);
			parse.name("unguarded.bpmn");
			parse.execute();
			return null;
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"<bpmn:serviceTask id='s' NS:class='org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior'/>|引擎拒绝：活动 s",
			"<bpmn:serviceTask id='s' NS:type='shell'><bpmn:extensionElements><NS:field name='command' stringValue='id'/></bpmn:extensionElements></bpmn:serviceTask>|引擎拒绝按类名创建 Java 对象",
			"<bpmn:serviceTask id='s' NS:expression='${true}'><bpmn:extensionElements><NS:executionListener class='com.evil.L' event='start'/></bpmn:extensionElements></bpmn:serviceTask>|ClassDelegateExecutionListener",
			"<bpmn:userTask id='u'><bpmn:extensionElements><NS:taskListener class='com.evil.L' event='create'/></bpmn:extensionElements></bpmn:userTask>|ClassDelegateTaskListener",
			"<bpmn:callActivity id='c' calledElement='repair' NS:variableMappingClass='com.evil.Mapping'/>|Java 类 com.evil.Mapping" })
	void theEngineItselfRefusesWhatTheGuardRefusesInEitherNamespace(String body, String reason) {
		for (String prefix : new String[] { "camunda", "activiti" }) {
			assertThatThrownBy(() -> parseWithoutTheGuard(DeploymentGuardTests.process(body.replace("NS:", prefix + ":"))))
					.hasMessageContaining(reason);
		}
	}

	@Test
	void expressionsThatReachTheEngineOtherwiseCannotWalkToReflection() {
		// a stored filter is an expression that never passes the deployment guard
		Filter filter = filterService.newTaskFilter("reflective")
				.setQuery(taskService.createTaskQuery().taskAssigneeExpression("${'agent'.class.name}"));
		filterService.saveFilter(filter);
		try {
			assertThatThrownBy(() -> filterService.list(filter.getId())).hasStackTraceContaining("表达式不得读取反射属性 class");
		}
		finally {
			filterService.deleteFilter(filter.getId());
		}
		Filter plain = filterService.newTaskFilter("plain").setQuery(taskService.createTaskQuery().taskAssigneeExpression("${'agent'}"));
		filterService.saveFilter(plain);
		try {
			assertThat(filterService.list(plain.getId())).isEmpty();
		}
		finally {
			filterService.deleteFilter(plain.getId());
		}
	}

	@Test
	void reflectivePropertyNamesAreRefusedAndPlainOnesAllowed() {
		assertThat(ExpressionPolicy.isPlainProperty("decided")).isTrue();
		assertThat(ExpressionPolicy.isPlainProperty("classification")).isTrue();
		for (String name : List.of("class", "classLoader", "declaringClass", "module", "protectionDomain", "enclosingClass",
				"contextClassLoader")) {
			assertThat(ExpressionPolicy.isPlainProperty(name)).as(name).isFalse();
		}
	}

}
