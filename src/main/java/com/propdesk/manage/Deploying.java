package com.propdesk.manage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.propdesk.audit.AuditTrail;
import com.propdesk.manage.Versions.Definition;
import com.propdesk.manage.Versions.Kind;
import com.propdesk.security.DeploymentGuardPlugin;
import com.propdesk.system.Clock;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/**
 * A manager's files put live as Camunda Modeler would deploy them, with PropDesk's rules: a process's diagram and
 * its forms are one deployment named by the process key, every file carries its bare conventional name
 * ({@code <key>.bpmn}, {@code <key>.dmn}, {@code <form id>.form}), the guard's verdict comes first, and a file equal
 * to the latest version of its definition is left out — an unchanged upload deploys nothing. Who deployed, when and
 * why is kept beside the engine's deployment and appended to the audit trail.
 */
@Component
class Deploying {

	/** The trail's kind for a manager's change of a definition or an incident. */
	static final String TRAIL_KIND = "manage";

	/** Operations that concern no single case carry this case number in the trail. */
	static final String NO_CASE = "-";

	/** A file as uploaded. */
	record Upload(String fileName, byte[] content) {

		/** A file sent as JSON text; without its name or its content the request is refused, naming each. */
		static Upload of(String fileName, String content) {
			List<FieldProblem> problems = new ArrayList<>();
			TextRules.required(problems, "fileName", fileName, Lines.ONE, 200, "必填：文件名（.bpmn、.dmn 或 .form）");
			if (content == null || content.isBlank()) {
				problems.add(new FieldProblem("content", "必填：文件内容"));
			}
			if (!problems.isEmpty()) {
				throw new InvalidRequestException(problems);
			}
			return new Upload(fileName.strip(), content.getBytes(StandardCharsets.UTF_8));
		}

	}

	/** A file as it would be deployed: its definition, its conventional name, the deployment it goes into. */
	record Planned(Kind kind, String key, String resourceName, String deploymentName, byte[] content,
			Integer currentVersion, boolean unchanged, Object comparison) {
	}

	@Schema(description = "一个文件部署后的变化")
	record Change(@Schema(description = "类别：process、decision、form") String kind, @Schema(description = "键") String key,
			@Schema(description = "部署时的文件名") String fileName, @Schema(description = "归入的部署（以流程键命名）") String deployment,
			@Schema(description = "当前最新版本号；尚无此定义时为空") Integer currentVersion,
			@Schema(description = "部署后的新版本号；内容未变时为空") Integer newVersion,
			@Schema(description = "与当前最新版本内容相同（不会部署）") boolean unchanged,
			@Schema(description = "与当前最新版本的比较（与比较接口的结果相同：流程为 elements、flows，决策表为 table、columns、rules、"
					+ "orderChanged，表单为 fields）；新定义或内容未变时为空") Object comparison) {
	}

	@Schema(description = "部署预览：部署检查的结论和将产生的变化；不做任何改动")
	record Preview(@Schema(description = "部署检查是否允许") boolean allowed,
			@Schema(description = "不允许的原因（中文，逐条指明文件、元素和属性）") List<String> reasons,
			@Schema(description = "全部文件都与当前最新版本相同：部署不会产生新版本") boolean unchanged,
			@Schema(description = "每个文件的变化") List<Change> changes) {
	}

	@Schema(description = "部署出的一个新版本")
	record NewVersion(@Schema(description = "类别") String kind, @Schema(description = "键") String key,
			@Schema(description = "版本号") int version, @Schema(description = "定义编号") String definitionId,
			@Schema(description = "部署编号") String deploymentId) {
	}

	@Schema(description = "部署结果")
	record Result(@Schema(description = "是否部署了新版本；文件未变时为 false") boolean deployed,
			@Schema(description = "新版本") List<NewVersion> versions, @Schema(description = "每个文件的变化") List<Change> changes) {
	}

	private final Versions versions;

	private final RepositoryService repositoryService;

	private final DeploymentGuardPlugin guard;

	private final JdbcTemplate jdbc;

	private final AuditTrail trail;

	private final ObjectMapper json = new ObjectMapper();

	Deploying(Versions versions, RepositoryService repositoryService, DeploymentGuardPlugin guard, JdbcTemplate jdbc,
			AuditTrail trail) {
		this.versions = versions;
		this.repositoryService = repositoryService;
		this.guard = guard;
		this.jdbc = jdbc;
		this.trail = trail;
	}

	Preview preview(List<Upload> uploads) {
		List<String> reasons = verdict(uploads);
		List<Planned> plan = reasons.isEmpty() ? plan(uploads) : List.of();
		return new Preview(reasons.isEmpty(), reasons, !plan.isEmpty() && plan.stream().allMatch(Planned::unchanged),
				plan.stream().map(Deploying::change).toList());
	}

	/**
	 * Deploys the changed files as the calling user (who needs the right to deploy), one deployment per process.
	 * @param source the deployment's source: {@link Versions#MANAGE_SOURCE} or {@link Versions#ROLLBACK_SOURCE}
	 * @param rolledBackTo for a rollback, the version whose content is restored
	 */
	@Transactional
	Result deploy(List<Upload> uploads, String note, String userId, String source, String rolledBackTo) {
		List<String> reasons = verdict(uploads);
		if (!reasons.isEmpty()) {
			throw new InvalidRequestException("files", "部署检查未通过：" + String.join("；", reasons));
		}
		// the engine's deployment lock, taken before comparing with the latest versions rather than only when deploying:
		// the same file sent twice at once (a double click, two nodes) is then compared with what the first deployed
		jdbc.queryForList("select name_ from act_ge_property where name_ = 'deployment.lock' for update");
		List<Planned> plan = plan(uploads);
		Map<String, List<Planned>> byDeployment = new LinkedHashMap<>();
		plan.stream().filter(p -> !p.unchanged()).forEach(p -> byDeployment.computeIfAbsent(p.deploymentName(),
				k -> new ArrayList<>()).add(p));
		List<NewVersion> created = new ArrayList<>();
		for (var deployment : byDeployment.entrySet()) {
			DeploymentBuilder builder = repositoryService.createDeployment().name(deployment.getKey()).source(source);
			deployment.getValue().forEach(p -> builder.addInputStream(p.resourceName(), new ByteArrayInputStream(p.content())));
			DeploymentWithDefinitions deployed = builder.deployWithResult();
			jdbc.update("insert into deployment_note (deployment_id, source, deployed_by, deployed_at, note, rolled_back_to) "
					+ "values (?, ?, ?, ?, ?, ?)", deployed.getId(), Versions.source(source), userId, Clock.now(), note,
					rolledBackTo);
			List<NewVersion> versionsHere = versions.in(deployed.getId()).stream().map(d -> new NewVersion(d.kind().code(),
					d.key(), d.version(), d.id(), d.deploymentId())).toList();
			created.addAll(versionsHere);
			trail.append(Clock.now(), NO_CASE, TRAIL_KIND, userId, (rolledBackTo == null ? "部署 " : "回滚到 " + rolledBackTo + "，部署 ")
					+ String.join("、", versionsHere.stream().map(v -> label(v.kind()) + " " + v.key() + " 第 " + v.version() + " 版")
							.toList())
					+ "（部署 " + deployed.getId() + "）；说明：" + note);
		}
		return new Result(!created.isEmpty(), created, plan.stream().map(Deploying::change).toList());
	}

	private List<String> verdict(List<Upload> uploads) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		uploads.forEach(u -> files.put(u.fileName(), u.content()));
		return guard.guard().verdict(files);
	}

	/** What each file is and whether it differs from the latest version of its definition; the files are safe XML or JSON. */
	private List<Planned> plan(List<Upload> uploads) {
		List<Definition> definitions = versions.definitions();
		Set<String> processKeys = new LinkedHashSet<>();
		definitions.stream().filter(d -> d.kind() == Kind.PROCESS).forEach(d -> processKeys.add(d.key()));
		Map<Upload, Kind> kinds = new LinkedHashMap<>();
		Map<Upload, String> keys = new LinkedHashMap<>();
		for (Upload upload : uploads) {
			Kind kind = Kind.ofFile(upload.fileName()).orElseThrow();
			kinds.put(upload, kind);
			keys.put(upload, key(kind, upload));
			if (kind == Kind.PROCESS) {
				processKeys.add(keys.get(upload));
			}
		}
		List<String> longestFirst = processKeys.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
		List<Planned> plan = new ArrayList<>();
		for (Upload upload : uploads) {
			Kind kind = kinds.get(upload);
			String key = keys.get(upload);
			String deploymentName = kind != Kind.FORM ? key
					: longestFirst.stream().filter(p -> key.startsWith(p + "-")).findFirst().orElse(key);
			Definition latest = Versions.latest(definitions, kind, key).orElse(null);
			byte[] current = latest == null ? null : versions.content(latest);
			boolean unchanged = current != null && Arrays.equals(current, upload.content());
			plan.add(new Planned(kind, key, key + kind.extension, deploymentName, upload.content(),
					latest == null ? null : latest.version(), unchanged,
					current == null || unchanged ? null : comparison(kind, key, current, upload.content())));
		}
		return plan;
	}

	/** What the upload changes against the latest version, as the comparison API answers for two deployed versions. */
	private static Object comparison(Kind kind, String key, byte[] current, byte[] uploaded) {
		String before = new String(current, StandardCharsets.UTF_8);
		String after = new String(uploaded, StandardCharsets.UTF_8);
		return switch (kind) {
			case PROCESS -> VersionComparison.processes(before, after);
			case DECISION -> VersionComparison.decisions(key, before, after);
			case FORM -> VersionComparison.forms(before, after);
		};
	}

	/** The key the engine will give the file's definition: the executable process, the first decision, the form's id. */
	private String key(Kind kind, Upload upload) {
		try {
			switch (kind) {
				case PROCESS -> {
					var processes = Bpmn.readModelFromStream(new ByteArrayInputStream(upload.content()))
							.getModelElementsByType(Process.class);
					return processes.stream().filter(Process::isExecutable).findFirst().or(() -> processes.stream().findFirst())
							.map(Process::getId).orElseThrow();
				}
				case DECISION -> {
					return Dmn.readModelFromStream(new ByteArrayInputStream(upload.content())).getModelElementsByType(Decision.class)
							.stream().findFirst().map(Decision::getId).orElseThrow();
				}
				default -> {
					String id = json.readTree(upload.content()).path("id").asText();
					if (id.isBlank()) {
						throw new IllegalArgumentException("a form without an id");
					}
					return id;
				}
			}
		}
		catch (Exception unreadable) {
			throw new InvalidRequestException("files", upload.fileName() + "：读不出" + label(kind.code()) + "的键（"
					+ (kind == Kind.FORM ? "表单 JSON 的 id" : kind == Kind.PROCESS ? "可执行流程的 id" : "决策的 id") + "）");
		}
	}

	private static Change change(Planned p) {
		return new Change(p.kind().code(), p.key(), p.resourceName(), p.deploymentName(), p.currentVersion(),
				p.unchanged() ? null : (p.currentVersion() == null ? 1 : p.currentVersion() + 1), p.unchanged(), p.comparison());
	}

	static String label(String kind) {
		return switch (kind) {
			case "process" -> "流程";
			case "decision" -> "决策表";
			default -> "表单";
		};
	}

}
