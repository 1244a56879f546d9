package com.propdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitNamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "5-801|5-801", "5-0801|5-801", "５－０８０１|5-801", " 5 - 801 |5-801", "5/801|5-801",
			"5—801|5-801", "3-1201|3-1201", "3-01201|3-1201" })
	void aUnitAsPeopleWriteItReadsAsTheEstatesCode(String written, String code) {
		assertThat(UnitNames.code(written)).isEqualTo(code);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "5801", "五号楼八零一", "5-801-2", "-801" })
	void whatItDoesNotRecogniseStaysAsWritten(String written) {
		assertThat(UnitNames.code(written)).isEqualTo(written);
	}

}
