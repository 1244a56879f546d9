package com.propdesk.manage;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

import com.propdesk.manage.Versions.Kind;
import com.propdesk.security.DeploymentGuardPlugin;
import com.propdesk.security.GuardReason;

/**
 * What the editors show before a manager deploys a file: the deployment guard's verdict, each reason on the element
 * it names, and for a diagram PropDesk's own {@link DiagramRules}. Nothing is deployed or stored.
 */
@Component
class Validation {

	static final String GUARD = "guard";

	static final String RULES = "rules";

	static final String ERROR = "error";

	@Schema(description = "一个问题")
	record Problem(@Schema(description = "来源：guard 部署检查（拒绝部署的原因），rules PropDesk 的流程图规则，lint 浏览器中的检查",
			example = "guard") String source,
			@Schema(description = "级别：error 错误（不能部署），warning 提醒", example = "error") String level,
			@Schema(description = "问题所在元素的编号；涉及整个文件时为空", example = "Task_Triage") String elementId,
			@Schema(description = "问题（中文）") String message) {
	}

	@Schema(description = "验证结果")
	record Result(@Schema(description = "没有错误级别的问题：可以部署") boolean allowed,
			@Schema(description = "全部问题，部署检查的在前") List<Problem> problems) {
	}

	private final DeploymentGuardPlugin guard;

	Validation(DeploymentGuardPlugin guard) {
		this.guard = guard;
	}

	/** @param kind the file's kind, from its name */
	Result of(Kind kind, String fileName, byte[] content) {
		List<GuardReason> reasons = guard.guard().reasons(Map.of(fileName, content));
		List<Problem> problems = new ArrayList<>();
		reasons.forEach(r -> problems.add(new Problem(GUARD, ERROR, r.elementId(), r.reason())));
		// a file the guard cannot read (not XML, too large) has that one problem; the rules have nothing to read
		boolean readable = reasons.stream().allMatch(r -> r.elementId() != null);
		if (kind == Kind.PROCESS && readable) {
			problems.addAll(rules(content, reasons));
		}
		return new Result(problems.stream().noneMatch(p -> ERROR.equals(p.level())), problems);
	}

	private static List<Problem> rules(byte[] content, List<GuardReason> reasons) {
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
		}
		catch (RuntimeException unreadable) {
			return List.of(new Problem(RULES, ERROR, null, "读不出流程图：不是有效的 BPMN 2.0 文件（" + unreadable.getMessage() + "）"));
		}
		// the guard refuses a process without a time to live too: said once, by the guard
		Set<String> refused = reasons.stream().map(GuardReason::elementId).filter(Objects::nonNull).collect(Collectors.toSet());
		return DiagramRules.check(model).stream()
				.filter(f -> f.rule() != DiagramRules.Rule.HISTORY_TIME_TO_LIVE || !refused.contains(f.elementId()))
				.map(f -> new Problem(RULES, f.level(), f.elementId(), f.message())).toList();
	}

}
