package com.propdesk.manage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.ProblemException;

/**
 * Two versions of a process diagram, a decision table or a form side by side: what was added, removed and changed,
 * property by property, with both versions' files so the managers' page can draw them. Read by management and
 * auditors.
 */
@RestController
@RequestMapping("/api/manage/compare")
class ComparisonController {

	static final String[] READERS = { Groups.MANAGEMENT, Groups.AUDITOR };

	private final RepositoryService repository;

	private final ProcessEngineConfigurationImpl engine;

	ComparisonController(RepositoryService repository, ProcessEngineConfigurationImpl engine) {
		this.repository = repository;
		this.engine = engine;
	}

	/** One version of a definition and its file's text. */
	@Schema(description = "比较的一个版本")
	record Side(@Schema(description = "版本号") int version, @Schema(description = "定义编号") String definitionId,
			@Schema(description = "部署编号") String deploymentId, @Schema(description = "文件名") String resourceName,
			@Schema(description = "文件内容（BPMN/DMN 的 XML 或表单的 JSON）") String content) {
	}

	@Schema(description = "两个流程版本的比较")
	record ProcessComparison(@Schema(description = "流程键") String key, Side from, Side to,
			@Schema(description = "新增、删除、修改的流程节点（任务、事件、网关）及改动的属性") List<VersionComparison.Element> elements,
			@Schema(description = "新增、删除、修改的顺序流（起点、终点、条件）") List<VersionComparison.Element> flows) {
	}

	@Schema(description = "两个决策表版本的比较")
	record DecisionComparison(@Schema(description = "决策键") String key, Side from, Side to,
			@Schema(description = "表的属性（命中策略）的改动") List<VersionComparison.Property> table,
			@Schema(description = "新增、删除、修改的列") List<VersionComparison.Element> columns,
			@Schema(description = "按规则编号对应：新增、删除、修改的规则，及修改前后的各单元格") List<VersionComparison.RuleChange> rules,
			@Schema(description = "两个版本共有的规则顺序是否变了（命中策略 FIRST 时顺序决定结果）") boolean orderChanged) {
	}

	@Schema(description = "两个表单版本的比较")
	record FormComparison(@Schema(description = "表单编号") String id, Side from, Side to,
			@Schema(description = "按字段键对应：新增、删除、修改的字段") List<VersionComparison.Element> fields) {
	}

	@Operation(summary = "比较两个流程版本", description = "按元素编号对应两个版本：新增、删除、修改的流程节点（类型和中文名称），"
			+ "修改的属性前后对照（名称、表单、处理人和候选组、表达式、条件、定时、调用的流程、消息和错误、说明、输入输出参数）；"
			+ "顺序流另列（起点、终点、条件）。附两个版本的 BPMN XML 供页面绘图。限管理层和审计。")
	@ApiResponse(responseCode = "200", description = "比较结果")
	@GetMapping("/process/{key}")
	ProcessComparison process(@Parameter(description = "流程键", example = "repair") @PathVariable String key,
			@Parameter(description = "旧版本号", example = "1") @RequestParam String from,
			@Parameter(description = "新版本号", example = "2") @RequestParam String to, HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		Side older = side(processVersion(key, version("from", from)));
		Side newer = side(processVersion(key, version("to", to)));
		var diff = VersionComparison.processes(older.content(), newer.content());
		return new ProcessComparison(key, older, newer, diff.elements(), diff.flows());
	}

	@Operation(summary = "比较两个决策表版本", description = "按规则编号逐行对应：新增、删除、修改的规则及修改前后的条件和结果；"
			+ "新增、删除、修改的列；命中策略和规则顺序的变化。附两个版本的 DMN XML。限管理层和审计。")
	@ApiResponse(responseCode = "200", description = "比较结果")
	@GetMapping("/decision/{key}")
	DecisionComparison decision(@Parameter(description = "决策键", example = "sla-policy") @PathVariable String key,
			@Parameter(description = "旧版本号", example = "1") @RequestParam String from,
			@Parameter(description = "新版本号", example = "2") @RequestParam String to, HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		Side older = side(decisionVersion(key, version("from", from)));
		Side newer = side(decisionVersion(key, version("to", to)));
		var diff = VersionComparison.decisions(key, older.content(), newer.content());
		return new DecisionComparison(key, older, newer, diff.table(), diff.columns(), diff.rules(), diff.orderChanged());
	}

	@Operation(summary = "比较两个表单版本", description = "按字段键对应：新增、删除、修改的字段，修改的属性前后对照（标签、类型、校验、"
			+ "选项或选项来源、显示条件、只读）。版本为引擎的表单定义版本。附两个版本的表单 JSON。限管理层和审计。")
	@ApiResponse(responseCode = "200", description = "比较结果")
	@GetMapping("/form/{id}")
	FormComparison form(@Parameter(description = "表单编号（= 文件名去掉 .form）", example = "repair-accept") @PathVariable String id,
			@Parameter(description = "旧版本号", example = "1") @RequestParam String from,
			@Parameter(description = "新版本号", example = "2") @RequestParam String to, HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		Side older = side(formVersion(id, version("from", from)));
		Side newer = side(formVersion(id, version("to", to)));
		return new FormComparison(id, older, newer, VersionComparison.forms(older.content(), newer.content()).fields());
	}

	static int version(String field, String value) {
		if (value == null || !value.matches("[1-9][0-9]{0,8}")) {
			throw new InvalidRequestException(field, "应为版本号（从 1 开始的整数）");
		}
		return Integer.parseInt(value);
	}

	private ProcessDefinition processVersion(String key, int version) {
		return processVersion(repository, key, version)
				.orElseThrow(() -> ProblemException.notFound("流程 " + key + " 没有第 " + version + " 版"));
	}

	static Optional<ProcessDefinition> processVersion(RepositoryService repository, String key, int version) {
		return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(key)
				.processDefinitionVersion(version).singleResult());
	}

	private DecisionDefinition decisionVersion(String key, int version) {
		DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
				.decisionDefinitionVersion(version).singleResult();
		if (definition == null) {
			throw ProblemException.notFound("决策表 " + key + " 没有第 " + version + " 版");
		}
		return definition;
	}

	/** The engine keeps form versions (deployed {@code .form} files) but offers no public query for them. */
	private ResourceDefinition formVersion(String id, int version) {
		ResourceDefinition definition = engine.getCommandExecutorTxRequired().execute(context -> context
				.getCamundaFormDefinitionManager().findDefinitionByKeyVersionAndTenantId(id, version, null));
		if (definition == null) {
			throw ProblemException.notFound("表单 " + id + " 没有第 " + version + " 版");
		}
		return definition;
	}

	private Side side(ResourceDefinition definition) {
		try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
			return new Side(definition.getVersion(), definition.getId(), definition.getDeploymentId(),
					definition.getResourceName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
