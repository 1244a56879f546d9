package com.propdesk.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/**
 * The return-visit sample over a simulated quarter: 30 repairs a day for 90 days, numbered as the case number
 * sequence issues them (type letter, day, then one running number for the whole estate, from 1). Pure logic, no
 * engine.
 */
class ReturnVisitSamplingTests {

	static final int DAYS = 90;

	static final int REPAIRS_A_DAY = 30;

	final ReturnVisitProperties properties = new ReturnVisitProperties(0.3);

	@Test
	void aQuarterOfRepairsIsSampledAtTheConfiguredRateEveryDay() {
		List<Integer> daily = sampledPerDay(properties::sampled);

		Spread spread = Spread.of(daily, properties.sampleRate());
		assertThat(spread.rate()).as("share sampled over the quarter").isBetween(0.27, 0.33);
		// no day without return visits, none with far too many: within 3.5 standard deviations of the binomial
		// mean (9 ± 8.8 of 30 at 30 %)
		assertThat(daily).as("sampled per day").allSatisfy(n -> assertThat(n).isBetween(spread.low(), spread.high()))
				.doesNotContain(0);
		// days vary like independent draws, not in runs of consecutive numbers
		assertThat(spread.deviation()).as("standard deviation of the daily count")
				.isLessThanOrEqualTo(1.5 * spread.binomialDeviation());
	}

	@Test
	void bucketsOfTheCaseNumbersHashCodeFailTheSameChecks() {
		// what the sample used before: consecutive numbers differ by a few units of hashCode and fell into runs
		List<Integer> daily = sampledPerDay(caseNo -> Math.floorMod(caseNo.hashCode() * 31 + 17, 1000) < 300);

		Spread spread = Spread.of(daily, 0.3);
		assertThat(daily).contains(0);
		assertThat(spread.deviation()).isGreaterThan(1.5 * spread.binomialDeviation());
	}

	@Test
	void anAuditorRecomputesTheDrawFromTheCaseNumber() {
		// printf %s R-20261127-0001 | sha256sum → first 16 hex digits as a number, modulo 10000
		assertThat(ReturnVisitProperties.draw("R-20261127-0001")).isEqualTo(9759);
		assertThat(properties.threshold()).isEqualTo(3000);
		assertThat(properties.sampled("R-20261127-0001")).isFalse();

		String sampled = caseNumbers().stream().filter(properties::sampled).findFirst().orElseThrow();
		assertThat(RepairRules.sampleReason(sampled, properties))
				.isEqualTo("抽中回访（抽样比例 30%：事项号抽样值 " + ReturnVisitProperties.draw(sampled) + " < 3000）");
		assertThat(RepairRules.sampleReason(sampled, new ReturnVisitProperties(0.125)))
				.startsWith("抽中回访（抽样比例 12.5%：");
	}

	static List<Integer> sampledPerDay(Predicate<String> sampled) {
		List<String> numbers = caseNumbers();
		List<Integer> daily = new ArrayList<>();
		for (int day = 0; day < DAYS; day++) {
			daily.add((int) numbers.subList(day * REPAIRS_A_DAY, (day + 1) * REPAIRS_A_DAY).stream().filter(sampled)
					.count());
		}
		return daily;
	}

	/** Case numbers as {@code CaseRepository.nextCaseNo} writes them, the sequence starting at 1. */
	static List<String> caseNumbers() {
		LocalDate first = LocalDate.of(2026, 11, 1);
		List<String> numbers = new ArrayList<>();
		long sequence = 1;
		for (int day = 0; day < DAYS; day++) {
			String date = first.plusDays(day).format(DateTimeFormatter.BASIC_ISO_DATE);
			for (int i = 0; i < REPAIRS_A_DAY; i++) {
				numbers.add("R-%s-%04d".formatted(date, sequence++));
			}
		}
		return numbers;
	}

	record Spread(double rate, double deviation, double binomialDeviation, int low, int high) {

		static Spread of(List<Integer> daily, double sampleRate) {
			double mean = daily.stream().mapToInt(Integer::intValue).average().orElseThrow();
			double variance = daily.stream().mapToDouble(n -> (n - mean) * (n - mean)).average().orElseThrow();
			double expected = REPAIRS_A_DAY * sampleRate;
			double binomial = Math.sqrt(REPAIRS_A_DAY * sampleRate * (1 - sampleRate));
			return new Spread(mean / REPAIRS_A_DAY, Math.sqrt(variance), binomial,
					(int) Math.ceil(expected - 3.5 * binomial), (int) Math.floor(expected + 3.5 * binomial));
		}

	}

}
