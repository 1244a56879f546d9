package com.propdesk.elderly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.system.FieldProblem;

/** The care record's and the visit's rules, without an engine. */
class CareRulesTests {

	static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

	@Test
	void theNextVisitOpensWhenTheLastWasDueAndIsDueOneIntervalLater() {
		assertThat(CareRules.nextWindow(null, "P1W", NOW)).containsExactly(NOW, NOW.plusWeeks(1));
		assertThat(CareRules.nextWindow(NOW.plusDays(3), "P2W", NOW)).containsExactly(NOW.plusDays(3), NOW.plusDays(17));
		// a month is the calendar's: 31 January → 28 February
		OffsetDateTime january = OffsetDateTime.parse("2027-01-31T09:00:00+08:00");
		assertThat(CareRules.nextWindow(january, "P1M", january)[1]).isEqualTo(OffsetDateTime.parse("2027-02-28T09:00:00+08:00"));
		assertThat(CareRules.nextWindow(NOW.minusDays(30), "P1W", NOW)).as("long past: from now").containsExactly(NOW, NOW.plusWeeks(1));
	}

	@Test
	void intervalsAreReadAsCodesOrTheirChineseNames() {
		assertThat(CareRules.interval("每两周")).contains("P2W");
		assertThat(CareRules.interval("p1m")).contains("P1M");
		assertThat(CareRules.interval("每天")).isEmpty();
	}

	@Test
	void healthNotesNeedConsentAndPhonesAreWrittenAsTheRegistryWritesThem() {
		List<FieldProblem> problems = new ArrayList<>();
		var settings = CareRules.settings(new CareRules.CareRequest(List.of(new CareRules.ContactRequest("李明", "女儿", "139 1234 5678")),
				"哮喘", false, "P1W", "service-desk"), problems);
		assertThat(problems).extracting(FieldProblem::field).containsExactly("healthConsent");
		assertThat(settings.contacts().get(0).phone()).isEqualTo("13912345678");
	}

	@Test
	void aVisitNeedsItsChecksAndEachRequestItsText() {
		Map<String, String> checks = new LinkedHashMap<>(Map.of("燃气", "ok"));
		assertThatThrownBy(() -> CareRules.findings(null, checks, null, false, null, null, List.of(), false, null, false, null))
				.hasMessageContaining("住户状况");
		checks.put("用水", null);
		assertThatThrownBy(() -> CareRules.findings("good", checks, null, false, null, null, List.of(), false, null, false, null))
				.hasMessageContaining("用水");
		checks.put("用水", "problem");
		assertThatThrownBy(() -> CareRules.findings("good", checks, null, false, null, null, List.of(), true, " ", false, null))
				.hasMessageContaining("代办");
		var findings = CareRules.findings("good", checks, null, false, null, null, List.of(), true, "代买药", false, null);
		assertThat(findings.checksText()).isEqualTo("燃气正常、用水异常");
		assertThat(findings.requestsText()).isEqualTo("代办：代买药");
	}

	@Test
	void theVisitFormOffersTheWellbeingTheRulesName() throws Exception {
		Map<String, String> offered = new LinkedHashMap<>();
		for (JsonNode component : new ObjectMapper().readTree(Path.of("forms", "elderly-visit-visit.form").toFile()).path("components")) {
			if ("wellbeing".equals(component.path("key").asText())) {
				component.path("values").forEach(v -> offered.put(v.path("value").asText(), v.path("label").asText()));
			}
		}
		assertThat(offered).containsExactlyEntriesOf(CareRules.WELLBEING);
	}

}
