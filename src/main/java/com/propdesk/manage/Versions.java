package com.propdesk.manage;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

import com.propdesk.system.Clock;
import com.propdesk.system.Privileged;
import com.propdesk.system.ProblemException;
import com.propdesk.system.ProcessDeployer;

/**
 * Every process, decision table and form the engine holds, with its versions: who deployed each, when, from where, why,
 * and how many cases run on it. Read with PropDesk's own rights: the managers' API decides who may read.
 */
@Component
class Versions {

	/** Deployment sources of PropDesk's managers' API. */
	static final String MANAGE_SOURCE = "propdesk-manage";

	static final String ROLLBACK_SOURCE = "propdesk-rollback";

	/** What Camunda Modeler sends as {@code deployment-source}. */
	static final String MODELER_SOURCE = "Camunda Modeler";

	/** No list here is anywhere near this long; the engine refuses unpaged lists. */
	static final int MAX = 2000;

	/** What a definition is: its kind decides its file's extension and where the export writes it. */
	enum Kind {

		PROCESS(".bpmn", "processes/"), DECISION(".dmn", "processes/"), FORM(".form", "forms/");

		final String extension;

		final String folder;

		Kind(String extension, String folder) {
			this.extension = extension;
			this.folder = folder;
		}

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String code) {
			for (Kind kind : values()) {
				if (kind.code().equals(code)) {
					return kind;
				}
			}
			throw ProblemException.notFound("没有这类定义：" + code + "（可用：process、decision、form）");
		}

		/** The kind of a file by its name, or empty when the engine would not deploy it as a definition. */
		static Optional<Kind> ofFile(String fileName) {
			String lower = fileName.toLowerCase(Locale.ROOT);
			if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
				return Optional.of(PROCESS);
			}
			if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
				return Optional.of(DECISION);
			}
			return lower.endsWith(".form") ? Optional.of(FORM) : Optional.empty();
		}

	}

	/** One version of a definition as the engine holds it. */
	record Definition(Kind kind, String key, String name, int version, String id, String deploymentId, String resourceName) {
	}

	@Schema(description = "定义的一个版本")
	record Version(@Schema(description = "版本号") int version, @Schema(description = "定义编号（引擎）") String definitionId,
			@Schema(description = "部署编号") String deploymentId, @Schema(description = "部署时间") OffsetDateTime deployedAt,
			@Schema(description = "部署人（用户编号）；启动时从程序仓库部署的为空") String deployedBy,
			@Schema(description = "来源：repository（启动时从程序仓库部署）、modeler（Camunda Modeler 上传）、manage（管理页面）、rollback（回滚）、other",
					allowableValues = { "repository", "modeler", "manage", "rollback", "other" }) String source,
			@Schema(description = "来源的中文名称") String sourceLabel, @Schema(description = "变更说明") String note,
			@Schema(description = "回滚时恢复的是哪个版本") String rolledBackTo,
			@Schema(description = "在此版本上运行中的事项（流程实例）数；决策表和表单为空") Long runningCases,
			@Schema(description = "是否为最新版本（新事项使用的版本）") boolean latest,
			@Schema(description = "文件名") String fileName) {
	}

	@Schema(description = "一个流程、决策表或表单及其全部版本（最新在前）")
	record Listing(@Schema(description = "类别：process 流程、decision 决策表、form 表单") String kind,
			@Schema(description = "键（流程键、决策键、表单 id）") String key, @Schema(description = "名称") String name,
			@Schema(description = "版本，最新在前") List<Version> versions) {
	}

	@Schema(description = "版本中的一个文件")
	record File(@Schema(description = "文件名") String fileName, @Schema(description = "文件内容（XML 或 JSON 文本）") String content) {
	}

	record Note(String source, String deployedBy, OffsetDateTime deployedAt, String note, String rolledBackTo) {
	}

	private final ProcessEngineConfigurationImpl engine;

	private final RepositoryService repositoryService;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final JdbcTemplate jdbc;

	Versions(ProcessEngineConfigurationImpl engine, RepositoryService repositoryService, RuntimeService runtimeService,
			HistoryService historyService, JdbcTemplate jdbc) {
		this.engine = engine;
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.jdbc = jdbc;
	}

	/** Every definition, newest version first, of every kind. */
	List<Definition> definitions() {
		return Privileged.run(engine, () -> {
			List<Definition> all = new ArrayList<>();
			repositoryService.createProcessDefinitionQuery().listPage(0, MAX).forEach(d -> all.add(new Definition(Kind.PROCESS,
					d.getKey(), d.getName(), d.getVersion(), d.getId(), d.getDeploymentId(), d.getResourceName())));
			repositoryService.createDecisionDefinitionQuery().listPage(0, MAX).forEach(d -> all.add(new Definition(Kind.DECISION,
					d.getKey(), d.getName(), d.getVersion(), d.getId(), d.getDeploymentId(), d.getResourceName())));
			forms().forEach(f -> all.add(new Definition(Kind.FORM, f.getKey(), f.getKey(), f.getVersion(), f.getId(),
					f.getDeploymentId(), f.getResourceName())));
			all.sort(Comparator.comparing(Definition::kind).thenComparing(Definition::key)
					.thenComparing(Comparator.comparingInt(Definition::version).reversed()));
			return all;
		});
	}

	/** Form definitions have no query in the engine's public API (7.24); its own statement lists them. */
	@SuppressWarnings("unchecked")
	private List<CamundaFormDefinitionEntity> forms() {
		return engine.getCommandExecutorTxRequired().execute(context -> (List<CamundaFormDefinitionEntity>) (List<?>) context
				.getDbEntityManager().selectList("selectAllCamundaFormDefinitions"));
	}

	List<Listing> listings() {
		List<Definition> definitions = definitions();
		Map<String, Deployment> deployments = new HashMap<>();
		Map<String, String> deployers = new HashMap<>();
		Map<String, Long> running = new HashMap<>();
		Privileged.run(engine, () -> {
			repositoryService.createDeploymentQuery().listPage(0, MAX).forEach(d -> deployments.put(d.getId(), d));
			// the first entry of a deployment is its creation: an unchanged upload that deployed nothing logs one too,
			// naming the deployment it duplicates, so a repository deployment (made by no user) takes none of them
			historyService.createUserOperationLogQuery().entityType(EntityTypes.DEPLOYMENT)
					.operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).orderByTimestamp().asc().listPage(0, MAX)
					.forEach(entry -> {
						if (entry.getDeploymentId() != null && entry.getUserId() != null) {
							deployers.putIfAbsent(entry.getDeploymentId(), entry.getUserId());
						}
					});
			definitions.stream().filter(d -> d.kind() == Kind.PROCESS).forEach(d -> running.put(d.id(),
					runtimeService.createProcessInstanceQuery().processDefinitionId(d.id()).count()));
			return null;
		});
		Map<String, Note> notes = notes();
		Map<String, Listing> listings = new LinkedHashMap<>();
		for (Definition d : definitions) {
			Listing listing = listings.computeIfAbsent(d.kind().code() + ":" + d.key(),
					k -> new Listing(d.kind().code(), d.key(), d.name() != null ? d.name() : d.key(), new ArrayList<>()));
			Deployment deployment = deployments.get(d.deploymentId());
			Note note = notes.get(d.deploymentId());
			String source = source(deployment == null ? null : deployment.getSource());
			listing.versions().add(new Version(d.version(), d.id(), d.deploymentId(),
					deployment == null ? null : Clock.local(deployment.getDeploymentTime()),
					note != null ? note.deployedBy() : "repository".equals(source) ? null : deployers.get(d.deploymentId()), source,
					sourceLabel(source, deployment == null ? null : deployment.getSource()), note == null ? null : note.note(),
					note == null ? null : note.rolledBackTo(), running.get(d.id()), listing.versions().isEmpty(), d.resourceName()));
		}
		return List.copyOf(listings.values());
	}

	private Map<String, Note> notes() {
		Map<String, Note> notes = new HashMap<>();
		jdbc.query("select * from deployment_note", rs -> {
			notes.put(rs.getString("deployment_id"), new Note(rs.getString("source"), rs.getString("deployed_by"),
					Clock.local(rs.getObject("deployed_at", OffsetDateTime.class)), rs.getString("note"),
					rs.getString("rolled_back_to")));
		});
		return notes;
	}

	static String source(String deploymentSource) {
		if (ProcessDeployer.SOURCE.equals(deploymentSource)) {
			return "repository";
		}
		if (MODELER_SOURCE.equals(deploymentSource)) {
			return "modeler";
		}
		if (MANAGE_SOURCE.equals(deploymentSource)) {
			return "manage";
		}
		return ROLLBACK_SOURCE.equals(deploymentSource) ? "rollback" : "other";
	}

	private static String sourceLabel(String source, String deploymentSource) {
		return switch (source) {
			case "repository" -> "程序仓库（启动时部署）";
			case "modeler" -> "Camunda Modeler 上传";
			case "manage" -> "管理页面部署";
			case "rollback" -> "回滚";
			default -> "其他" + (deploymentSource == null ? "" : "（" + deploymentSource + "）");
		};
	}

	Optional<Definition> find(Kind kind, String key, int version) {
		return definitions().stream().filter(d -> d.kind() == kind && d.key().equals(key) && d.version() == version).findFirst();
	}

	Optional<Definition> latest(Kind kind, String key) {
		return latest(definitions(), kind, key);
	}

	static Optional<Definition> latest(List<Definition> definitions, Kind kind, String key) {
		return definitions.stream().filter(d -> d.kind() == kind && d.key().equals(key)).findFirst();
	}

	/** The latest version of each definition. */
	List<Definition> latestOfEach() {
		Map<String, Definition> latest = new LinkedHashMap<>();
		definitions().forEach(d -> latest.putIfAbsent(d.kind() + ":" + d.key(), d));
		return List.copyOf(latest.values());
	}

	List<Definition> in(String deploymentId) {
		return definitions().stream().filter(d -> d.deploymentId().equals(deploymentId)).toList();
	}

	byte[] content(Definition definition) {
		return Privileged.run(engine, () -> readResource(definition.deploymentId(), definition.resourceName()));
	}

	/**
	 * The files of a version: a decision's or form's own file; a process's diagram and the forms deployed with it
	 * (a diagram a manager deployed alone from Modeler has none, and finds its forms by the latest binding).
	 */
	Map<String, byte[]> files(Definition definition) {
		return Privileged.run(engine, () -> {
			Map<String, byte[]> files = new LinkedHashMap<>();
			files.put(definition.resourceName(), content(definition));
			if (definition.kind() == Kind.PROCESS) {
				for (String name : repositoryService.getDeploymentResourceNames(definition.deploymentId())) {
					if (Kind.ofFile(name).orElse(null) == Kind.FORM) {
						files.put(name, readResource(definition.deploymentId(), name));
					}
				}
			}
			return files;
		});
	}

	private byte[] readResource(String deploymentId, String name) {
		try (var in = repositoryService.getResourceAsStream(deploymentId, name)) {
			return in.readAllBytes();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static List<File> asText(Map<String, byte[]> files) {
		return files.entrySet().stream().map(f -> new File(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8))).toList();
	}

}
