package com.propdesk.labels;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
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

}
