package com.propdesk.repeatfault;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.propdesk.system.FormOptions;

/**
 * How often a preventive duty is planned ({@code "valuesKey": "dutyFrequencyOptions"}): label {@code 每周}, value the
 * ISO-8601 period a duty plan keeps ({@code P7D}); the name is taken as well as the period.
 */
@Component
class DutyFrequencyOptions implements FormOptions {

	@Override
	public String key() {
		return "dutyFrequencyOptions";
	}

	@Override
	public List<Option> options(VariableScope task) {
		return RepeatFaultRules.FREQUENCIES.entrySet().stream().map(e -> new Option(e.getValue(), e.getKey())).toList();
	}

	@Override
	public Choice choose(String submitted, VariableScope task) {
		String written = submitted.trim();
		return RepeatFaultRules.FREQUENCIES.entrySet().stream()
				.filter(e -> e.getKey().equals(written) || e.getValue().replace(" ", "").equals(written.replace(" ", "")))
				.findFirst().map(e -> Choice.of(e.getKey())).orElseGet(() -> Choice.refuse("请在列表中选择频次"));
	}

}
