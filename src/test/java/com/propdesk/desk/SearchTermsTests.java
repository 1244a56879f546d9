package com.propdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the desk's search box reads what an agent typed, without a database. */
class SearchTermsTests {

	@Test
	void readsPhoneDigitsWrittenAnyWay() {
		assertThat(SearchTerms.of("+86 139-5550-7391").phoneDigits()).isEqualTo("13955507391");
		assertThat(SearchTerms.of("0086 13955507391").phoneDigits()).isEqualTo("13955507391");
		assertThat(SearchTerms.of("７３９１").lastFour()).contains("7391");
		assertThat(SearchTerms.of("391").phoneDigits()).as("fewer than four digits").isNull();
	}

	@Test
	void readsABuildingWordAndADoor() {
		SearchTerms terms = SearchTerms.of("3号楼 1201室");
		assertThat(terms.building()).isEqualTo("3");
		assertThat(terms.door()).isEqualTo("1201");
		assertThat(SearchTerms.of("三栋1201").building()).isEqualTo("三");
		assertThat(SearchTerms.of("王女士").building()).isNull();
	}

	@Test
	void aNameIsAnythingWithLetters() {
		assertThat(SearchTerms.of("晓雯").mayBeName()).isTrue();
		assertThat(SearchTerms.of("7391").mayBeName()).isFalse();
		assertThat(SearchTerms.of("r-20261127-0001").caseNo()).isEqualTo("R-20261127-0001");
	}

	@Test
	void refusesBlankLongAndControlCharacters() {
		assertThat(SearchTerms.problem(" ")).isPresent();
		assertThat(SearchTerms.problem("x".repeat(65))).isPresent();
		assertThat(SearchTerms.problem("12\u000734")).isPresent();
		assertThat(SearchTerms.problem("3栋1201")).isEmpty();
	}

	@Test
	void masksAllButTheLastFourDigits() {
		assertThat(SearchTerms.masked("138 0003 1201")).isEqualTo("*******1201");
		assertThat(SearchTerms.masked("010-12345678")).isEqualTo("*******5678");
	}

}
