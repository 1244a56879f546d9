package com.propdesk.intake;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.propdesk.security.CaseProcesses;

/** Every case type the application declares, by key; their keys are the processes people and channels start. */
@Component
public class CaseTypes implements CaseProcesses {

	private final Map<String, CaseTypeDefinition> byKey = new LinkedHashMap<>();

	CaseTypes(List<CaseTypeDefinition> definitions) {
		Set<String> prefixes = new HashSet<>();
		// Spring hands the definitions in their @Order: the contract's order, in which the API and labels list them
		definitions.forEach(type -> {
			if (byKey.putIfAbsent(type.key(), type) != null) {
				throw new IllegalStateException("Two case types with the key " + type.key());
			}
			if (!prefixes.add(type.prefix())) {
				throw new IllegalStateException("Two case types whose case numbers begin with " + type.prefix());
			}
		});
	}

	public Optional<CaseTypeDefinition> find(String key) {
		return Optional.ofNullable(key).map(byKey::get);
	}

	public CaseTypeDefinition get(String key) {
		return find(key).orElseThrow(() -> new IllegalArgumentException("Unknown case type " + key));
	}

	public Collection<CaseTypeDefinition> all() {
		return byKey.values();
	}

	@Override
	public Set<String> keys() {
		return byKey.keySet();
	}

}
