package com.propdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Mainland mobile and landline numbers as people write them, each written one way; anything else refused. */
class PhoneNumbersTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"13800000000|13800000000",
			"138 0000 0000|13800000000",
			"138-0000-0000|13800000000",
			"+86 13800000000|13800000000",
			"+86-138-0000-0000|13800000000",
			"008613800000000|13800000000",
			"0086 139 1234 5678|13912345678",
			"１３８００００００００|13800000000",
			"19912345678|19912345678",
			"010-12345678|010-12345678",
			"01012345678|010-12345678",
			"(010) 1234 5678|010-12345678",
			"021-6123-4567|021-61234567",
			"0755-1234567|0755-1234567",
			"0755 12345678|0755-12345678",
			"075512345678|0755-12345678",
			"0571-87654321 转 801|0571-87654321-801",
			"0571-87654321-801|0571-87654321-801",
			"0571-87654321 ext 801|0571-87654321-801",
			"010-12345678#9|010-12345678-9" })
	void aNumberAsPeopleWriteItIsWrittenOneWay(String written, String normalised) {
		assertThat(PhoneNumbers.normalise(written)).contains(normalised);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "", " ", "x", "call me", "12800000000", "1380000000", "138000000000", "23800000000",
			"+1 415 555 0100", "010-123456", "010-0123456", "0755-123456789", "13800000000转12", "110", "10086",
			"13800000000; drop table", "0-12345678" })
	void anythingElseIsRefused(String written) {
		assertThat(PhoneNumbers.normalise(written)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "13800000000", "138 0000 0000", "+86 138-0000-0000", "010-12345678", "0755 1234567",
			"0571-87654321 转 801" })
	void theFormsPatternLetsTheUsualSpellingsThrough(String written) {
		assertThat(Pattern.compile(PhoneNumbers.FORM_PATTERN).matcher(written).find()).isTrue();
	}

	@org.junit.jupiter.api.Test
	void everyFormsPhoneFieldCarriesThisPattern() throws Exception {
		var json = new com.fasterxml.jackson.databind.ObjectMapper();
		int phones = 0;
		try (var forms = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("forms"), "*.form")) {
			for (var form : forms) {
				for (var field : json.readTree(form.toFile()).findParents("key")) {
					if (field.path("key").asText().equals("reporterPhone") && !field.path("readonly").asBoolean()) {
						assertThat(field.path("validate").path("pattern").asText()).as(form.toString()).isEqualTo(PhoneNumbers.FORM_PATTERN);
						phones++;
					}
				}
			}
		}
		assertThat(phones).as("the start forms of repair, complaint, emergency, inquiry and mediation").isEqualTo(5);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "call me", "12800000000", "1380000000", "+1 415 555 0100", "010-123" })
	void theFormsPatternStopsWhatIsClearlyWrong(String written) {
		assertThat(Pattern.compile(PhoneNumbers.FORM_PATTERN).matcher(written).find()).isFalse();
	}

}
