package com.propdesk.labels;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.ApiClient;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.TimelineKind;
import com.propdesk.intake.TimelineKinds;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

@PropDeskTest
class LabelsTests {

	@LocalServerPort
	int port;

	@Autowired
	CaseService cases;

	@Autowired
	JdbcTemplate jdbc;

	private JsonNode labels() throws Exception {
		ApiClient.Answer answer = new ApiClient(port).call("GET", "/api/labels", null, "Authorization", basic("agent"));
		assertThat(answer.status()).isEqualTo(200);
		return answer.body();
	}

	@Test
	void staffReadEachTypesOwnCategoriesAndTheOtherNames() throws Exception {
		JsonNode labels = labels();
		assertThat(labels.at("/types/repair").asText()).isEqualTo("报修");
		assertThat(labels.at("/categories/inquiry/fees").asText()).isEqualTo("物业费");
		assertThat(labels.at("/categories/complaint/fees").asText()).isEqualTo("收费");
		assertThat(labels.at("/categories/emergency/other").asText()).isEqualTo("其他危及人身安全的情况");
		assertThat(labels.at("/categories/repair/fire").asText()).isEqualTo("消防");
		assertThat(labels.at("/categories/emergency/fire").asText()).isEqualTo("火情");
		assertThat(labels.at("/statuses/promoted").asText()).isEqualTo("已转紧急");
		assertThat(labels.at("/slas/inquiry-promised-reply").asText()).isEqualTo("承诺答复");
		assertThat(labels.at("/groups/duty-officer").asText()).isEqualTo("24小时值班");
		assertThat(labels.at("/timelineKinds/located").asText()).isEqualTo("登记地点");
		assertThat(labels.at("/priorities/P1").asText()).isEqualTo("紧急");
	}

	@Test
	void channelsAndStrangersAreRefused() throws Exception {
		ApiClient api = new ApiClient(port);
		assertThat(api.call("GET", "/api/labels", null, "X-Api-Key", "demo").status()).isEqualTo(403);
		assertThat(api.call("GET", "/api/labels", null).status()).isEqualTo(401);
	}

	/** Kinds are enums implementing TimelineKind; one not declared to the labels would show as its bare code. */
	@Test
	void everyTimelineKindInTheCodeHasALabel() throws Exception {
		JsonNode served = labels().get("timelineKinds");
		List<JavaClass> kinds = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("com.propdesk").stream()
				.filter(c -> c.isEnum() && c.isAssignableTo(TimelineKind.class)).toList();
		assertThat(kinds).hasSizeGreaterThanOrEqualTo(8);
		for (JavaClass kind : kinds) {
			for (Object constant : kind.reflect().getEnumConstants()) {
				TimelineKind timelineKind = (TimelineKind) constant;
				assertThat(served.path(timelineKind.code()).asText()).as(kind.getSimpleName() + "." + constant)
						.isEqualTo(timelineKind.label());
			}
		}
	}

	@Test
	void everyKindWrittenToATimelineHasALabel() throws Exception {
		cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水管爆裂"));
		JsonNode served = labels().get("timelineKinds");
		List<String> written = jdbc.queryForList("select distinct kind from case_event", String.class);
		assertThat(written).isNotEmpty().allSatisfy(kind -> assertThat(served.has(kind)).as(kind).isTrue());
	}

	@Test
	void oneCodeWithTwoNamesIsRefused() {
		TimelineKinds a = () -> List.of(kind("closed", "办结"));
		TimelineKinds b = () -> List.of(kind("closed", "已关闭"));
		assertThat(LabelsController.kinds(List.of(a, a))).containsEntry("closed", "办结");
		assertThatThrownBy(() -> LabelsController.kinds(List.of(a, b))).hasMessageContaining("closed");
	}

	private static TimelineKind kind(String name, String label) {
		record Kind(String name, String label) implements TimelineKind {
		}
		return new Kind(name, label);
	}

	// --- the copies forms and decision tables must keep: they cannot read Java, so they are compared with the source

	/** Form fields whose options are codes the labels name, and where in GET /api/labels their names are. */
	static String sourceOf(String form, String field) {
		return switch (field) {
			case "channel" -> "/channels";
			case "category" -> "/categories/" + form.substring(0, form.indexOf('-'));
			case "repairCategory" -> "/categories/repair";
			case "incidentType" -> "/categories/emergency";
			case "knowledgeCategory" -> "/categories/inquiry";
			case "responsibleDepartment", "specialistGroup", "department", "handBackDepartment" -> "/groups";
			case "priority" -> "/priorities";
			case "awaitedCaseOutcome" -> "/statuses";
			default -> null;
		};
	}

	/**
	 * Options that are a form's own words for a choice no other place names (how to answer, a promise, a cause, the
	 * owner's satisfaction, an outcome, yes/no); the pause reasons are the repair's and checked in RepairRulesTests.
	 */
	static final Set<String> FORMS_OWN = Set.of("answerMode", "promiseHours", "causeCategory", "visitSatisfaction",
			"repairOutcome", "pauseReason", "satisfied", "planApproved", "accepted", "takeOverDecision", "reporterAccepts",
			"otherAccepts", "measure", "gasCheck", "waterCheck", "electricityCheck", "emergencyButtonCheck", "wellbeing");

	/**
	 * Every option of every select and radio in every form names its code as the labels do; a priority reads as its
	 * code, its name and, after that, what it means ({@code P1 紧急：危及人身或财产安全}). A new select must be
	 * placed here: either its source or the forms' own words; a select whose options come from data names their
	 * source by {@code valuesKey} and holds none.
	 */
	@Test
	void everyOptionOfEveryFormNamesItsCodeAsTheLabelsDo() throws Exception {
		JsonNode labels = labels();
		ObjectMapper json = new ObjectMapper();
		List<String> checked = new ArrayList<>();
		try (Stream<Path> forms = Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted()) {
			for (Path file : forms.toList()) {
				String form = file.getFileName().toString().replace(".form", "");
				for (JsonNode field : fieldsWithOptions(json.readTree(file.toFile()), new ArrayList<>())) {
					String key = field.path("key").asText();
					// options from data (buildings, technicians on duty) are filled in when the form is served
					if (FORMS_OWN.contains(key) || field.has("valuesKey")) {
						continue;
					}
					String source = sourceOf(form, key);
					assertThat(source).as(form + "." + key + ": options with no source of their names").isNotNull();
					for (JsonNode option : field.path("values")) {
						String code = option.path("value").asText();
						String name = labels.at(source + "/" + code.replace("/", "~1")).asText(null);
						String shown = option.path("label").asText();
						assertThat(name).as(form + "." + key + ": " + code + " is not a code of " + source).isNotNull();
						if ("/priorities".equals(source)) {
							assertThat(shown).as(form + "." + key + "=" + code).startsWith(code + " " + name);
						}
						else {
							assertThat(shown).as(form + "." + key + "=" + code).isEqualTo(name);
						}
						checked.add(form + "." + key + "=" + code);
					}
				}
			}
		}
		assertThat(checked).hasSizeGreaterThan(80);
	}

	private static List<JsonNode> fieldsWithOptions(JsonNode node, List<JsonNode> found) {
		for (JsonNode component : node.path("components")) {
			if (component.has("values") || component.has("valuesKey") || component.has("valuesExpression")) {
				found.add(component);
			}
			fieldsWithOptions(component, found);
		}
		return found;
	}

	/** Decision-table columns whose cells are codes the labels name, and where their names are. */
	static String sourceOfColumn(String decision, String column) {
		return switch (column) {
			case "category" -> "/categories/" + decision.substring(0, decision.indexOf('-'));
			case "sla" -> "/slas";
			case "caseType" -> "/types";
			case "priority" -> "/priorities";
			case "department", "specialistGroup", "escalateTo" -> "/groups";
			default -> null;
		};
	}

	private static final Pattern ONE_CODE = Pattern.compile("^\\s*\"([^\"]*)\"\\s*$");

	private static final Pattern TEXT = Pattern.compile("\"([^\"]*)\"");

	/**
	 * What a decision table tells people — a rule's annotation and its text results (a reason) — names the codes the
	 * rule decides on or produces as the labels do: a rule for one SLA names that SLA, and no rule names a code of a
	 * column by another code's name (an annotation "升级管理层" on a rule escalating to the duty officer, a reason
	 * "需安保部核实" on a rule handing to engineering). Every code a column holds is one the labels know.
	 */
	@Test
	void everyNameADecisionTableGivesACodeIsTheLabelsName() throws Exception {
		JsonNode labels = labels();
		int rules = 0;
		try (Stream<Path> tables = Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".dmn")).sorted()) {
			for (Path file : tables.toList()) {
				DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
				for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
					String decision = ((org.camunda.bpm.model.dmn.instance.Decision) table.getParentElement()).getId();
					List<String> columns = new ArrayList<>();
					table.getInputs().forEach(i -> columns.add(i.getInputExpression().getText().getTextContent().trim()));
					int inputs = columns.size();
					table.getOutputs().forEach(o -> columns.add(o.getName()));
					for (Rule rule : table.getRules()) {
						rules++;
						List<String> cells = new ArrayList<>();
						rule.getInputEntries().forEach(e -> cells.add(e.getText().getTextContent()));
						rule.getOutputEntries().forEach(e -> cells.add(e.getText().getTextContent()));
						StringBuilder told = new StringBuilder(rule.getDescription() == null ? "" : rule.getDescription().getTextContent());
						Map<String, String> codes = new LinkedHashMap<>();
						for (int c = 0; c < cells.size(); c++) {
							String source = sourceOfColumn(decision, columns.get(c));
							Matcher one = ONE_CODE.matcher(cells.get(c));
							if (source != null && one.matches()) {
								codes.put(source, one.group(1));
							}
							else if (c >= inputs && source == null) {
								Matcher text = TEXT.matcher(cells.get(c));
								while (text.find()) {
									told.append(' ').append(text.group(1));
								}
							}
						}
						String where = decision + " " + rule.getId();
						String rest = told.toString();
						for (Map.Entry<String, String> code : codes.entrySet()) {
							String name = labels.at(code.getKey() + "/" + code.getValue()).asText(null);
							assertThat(name).as(where + ": " + code.getValue() + " is not a code of " + code.getKey()).isNotNull();
							if ("/slas".equals(code.getKey())) {
								assertThat(rest).as(where + " annotates SLA " + code.getValue()).contains(name);
							}
							rest = rest.replace(name, " ");
						}
						for (Map.Entry<String, String> code : codes.entrySet()) {
							String remaining = rest;
							labels.at(code.getKey()).properties().stream().map(Map.Entry::getValue).map(JsonNode::asText)
									.sorted(Comparator.comparing(String::length).reversed())
									.forEach(other -> assertThat(remaining).as(where + " decides on " + code.getValue()
											+ " but names " + other).doesNotContain(other));
						}
					}
				}
			}
		}
		assertThat(rules).isGreaterThan(40);
	}

}
