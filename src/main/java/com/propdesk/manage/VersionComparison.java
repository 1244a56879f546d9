package com.propdesk.manage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.impl.ModelInstanceImpl;
import org.camunda.bpm.model.xml.impl.util.ModelUtil;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What changed between two versions of a diagram, a decision table or a form, element by element and property by
 * property, matched by id (a rule by its id, a form field by its key). Plain Java on the files' text: the engine
 * only supplies the two versions.
 */
final class VersionComparison {

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	/** How an element differs: it is only in the newer version, only in the older one, or in both with changes. */
	enum Change {
		added("新增"), removed("删除"), changed("修改");

		final String label;

		Change(String label) {
			this.label = label;
		}
	}

	/** One property of an element before and after (null where the version has none). */
	record Property(String property, String label, String before, String after) {
	}

	/** An element (flow node, sequence flow, column, form field) that differs. */
	record Element(String id, String type, String typeLabel, String name, Change change, String changeLabel,
			List<Property> properties) {

		static Element of(String id, String type, String typeLabel, String name, Change change, List<Property> properties) {
			return new Element(id, type, typeLabel, name, change, change.label, properties);
		}
	}

	/** A decision table's rule that differs: its cells before and after, each named by its column. */
	record RuleChange(String id, Change change, String changeLabel, Integer positionBefore, Integer positionAfter,
			List<Property> cells, Map<String, String> before, Map<String, String> after) {
	}

	record ProcessDiff(List<Element> elements, List<Element> flows) {
	}

	record DecisionDiff(List<Property> table, List<Element> columns, List<RuleChange> rules, boolean orderChanged) {
	}

	record FormDiff(List<Element> fields) {
	}

	private static final Map<String, String> TYPE_LABELS = Map.ofEntries(Map.entry("userTask", "用户任务"),
			Map.entry("serviceTask", "服务任务"), Map.entry("businessRuleTask", "业务规则任务"), Map.entry("sendTask", "发送任务"),
			Map.entry("receiveTask", "接收任务"), Map.entry("scriptTask", "脚本任务"), Map.entry("manualTask", "手工任务"),
			Map.entry("task", "任务"), Map.entry("callActivity", "调用活动"), Map.entry("subProcess", "子流程"),
			Map.entry("startEvent", "开始事件"), Map.entry("endEvent", "结束事件"),
			Map.entry("intermediateCatchEvent", "中间捕获事件"), Map.entry("intermediateThrowEvent", "中间抛出事件"),
			Map.entry("boundaryEvent", "边界事件"), Map.entry("exclusiveGateway", "排他网关"),
			Map.entry("parallelGateway", "并行网关"), Map.entry("inclusiveGateway", "包容网关"),
			Map.entry("eventBasedGateway", "事件网关"), Map.entry("complexGateway", "复杂网关"),
			Map.entry("sequenceFlow", "顺序流"), Map.entry("dataObject", "数据对象"), Map.entry("dataObjectReference", "数据对象引用"),
			Map.entry("dataStoreReference", "数据存储引用"));

	/** The Camunda attributes compared on every element, with what a manager calls them. */
	private static final Map<String, String> CAMUNDA_ATTRIBUTES = linked("formRef", "表单", "formRefBinding", "表单绑定",
			"formRefVersion", "表单版本", "formKey", "表单（formKey）", "assignee", "处理人", "candidateGroups", "候选组",
			"candidateUsers", "候选人", "dueDate", "到期时间", "followUpDate", "跟进时间", "priority", "优先级",
			"delegateExpression", "委托表达式", "class", "实现类", "expression", "表达式", "resultVariable", "结果变量",
			"decisionRef", "决策表", "decisionRefBinding", "决策表绑定", "mapDecisionResult", "决策结果映射", "type", "实现类型",
			"topic", "外部任务主题", "asyncBefore", "之前异步", "asyncAfter", "之后异步", "exclusive", "独占", "calledElementBinding",
			"调用绑定", "historyTimeToLive", "历史保留期");

	private static final ObjectMapper JSON = new ObjectMapper();

	private VersionComparison() {
	}

	static String typeLabel(String type) {
		return TYPE_LABELS.getOrDefault(type, type);
	}

	// ---- BPMN ----

	static ProcessDiff processes(String before, String after) {
		BpmnModelInstance older = Bpmn.readModelFromStream(stream(before));
		BpmnModelInstance newer = Bpmn.readModelFromStream(stream(after));
		Map<String, FlowElement> olderElements = flowElements(older);
		Map<String, FlowElement> newerElements = flowElements(newer);
		List<Element> elements = new ArrayList<>();
		List<Element> flows = new ArrayList<>();
		for (String id : union(olderElements.keySet(), newerElements.keySet())) {
			FlowElement a = olderElements.get(id);
			FlowElement b = newerElements.get(id);
			FlowElement either = b != null ? b : a;
			Map<String, String> propsA = a == null ? Map.of() : properties(a);
			Map<String, String> propsB = b == null ? Map.of() : properties(b);
			Change change = a == null ? Change.added : b == null ? Change.removed : null;
			List<Property> differing = differing(propsA, propsB);
			if (change == null && differing.isEmpty()) {
				continue;
			}
			if (change == null && !a.getElementType().getTypeName().equals(b.getElementType().getTypeName())) {
				differing.add(0, new Property("type", "类型", typeLabel(a.getElementType().getTypeName()),
						typeLabel(b.getElementType().getTypeName())));
			}
			String type = either.getElementType().getTypeName();
			Element element = Element.of(id, type, typeLabel(type), either.getName(), change == null ? Change.changed : change,
					change == Change.added ? only(propsB, change) : change == Change.removed ? only(propsA, change) : differing);
			(either instanceof SequenceFlow ? flows : elements).add(element);
		}
		return new ProcessDiff(elements, flows);
	}

	private static Map<String, FlowElement> flowElements(BpmnModelInstance model) {
		Map<String, FlowElement> byId = new LinkedHashMap<>();
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			if (element instanceof FlowNode || element instanceof SequenceFlow) {
				byId.put(element.getId(), element);
			}
		}
		return byId;
	}

	/** Everything compared on one element, by property name; absent properties are left out. */
	private static Map<String, String> properties(FlowElement element) {
		Map<String, String> properties = new LinkedHashMap<>();
		put(properties, "name", element.getName());
		CAMUNDA_ATTRIBUTES.keySet().forEach(attribute -> put(properties, attribute, element.getAttributeValueNs(CAMUNDA, attribute)));
		put(properties, "calledElement", element.getAttributeValue("calledElement"));
		if (element instanceof SequenceFlow flow) {
			put(properties, "source", flow.getSource() == null ? null : flow.getSource().getId());
			put(properties, "target", flow.getTarget() == null ? null : flow.getTarget().getId());
			put(properties, "condition", flow.getConditionExpression() == null ? null : flow.getConditionExpression().getTextContent());
		}
		for (TimerEventDefinition timer : descendants(element, TimerEventDefinition.class)) {
			put(properties, "timeDate", timer.getTimeDate() == null ? null : timer.getTimeDate().getTextContent());
			put(properties, "timeDuration", timer.getTimeDuration() == null ? null : timer.getTimeDuration().getTextContent());
			put(properties, "timeCycle", timer.getTimeCycle() == null ? null : timer.getTimeCycle().getTextContent());
		}
		for (MessageEventDefinition message : descendants(element, MessageEventDefinition.class)) {
			put(properties, "message", message.getMessage() == null ? null : message.getMessage().getName());
		}
		for (SignalEventDefinition signal : descendants(element, SignalEventDefinition.class)) {
			put(properties, "signal", signal.getSignal() == null ? null : signal.getSignal().getName());
		}
		for (ErrorEventDefinition error : descendants(element, ErrorEventDefinition.class)) {
			put(properties, "error", error.getError() == null ? "（任意错误）"
					: error.getError().getErrorCode() + (error.getError().getName() == null ? "" : "（" + error.getError().getName() + "）"));
		}
		for (EscalationEventDefinition escalation : descendants(element, EscalationEventDefinition.class)) {
			put(properties, "escalation", escalation.getEscalation() == null ? null : escalation.getEscalation().getEscalationCode());
		}
		for (CamundaInputParameter input : descendants(element, CamundaInputParameter.class)) {
			put(properties, "input:" + input.getCamundaName(), input.getTextContent());
		}
		for (CamundaOutputParameter output : descendants(element, CamundaOutputParameter.class)) {
			put(properties, "output:" + output.getCamundaName(), output.getTextContent());
		}
		String documentation = element.getDocumentations().stream().map(Documentation::getTextContent)
				.collect(Collectors.joining("\n"));
		put(properties, "documentation", documentation);
		return properties;
	}

	/** What a manager calls a property of a diagram's element. */
	static String label(String property) {
		if (property.startsWith("input:")) {
			return "输入参数 " + property.substring(6);
		}
		if (property.startsWith("output:")) {
			return "输出参数 " + property.substring(7);
		}
		return switch (property) {
			case "name" -> "名称";
			case "calledElement" -> "调用的流程";
			case "source" -> "起点";
			case "target" -> "终点";
			case "condition" -> "条件";
			case "timeDate" -> "定时（时间点）";
			case "timeDuration" -> "定时（时长）";
			case "timeCycle" -> "定时（周期）";
			case "message" -> "消息";
			case "signal" -> "信号";
			case "error" -> "错误";
			case "escalation" -> "升级";
			case "documentation" -> "说明";
			default -> CAMUNDA_ATTRIBUTES.getOrDefault(property, property);
		};
	}

	/**
	 * Event definitions sit on the element itself, parameters under its extension elements; a nested flow element
	 * (inside a sub-process) is compared on its own.
	 */
	private static <T extends ModelElementInstance> List<T> descendants(ModelElementInstance element, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (DomElement dom : element.getDomElement().getChildElements()) {
			ModelElementInstance child = ModelUtil.getModelElement(dom, (ModelInstanceImpl) element.getModelInstance());
			if (type.isInstance(child)) {
				found.add(type.cast(child));
			}
			if (!(child instanceof FlowElement)) {
				found.addAll(descendants(child, type));
			}
		}
		return found;
	}

	// ---- DMN ----

	static DecisionDiff decisions(String decisionKey, String before, String after) {
		DecisionTable older = table(Dmn.readModelFromStream(stream(before)), decisionKey);
		DecisionTable newer = table(Dmn.readModelFromStream(stream(after)), decisionKey);
		List<Property> table = differing(linked("hitPolicy", String.valueOf(older.getHitPolicy())),
				linked("hitPolicy", String.valueOf(newer.getHitPolicy()))).stream()
				.map(p -> new Property(p.property(), "命中策略", p.before(), p.after())).collect(Collectors.toCollection(ArrayList::new));

		List<Element> columns = new ArrayList<>();
		Map<String, Map<String, String>> olderColumns = columns(older);
		Map<String, Map<String, String>> newerColumns = columns(newer);
		for (String id : union(olderColumns.keySet(), newerColumns.keySet())) {
			Map<String, String> a = olderColumns.getOrDefault(id, Map.of());
			Map<String, String> b = newerColumns.getOrDefault(id, Map.of());
			Change change = a.isEmpty() ? Change.added : b.isEmpty() ? Change.removed : Change.changed;
			List<Property> properties = columnProperties(change == Change.changed ? differing(a, b) : only(change == Change.added ? b : a, change));
			if (change == Change.changed && properties.isEmpty()) {
				continue;
			}
			Map<String, String> either = b.isEmpty() ? a : b;
			String kind = either.get("kind");
			columns.add(Element.of(id, kind, "input".equals(kind) ? "条件列" : "结果列", either.get("label"), change, properties));
		}

		Map<String, Rule> olderRules = rules(older);
		Map<String, Rule> newerRules = rules(newer);
		List<String> olderOrder = new ArrayList<>(olderRules.keySet());
		List<String> newerOrder = new ArrayList<>(newerRules.keySet());
		List<RuleChange> rules = new ArrayList<>();
		for (String id : union(olderRules.keySet(), newerRules.keySet())) {
			Map<String, String> a = olderRules.containsKey(id) ? cells(older, olderRules.get(id)) : null;
			Map<String, String> b = newerRules.containsKey(id) ? cells(newer, newerRules.get(id)) : null;
			Change change = a == null ? Change.added : b == null ? Change.removed : Change.changed;
			List<Property> cells = differing(a == null ? Map.of() : a, b == null ? Map.of() : b).stream()
					.map(p -> new Property(p.property(), p.property(), p.before(), p.after())).toList();
			if (change == Change.changed && cells.isEmpty()) {
				continue;
			}
			rules.add(new RuleChange(id, change, change.label, a == null ? null : olderOrder.indexOf(id) + 1,
					b == null ? null : newerOrder.indexOf(id) + 1, change == Change.changed ? cells : List.of(), a, b));
		}
		List<String> commonBefore = olderOrder.stream().filter(newerRules::containsKey).toList();
		List<String> commonAfter = newerOrder.stream().filter(olderRules::containsKey).toList();
		return new DecisionDiff(table, columns, rules, !commonBefore.equals(commonAfter));
	}

	private static DecisionTable table(DmnModelInstance model, String decisionKey) {
		ModelElementInstance element = model.getModelElementById(decisionKey);
		if (element instanceof Decision decision && decision.getExpression() instanceof DecisionTable table) {
			return table;
		}
		throw new IllegalArgumentException("No decision table " + decisionKey);
	}

	private static Map<String, Map<String, String>> columns(DecisionTable table) {
		Map<String, Map<String, String>> columns = new LinkedHashMap<>();
		for (Input input : table.getInputs()) {
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("kind", "input");
			put(properties, "label", input.getLabel());
			if (input.getInputExpression() != null) {
				put(properties, "expression", input.getInputExpression().getText() == null ? null
						: input.getInputExpression().getText().getTextContent());
				put(properties, "typeRef", input.getInputExpression().getTypeRef());
			}
			put(properties, "inputVariable", input.getCamundaInputVariable());
			columns.put(input.getId(), properties);
		}
		for (Output output : table.getOutputs()) {
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("kind", "output");
			put(properties, "label", output.getLabel());
			put(properties, "name", output.getName());
			put(properties, "typeRef", output.getTypeRef());
			columns.put(output.getId(), properties);
		}
		return columns;
	}

	private static List<Property> columnProperties(List<Property> properties) {
		return properties.stream().filter(p -> !"kind".equals(p.property())).map(p -> new Property(p.property(),
				switch (p.property()) {
					case "label" -> "列名";
					case "expression" -> "输入表达式";
					case "typeRef" -> "类型";
					case "inputVariable" -> "输入变量";
					case "name" -> "结果名";
					default -> p.property();
				}, p.before(), p.after())).toList();
	}

	private static Map<String, Rule> rules(DecisionTable table) {
		Map<String, Rule> rules = new LinkedHashMap<>();
		table.getRules().forEach(rule -> rules.put(rule.getId(), rule));
		return rules;
	}

	/** A rule's cells by column name (the column's label, else its id), then its annotation. */
	private static Map<String, String> cells(DecisionTable table, Rule rule) {
		Map<String, String> cells = new LinkedHashMap<>();
		Iterator<Input> inputs = table.getInputs().iterator();
		for (var entry : rule.getInputEntries()) {
			Input input = inputs.hasNext() ? inputs.next() : null;
			cells.put(input == null ? entry.getId() : columnName(input.getLabel(), input.getId()),
					entry.getText() == null ? "" : entry.getText().getTextContent());
		}
		Iterator<Output> outputs = table.getOutputs().iterator();
		for (var entry : rule.getOutputEntries()) {
			Output output = outputs.hasNext() ? outputs.next() : null;
			cells.put(output == null ? entry.getId() : columnName(output.getLabel(), output.getName()),
					entry.getText() == null ? "" : entry.getText().getTextContent());
		}
		cells.put("注释", rule.getDescription() == null ? "" : rule.getDescription().getTextContent());
		return cells;
	}

	private static String columnName(String label, String fallback) {
		return label == null || label.isBlank() ? fallback : label;
	}

	// ---- forms ----

	static FormDiff forms(String before, String after) {
		Map<String, JsonNode> olderFields = fields(before);
		Map<String, JsonNode> newerFields = fields(after);
		List<Element> fields = new ArrayList<>();
		for (String key : union(olderFields.keySet(), newerFields.keySet())) {
			Map<String, String> a = olderFields.containsKey(key) ? fieldProperties(olderFields.get(key)) : Map.of();
			Map<String, String> b = newerFields.containsKey(key) ? fieldProperties(newerFields.get(key)) : Map.of();
			Change change = a.isEmpty() ? Change.added : b.isEmpty() ? Change.removed : Change.changed;
			List<Property> properties = change == Change.changed ? differing(a, b) : only(change == Change.added ? b : a, change);
			if (change == Change.changed && properties.isEmpty()) {
				continue;
			}
			Map<String, String> either = b.isEmpty() ? a : b;
			fields.add(Element.of(key, either.get("type"), either.get("type"), either.get("label"), change,
					properties.stream().map(p -> new Property(p.property(), formLabel(p.property()), p.before(), p.after())).toList()));
		}
		return new FormDiff(fields);
	}

	/**
	 * Every component at any depth (groups nest them): a field by its key, a component without one (a text block,
	 * a group) by its id — the text staff read on the form is part of the form.
	 */
	private static Map<String, JsonNode> fields(String formJson) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		try {
			collect(JSON.readTree(formJson), fields);
		}
		catch (java.io.IOException e) {
			throw new IllegalArgumentException("Form is not JSON: " + e.getMessage(), e);
		}
		return fields;
	}

	private static void collect(JsonNode node, Map<String, JsonNode> fields) {
		for (JsonNode component : node.path("components")) {
			if (component.hasNonNull("key")) {
				fields.put(component.get("key").asText(), component);
			}
			else if (component.hasNonNull("id")) {
				fields.put(component.get("id").asText(), component);
			}
			collect(component, fields);
		}
	}

	private static final List<String> FIELD_PROPERTIES = List.of("type", "label", "text", "description", "validate", "values",
			"valuesKey", "valuesExpression", "conditional", "readonly", "disabled", "defaultValue");

	private static Map<String, String> fieldProperties(JsonNode field) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (String property : FIELD_PROPERTIES) {
			JsonNode value = field.get(property);
			if (value != null && !value.isNull()) {
				properties.put(property, value.isValueNode() ? value.asText() : value.toString());
			}
		}
		return properties;
	}

	private static String formLabel(String property) {
		return switch (property) {
			case "type" -> "字段类型";
			case "label" -> "标签";
			case "text" -> "文字内容";
			case "description" -> "说明";
			case "validate" -> "校验";
			case "values" -> "选项";
			case "valuesKey" -> "选项来源";
			case "valuesExpression" -> "选项表达式";
			case "conditional" -> "显示条件";
			case "readonly" -> "只读";
			case "disabled" -> "禁用";
			case "defaultValue" -> "默认值";
			default -> property;
		};
	}

	// ---- shared ----

	private static List<Property> differing(Map<String, String> before, Map<String, String> after) {
		List<Property> differing = new ArrayList<>();
		for (String property : union(before.keySet(), after.keySet())) {
			if (!Objects.equals(before.get(property), after.get(property))) {
				differing.add(new Property(property, label(property), before.get(property), after.get(property)));
			}
		}
		return differing;
	}

	/** The properties of an element that is only in one version, as if the other had none. */
	private static List<Property> only(Map<String, String> properties, Change change) {
		return properties.entrySet().stream().map(e -> new Property(e.getKey(), label(e.getKey()),
				change == Change.removed ? e.getValue() : null, change == Change.added ? e.getValue() : null)).toList();
	}

	/** Keys of the older version in their order, then the newer version's new ones in theirs. */
	private static Set<String> union(Collection<String> older, Collection<String> newer) {
		Set<String> all = new LinkedHashSet<>(older);
		all.addAll(newer);
		return all;
	}

	private static void put(Map<String, String> properties, String name, String value) {
		if (value != null && !value.isBlank()) {
			properties.put(name, value.strip());
		}
	}

	private static Map<String, String> linked(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
