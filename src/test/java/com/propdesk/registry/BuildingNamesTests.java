package com.propdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ways people write building 5 all fold to one key; other buildings and words do not. */
class BuildingNamesTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "5", "5号楼", "5栋", "5幢", "5座", "5号", "5楼", "第5栋", "５号楼", "５", " 5 号楼 ", "5 栋", "五号楼",
			"五栋", "第五幢", "5\u200B号楼" })
	void buildingFiveAsPeopleWriteIt(String written) {
		assertThat(BuildingNames.key(written)).isEqualTo("5");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "15号楼", "十五栋", "50", "5-1201", "五十", "A5", "楼", "" })
	void otherTextIsNotBuildingFive(String written) {
		assertThat(BuildingNames.key(written)).isNotEqualTo("5");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@org.junit.jupiter.params.provider.CsvSource({ "十,10", "十二,12", "二十,20", "二十三,23", "两,2", "一零一,101", "十二十,十二十" })
	void chineseNumbersUpToNinetyNine(String written, String digits) {
		assertThat(BuildingNames.chineseNumber(written)).isEqualTo(digits);
	}

	@org.junit.jupiter.api.Test
	void codesThatAreNotNumbersKeepTheirLettersInUpperCase() {
		assertThat(BuildingNames.key("a1栋")).isEqualTo("A1");
		assertThat(BuildingNames.key("Ａ１座")).isEqualTo("A1");
	}

}
