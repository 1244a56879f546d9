package com.propdesk.security;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What a Camunda Form (form-js JSON, rendered by Tasklist 7.24's form-js in the staff's browser) may
 * contain: the input components PropDesk's forms use and those form-js renders from data alone, each with
 * its own properties. Refused: {@code html}, {@code iframe}, {@code image} (an external source reports who
 * opened the task), buttons, tables and any type or property not listed; markup, entities and script
 * links in a {@code text} component's markdown, and text that is a FEEL expression or a template, since
 * those would put variable values — an owner's own words — into the page as markdown.
 */
final class FormAllowList {

	private static final Set<String> FIELD = Set.of("id", "type", "key", "label", "description", "defaultValue",
			"disabled", "readonly", "validate", "conditional", "layout", "appearance");

	private static final Set<String> OPTIONS = Set.of("values", "valuesKey", "valuesExpression");

	/** Component type → its properties. */
	static final Map<String, Set<String>> COMPONENTS = Map.ofEntries(
			Map.entry("textfield", FIELD),
			Map.entry("textarea", FIELD),
			Map.entry("number", union(FIELD, Set.of("decimalDigits", "increment", "serializeToString"))),
			Map.entry("datetime", union(FIELD, Set.of("subtype", "dateLabel", "timeLabel", "timeSerializingFormat",
					"timeInterval", "use24h", "disallowPassedDates"))),
			Map.entry("select", union(FIELD, OPTIONS, Set.of("searchable"))),
			Map.entry("radio", union(FIELD, OPTIONS)),
			Map.entry("checklist", union(FIELD, OPTIONS)),
			Map.entry("taglist", union(FIELD, OPTIONS)),
			Map.entry("checkbox", FIELD),
			Map.entry("group", Set.of("id", "type", "label", "path", "showOutline", "components", "conditional", "layout")),
			Map.entry("text", Set.of("id", "type", "text", "conditional", "layout")),
			Map.entry("separator", Set.of("id", "type", "conditional", "layout")),
			Map.entry("spacer", Set.of("id", "type", "height", "conditional", "layout")));

	static final Set<String> ROOT = Set.of("id", "type", "components", "schemaVersion", "exporter", "executionPlatform",
			"executionPlatformVersion");

	/** Properties whose value is an object, with the keys it may have. */
	static final Map<String, Set<String>> OBJECTS = Map.of(
			"validate", Set.of("required", "min", "max", "minLength", "maxLength", "pattern", "validationType"),
			"conditional", Set.of("hide"),
			"layout", Set.of("row", "columns"),
			"appearance", Set.of("prefixAdorner", "suffixAdorner"),
			"exporter", Set.of("name", "version"));

	static final Set<String> VALUE = Set.of("label", "value");

	/** Tags, comments and declarations. */
	static final Pattern TAG = Pattern.compile("<\\s*[a-zA-Z!/?]");

	/**
	 * Character references of any kind: markdown and the browser decode them inside link targets, so
	 * {@code &#106;avascript:} or {@code java&Tab;script:} would hide a script link from any check of the plain text.
	 */
	static final Pattern ENTITY = Pattern.compile("&(#|[a-zA-Z][a-zA-Z0-9]*;)");

	/**
	 * A script or data link, looked for with white space, invisible characters and markdown's backslash escapes
	 * removed, as browsers and markdown drop them.
	 */
	static final Pattern SCRIPT_LINK = Pattern.compile("\\b(javascript|vbscript|data):", Pattern.CASE_INSENSITIVE);

	/** A markdown image: its source is fetched when the task opens and would tell an outside server who opened it. */
	static final Pattern IMAGE = Pattern.compile("!\\s*\\[");

	/**
	 * A form field's key or a group's path is a plain name: form-js reads dots as paths into the submitted
	 * data, and {@code __proto__} or {@code constructor} there would reach the page's object prototypes.
	 */
	static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	static final Set<String> KEYED = Set.of("key", "path", "valuesKey");

	/** Names every JavaScript object answers to. */
	static final Set<String> OBJECT_NAMES = Set.of("constructor", "prototype", "toString", "valueOf", "hasOwnProperty");

	private final ObjectMapper json = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

	/** @return why the form is refused, each with the id of the component it is about; empty when it is allowed */
	List<Reasons.Reason> check(String resource, byte[] content) {
		JsonNode root;
		try {
			root = json.readTree(content);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			return List.of(new Reasons.Reason(null, "不是有效的 JSON 表单（" + e.getOriginalMessage() + "）"));
		}
		catch (java.io.IOException e) {
			return List.of(new Reasons.Reason(null, "不是有效的 JSON 表单"));
		}
		Reasons problems = new Reasons();
		if (root == null || !root.isObject()) {
			return List.of(new Reasons.Reason(null, "不是 Camunda 表单（应为 JSON 对象）"));
		}
		String baseName = resource.substring(resource.lastIndexOf('/') + 1);
		baseName = baseName.substring(0, baseName.length() - ".form".length());
		if (!baseName.equals(root.path("id").asText(null))) {
			problems.add("表单 id 必须等于文件名 " + baseName + "（现为 " + root.path("id") + "）");
		}
		if (!"default".equals(root.path("type").asText())) {
			problems.add("表单的 type 必须是 default");
		}
		properties(root, null, "表单", ROOT, problems);
		components(root.get("components"), problems);
		return problems.list();
	}

	private void components(JsonNode components, Reasons problems) {
		if (components == null) {
			return;
		}
		if (!components.isArray()) {
			problems.add("components 必须是数组");
			return;
		}
		for (JsonNode component : components) {
			String type = component.path("type").asText("");
			String id = component.path("id").asText(null);
			String where = "组件 " + (id == null ? "（无 id）" : id) + "（" + type + "）";
			Set<String> allowed = COMPONENTS.get(type);
			if (!component.isObject() || allowed == null) {
				problems.add(id, where + "：组件类型 " + type + " 不允许（允许：" + String.join("、", COMPONENTS.keySet().stream().sorted().toList()) + "）");
				continue;
			}
			properties(component, id, where, allowed, problems);
			JsonNode text = component.get("text");
			if (text != null) {
				String markdown = text.asText();
				// markdown drops a backslash before punctuation (javascript\: is a javascript: link)
				String compact = markdown.replaceAll("[\\s\\p{Cc}\\p{Cf}\\\\]", "");
				if (!text.isTextual() || TAG.matcher(markdown).find() || ENTITY.matcher(markdown).find()
						|| SCRIPT_LINK.matcher(compact).find()) {
					problems.add(id, where + "：文本不允许 HTML 标记、实体或 javascript:/data: 链接");
				}
				if (IMAGE.matcher(markdown).find()) {
					problems.add(id, where + "：文本不允许图片（外部图片地址会记录谁打开了任务）");
				}
				if (markdown.trim().startsWith("=") || markdown.contains("{{")) {
					problems.add(id, where + "：文本不允许 FEEL 表达式或 {{ }} 模板");
				}
			}
			JsonNode values = component.get("values");
			if (values != null) {
				if (!values.isArray()) {
					problems.add(id, where + "：values 必须是数组");
				}
				for (JsonNode value : values) {
					properties(value, id, where + " 的选项", VALUE, problems);
				}
			}
			components(component.get("components"), problems);
		}
	}

	private static void properties(JsonNode node, String id, String where, Set<String> allowed, Reasons problems) {
		if (!node.isObject()) {
			problems.add(id, where + "：应为 JSON 对象");
			return;
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String name = field.getKey();
			if (!allowed.contains(name)) {
				problems.add(id, where + "：属性 " + name + " 不允许");
			}
			else if (KEYED.contains(name) && !KEY.matcher(field.getValue().asText("")).matches()) {
				problems.add(id, where + "：" + name + " 只能是字母开头的字母、数字和下划线（现为 " + field.getValue() + "）");
			}
			else if (KEYED.contains(name) && OBJECT_NAMES.contains(field.getValue().asText())) {
				problems.add(id, where + "：" + name + " 不能是 " + field.getValue() + "（浏览器中每个对象都有这个名称）");
			}
			else if (field.getValue().isTextual() && !"text".equals(name) && field.getValue().asText().strip().startsWith("=")) {
				feel(name, field.getValue().asText().strip().substring(1), id, where, problems);
			}
			else if (field.getValue().isTextual() && !"text".equals(name) && TAG.matcher(field.getValue().asText()).find()) {
				problems.add(id, where + "：属性 " + name + " 不允许 HTML 标记");
			}
			else if (OBJECTS.containsKey(name)) {
				properties(field.getValue(), id, where + " 的 " + name, OBJECTS.get(name), problems);
			}
			else if (field.getValue().isObject() && !"components".equals(name)) {
				problems.add(id, where + "：属性 " + name + " 不能是对象");
			}
		}
	}

	/**
	 * A FEEL expression in a form runs in every staff browser that opens the task (form-js evaluates it as the form
	 * renders): one such as {@code =string(count(for i in 1..100000000 return i))} in a label froze the tab. Only the
	 * condition that hides a field may be one, and only variables compared with values.
	 */
	private static void feel(String name, String expression, String id, String where, Reasons problems) {
		if (!"hide".equals(name)) {
			problems.add(id, where + "：属性 " + name + " 不允许 FEEL 表达式（只有隐藏条件 conditional.hide 可以写条件）");
			return;
		}
		String hint = FeelCells.problem(FeelCells.Kind.FORM_CONDITION, expression);
		if (hint != null) {
			problems.add(id, where + "：隐藏条件 " + XmlResources.shorten(expression.strip()) + " 不允许：" + hint);
		}
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		Set<String> all = new java.util.HashSet<>();
		for (Set<String> set : sets) {
			all.addAll(set);
		}
		return Set.copyOf(all);
	}

}
