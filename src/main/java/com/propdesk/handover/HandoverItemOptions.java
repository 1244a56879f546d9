package com.propdesk.handover;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.propdesk.system.FormOptions;

/**
 * The items of the task's handover for the acknowledge form's 追问的事项 select ({@code "valuesKey":
 * "handoverItemOptions"}): label the numbered title, value the item's id, which must be one of this handover's.
 */
@Component
class HandoverItemOptions implements FormOptions {

	private final Handovers handovers;

	HandoverItemOptions(Handovers handovers) {
		this.handovers = handovers;
	}

	@Override
	public String key() {
		return "handoverItemOptions";
	}

	@Override
	public List<Option> options(VariableScope task) {
		Long id = task == null ? null : HandoverProcess.HANDOVER_ID.get(task);
		if (id == null) {
			return List.of();
		}
		return handovers.items(id).stream().map(i -> new Option(i.position() + ". " + i.title(), String.valueOf(i.id()))).toList();
	}

	@Override
	public Choice choose(String submitted, VariableScope task) {
		Long id = task == null ? null : HandoverProcess.HANDOVER_ID.get(task);
		long item;
		try {
			item = Long.parseLong(submitted.trim());
		}
		catch (NumberFormatException e) {
			return Choice.refuse("不是本次交接的事项");
		}
		if (id == null || handovers.item(id, item).isEmpty()) {
			return Choice.refuse("不是本次交接的事项");
		}
		return Choice.of(String.valueOf(item));
	}

}
