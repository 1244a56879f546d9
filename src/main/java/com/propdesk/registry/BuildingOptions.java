package com.propdesk.registry;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.propdesk.system.FormOptions;

/**
 * The estate's buildings for a form's 楼栋 select ({@code "valuesKey": "buildingOptions"}): label {@code 5号楼 / 5栋 / 5幢 · 南区},
 * value the building's code. What a person or a REST client submits is found as {@link RegistryRepository#findBuilding}
 * finds it ({@code 5栋}, {@code ５号楼} …) and stored as the code.
 */
@Component
class BuildingOptions implements FormOptions {

	private final RegistryRepository registry;

	BuildingOptions(RegistryRepository registry) {
		this.registry = registry;
	}

	@Override
	public String key() {
		return "buildingOptions";
	}

	@Override
	public List<Option> options(VariableScope task) {
		var zones = registry.zones();
		return registry.buildings().stream().map(b -> new Option(b.name() + alsoCalled(b.name()) + zones.stream()
				.filter(z -> z.code().equals(b.zone())).findFirst().map(z -> " · " + z.name()).orElse(""), b.code()))
				.toList();
	}

	/**
	 * The select searches its labels as typed, so the label carries the other usual way of writing the name:
	 * {@code 5号楼 / 5栋 / 5幢} is found by "5", "5号楼", "5栋" and "5幢".
	 */
	private static String alsoCalled(String name) {
		String number = name.endsWith("号楼") ? name.substring(0, name.length() - 2) : null;
		return number == null ? "" : " / " + number + "栋 / " + number + "幢";
	}

	@Override
	public Choice choose(String submitted, VariableScope task) {
		if (submitted.codePointCount(0, submitted.length()) > 64) {
			return Choice.refuse("没有这个楼栋");
		}
		return registry.findBuilding(submitted).map(b -> Choice.of(b.code()))
				.orElseGet(() -> Choice.refuse("没有这个楼栋：" + submitted));
	}

}
