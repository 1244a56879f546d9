package com.propdesk.security;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Which JUEL expressions a deployed diagram may contain, decided on the parsed expression: either
 * the whole expression names one allow-listed PropDesk bean ({@code ${dispatchTechnicianDelegate}}),
 * or it only reads and compares process variables ({@code ${repairOutcome == 'done'}},
 * {@code ${triage.decided}}) — no method or function calls, no dynamic property access, no beans and
 * none of the engine objects an expression could reach the engine through.
 */
public final class ExpressionPolicy {

	/** Names the engine resolves to its own objects, from which getters lead anywhere. */
	static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
			"variableScope", "processEngine", "processEngineServices", "applicationContext", "environment",
			"systemProperties", "systemEnvironment");

	/**
	 * Property names that lead from any object to Java reflection: {@code ${caseNo.class.classLoader}}
	 * walks getters to a class loader without calling a method. A property read is allowed only when its
	 * name is an identifier that is none of these and names no class.
	 */
	static final Set<String> REFLECTIVE = Set.of("class", "classLoader", "declaringClass", "module", "protectionDomain",
			"codeSource", "componentType", "superclass", "genericSuperclass", "interfaces", "genericInterfaces",
			"nestHost", "nestMembers", "enclosingMethod", "enclosingConstructor", "methods", "declaredMethods", "fields",
			"declaredFields", "constructors", "declaredConstructors", "recordComponents", "annotations",
			"declaredAnnotations", "package", "layer", "unnamedModule", "runtime", "contextClassLoader", "threadGroup",
			"signers", "typeParameters", "enumConstants");

	private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final Set<String> beans;

	private final Set<String> schedules;

	public ExpressionPolicy(Set<String> beans) {
		this(beans, Set.of());
	}

	/**
	 * @param schedules beans whose text properties a timer reads as its whole expression
	 *                  ({@code ${shiftChanges.cron}}): a start timer has no variables, so its time
	 *                  from configuration can only come from a bean
	 */
	public ExpressionPolicy(Set<String> beans, Set<String> schedules) {
		this.beans = Set.copyOf(beans);
		this.schedules = Set.copyOf(schedules);
	}

	/** Whether a property read of this name may be evaluated: an identifier that does not lead to reflection. */
	public static boolean isPlainProperty(String name) {
		return name != null && PROPERTY.matcher(name).matches() && !REFLECTIVE.contains(name)
				&& !name.endsWith("Class") && !name.endsWith("Classes") && !name.contains("ClassLoader");
	}

	/**
	 * For attributes the engine turns into a delegate: the whole expression names one allow-listed
	 * PropDesk bean, nothing else.
	 * @return why the expression is refused; empty when it is a bean reference
	 */
	public List<String> checkBeanReference(String expression) {
		String name = expression.trim();
		if (name.startsWith("${") && name.endsWith("}")) {
			name = name.substring(2, name.length() - 1).trim();
		}
		if (beans.contains(name)) {
			return List.of();
		}
		return List.of("delegateExpression 只能是 PropDesk 组件的 ${组件名}（如 ${dispatchTechnicianDelegate}），不能是 " + expression);
	}

	/** @return why the expression is refused; empty when it is allowed */
	public List<String> check(String expression) {
		Tree tree;
		try {
			// parsed as the engine parses it, method invocations included, so that they are seen and named
			tree = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(expression);
		}
		catch (TreeBuilderException e) {
			return List.of("表达式无法解析：" + expression);
		}
		Node root = tree.getRoot();
		if (root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier bean && beans.contains(bean.getName())) {
			return List.of();
		}
		if (isScheduleRead(root)) {
			return List.of();
		}
		java.util.ArrayList<String> problems = new java.util.ArrayList<>();
		walk(root, node -> {
			if (node instanceof AstMethod || node instanceof AstFunction) {
				problems.add("表达式不得调用方法或函数：" + expression);
			}
			else if (node instanceof AstBracket) {
				problems.add("表达式不得用 [] 动态取属性：" + expression);
			}
			else if (node instanceof AstIdentifier identifier) {
				if (schedules.contains(identifier.getName())) {
					problems.add("定时组件 " + identifier.getName() + " 只能整体读取一个属性（如 ${" + identifier.getName()
							+ ".cron}）：" + expression);
				}
				else if (beans.contains(identifier.getName())) {
					problems.add("组件 " + identifier.getName() + " 只能整体引用（如 ${" + identifier.getName() + "}）：" + expression);
				}
				else if (ENGINE_OBJECTS.contains(identifier.getName())) {
					problems.add("表达式不得访问引擎对象 " + identifier.getName() + "：" + expression);
				}
			}
			else if (node instanceof AstDot dot) {
				if (!(dot.getChild(0) instanceof AstIdentifier || dot.getChild(0) instanceof AstDot)) {
					problems.add("表达式只能读取流程变量的属性：" + expression);
				}
				// AstDot prints itself as ". property"
				String property = dot.toString().substring(1).trim();
				if (!isPlainProperty(property)) {
					problems.add("表达式不得读取反射属性 " + property + "：" + expression);
				}
			}
		});
		return problems.stream().distinct().toList();
	}

	/** The whole expression reads one plain property of a schedule bean, nothing else. */
	private boolean isScheduleRead(Node root) {
		if (!(root instanceof AstEval eval) || !(eval.getChild(0) instanceof AstDot dot)
				|| !(dot.getChild(0) instanceof AstIdentifier bean) || !schedules.contains(bean.getName())) {
			return false;
		}
		return isPlainProperty(dot.toString().substring(1).trim());
	}

	private static void walk(Node node, Consumer<Node> visitor) {
		if (node == null) {
			return;
		}
		visitor.accept(node);
		for (int i = 0; i < node.getCardinality(); i++) {
			walk(node.getChild(i), visitor);
		}
	}

}
