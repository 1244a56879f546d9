package com.propdesk.repeatfault;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.propdesk.security.Groups;
import com.propdesk.system.FormOptions;
import com.propdesk.worklog.Duty;

/**
 * The recurring duties a repeat fault's preventive measure may plan ({@code "valuesKey": "preventiveDutyOptions"}):
 * label {@code 电梯维保（工程部）}, value the duty's code; the name is taken as well as the code.
 */
@Component
class PreventiveDutyOptions implements FormOptions {

	@Override
	public String key() {
		return "preventiveDutyOptions";
	}

	@Override
	public List<Option> options(VariableScope task) {
		return Arrays.stream(Duty.values())
				.map(duty -> new Option(duty.label() + "（" + Groups.label(duty.department()) + "）", duty.code())).toList();
	}

	@Override
	public Choice choose(String submitted, VariableScope task) {
		return Arrays.stream(Duty.values()).filter(d -> d.code().equals(submitted.trim()) || d.label().equals(submitted.trim()))
				.findFirst().map(d -> Choice.of(d.code())).orElseGet(() -> Choice.refuse("没有这项工作：" + submitted));
	}

}
