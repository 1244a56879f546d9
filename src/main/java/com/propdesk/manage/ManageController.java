package com.propdesk.manage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import com.propdesk.manage.Versions.Kind;
import com.propdesk.audit.AuditTrail;
import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.Clock;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.ProblemException;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/**
 * The managers' API for the life of a procedure: every process, decision table and form with its versions and
 * files, deploying a changed file after a preview (the deployment guard's verdict and what would change), rolling
 * back to an earlier version, the incidents of the procedures with retry and resolve, and the export of the live
 * versions. Management reads and changes; the auditor reads; every change lands in the audit trail with its note.
 */
@RestController
@RequestMapping("/api/manage")
class ManageController {

	private static final String[] READERS = { Groups.MANAGEMENT, Groups.AUDITOR };

	/** Notes are kept in {@code deployment_note.note} and in the audit trail's detail. */
	private static final int MAX_NOTE = 1000;

	@Schema(description = "一个文件（JSON 方式上传）")
	record FileBody(@Schema(description = "文件名，扩展名 .bpmn、.dmn 或 .form", example = "sla-policy.dmn") String fileName,
			@Schema(description = "文件内容（XML 或表单 JSON 文本）") String content,
			@Schema(description = "变更说明（部署时必填，预览时不用）") String note) {
	}

	@Schema(description = "变更说明")
	record NoteBody(@Schema(description = "变更说明，必填", example = "恢复上一版：新版派单规则有误") String note) {
	}

	private final Versions versions;

	private final Deploying deploying;

	private final Rollback rollback;

	private final Incidents incidents;

	private final Export export;

	private final AuditTrail trail;

	ManageController(Versions versions, Deploying deploying, Rollback rollback, Incidents incidents, Export export,
			AuditTrail trail) {
		this.trail = trail;
		this.versions = versions;
		this.deploying = deploying;
		this.rollback = rollback;
		this.incidents = incidents;
		this.export = export;
	}

	@Schema(description = "当前登录的管理页面用户")
	record Me(@Schema(description = "用户编号") String userId, @Schema(description = "所属组（中文）") List<String> groups,
			@Schema(description = "能否部署、回滚、迁移和处理故障（管理层）；审计只读") boolean canChange) {
	}

	@Operation(summary = "管理页面当前用户", description = "登录的用户、所属组，以及能否做更改；不属于管理层或审计的用户得到 403。")
	@ApiResponse(responseCode = "200", description = "当前用户")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@GetMapping("/me")
	Me me(HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, READERS);
		return new Me(staff.userId(), staff.groups().stream().map(Groups::label).toList(),
				staff.isIn(Groups.MANAGEMENT, Groups.CAMUNDA_ADMIN));
	}

	@Operation(summary = "流程、决策表和表单的全部版本", description = "每个流程（事项类型和内部流程）、决策表和表单及其版本（最新在前）："
			+ "版本号、定义编号、部署编号、部署时间、部署人、来源（程序仓库、Camunda Modeler 上传、管理页面、回滚）、变更说明、"
			+ "每个版本上运行中的事项数、是否最新。限管理层和审计。")
	@ApiResponse(responseCode = "200", description = "全部定义及其版本")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@GetMapping("/definitions")
	List<Versions.Listing> definitions(HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		return versions.listings();
	}

	@Operation(summary = "一个版本的文件", description = "流程版本：流程图和与它一同部署的表单；决策表、表单版本：其文件。内容为 XML 或 JSON 文本。"
			+ "限管理层和审计。")
	@ApiResponse(responseCode = "200", description = "文件及其内容")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@GetMapping("/definitions/{kind}/{key}/versions/{version}/files")
	List<Versions.File> files(@Parameter(description = "process、decision 或 form") @PathVariable String kind,
			@Parameter(description = "键", example = "repair") @PathVariable String key,
			@Parameter(description = "版本号") @PathVariable int version, HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		Kind k = Kind.of(kind);
		return Versions.asText(versions.files(versions.find(k, key, version).orElseThrow(() -> ProblemException
				.notFound("没有" + Deploying.label(k.code()) + " " + key + " 的第 " + version + " 版"))));
	}

	@Operation(summary = "部署预览（JSON）", description = "部署检查的结论（允许，或逐条的中文原因）和部署后的变化：哪些定义得到新版本，"
			+ "与当前最新版本相同的文件标为 unchanged。不做任何改动。限管理层。")
	@ApiResponse(responseCode = "200", description = "预览")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@PostMapping(value = "/deployments/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
	Deploying.Preview preview(@RequestBody FileBody body, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		return deploying.preview(List.of(upload(body)));
	}

	@Operation(summary = "部署预览（上传文件）", description = "与 JSON 方式相同，文件按 Camunda Modeler 的方式以 multipart/form-data 上传（可多个）。")
	@ApiResponse(responseCode = "200", description = "预览")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@PostMapping(value = "/deployments/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Deploying.Preview previewUpload(MultipartHttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		return deploying.preview(uploads(request));
	}

	@Operation(summary = "部署（JSON）", description = "先经部署检查，再把有变化的文件部署为新版本：流程图和它的表单为一个部署，以流程键命名；"
			+ "与当前最新版本相同的文件不部署，全部相同时答复 200 和 deployed=false。变更说明 note 必填。部署人、时间和说明记入审计轨迹。限管理层。")
	@ApiResponse(responseCode = "201", description = "已部署新版本")
	@ApiResponse(responseCode = "200", description = "文件未变，未部署")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@PostMapping(value = "/deployments", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Deploying.Result> deploy(@RequestBody FileBody body, HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, Groups.MANAGEMENT);
		List<FieldProblem> problems = new ArrayList<>();
		Deploying.Upload upload = null;
		try {
			upload = upload(body);
		}
		catch (InvalidRequestException invalid) {
			problems.addAll(invalid.problems());
		}
		return deployed(upload == null ? List.of() : List.of(upload), body.note(), staff, problems);
	}

	@Operation(summary = "部署（上传文件）", description = "与 JSON 方式相同，文件按 Camunda Modeler 的方式以 multipart/form-data 上传（可多个），"
			+ "变更说明在表单字段 note 中。")
	@ApiResponse(responseCode = "201", description = "已部署新版本")
	@ApiResponse(responseCode = "200", description = "文件未变，未部署")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@PostMapping(value = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Deploying.Result> deployUpload(MultipartHttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, Groups.MANAGEMENT);
		List<FieldProblem> problems = new ArrayList<>();
		List<Deploying.Upload> uploads = List.of();
		try {
			uploads = uploads(request);
		}
		catch (InvalidRequestException invalid) {
			problems.addAll(invalid.problems());
		}
		return deployed(uploads, request.getParameter("note"), staff, problems);
	}

	private ResponseEntity<Deploying.Result> deployed(List<Deploying.Upload> uploads, String note, Caller.Staff staff,
			List<FieldProblem> problems) {
		note(problems, note);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		Deploying.Result result = deploying.deploy(uploads, note.strip(), staff.userId(), Versions.MANAGE_SOURCE, null);
		return ResponseEntity.status(result.deployed() ? 201 : 200).body(result);
	}

	@Operation(summary = "回滚到某个版本", description = "把该版本的文件再部署一次，成为新的最新版本（内容与该版本相同），来源记为回滚；"
			+ "运行中的事项留在原版本上。与当前最新版本相同时答复 409。变更说明 note 必填。限管理层。")
	@ApiResponse(responseCode = "201", description = "已部署为新版本")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@ApiResponse(responseCode = "409", ref = OpenApiDocument.CONFLICT)
	@PostMapping("/definitions/{kind}/{key}/versions/{version}/rollback")
	ResponseEntity<Deploying.Result> rollback(@PathVariable String kind, @PathVariable String key, @PathVariable int version,
			@RequestBody NoteBody body, HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, Groups.MANAGEMENT);
		requireNote(body.note());
		return ResponseEntity.status(201).body(rollback.to(Kind.of(kind), key, version, body.note().strip(), staff.userId()));
	}

	@Operation(summary = "未解决的故障", description = "PropDesk 流程中未解决的故障（如业主事件回调的重试用尽）：流程、事项编号、步骤、故障类型、"
			+ "中文错误和原始错误、发生时间、剩余重试次数、处理方式。限管理层和审计。")
	@ApiResponse(responseCode = "200", description = "故障列表，最新在前")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@GetMapping("/incidents")
	List<Incidents.Open> incidents(HttpServletRequest request) {
		Caller.staffIn(request, READERS);
		return incidents.open();
	}

	@Operation(summary = "重试失败的作业", description = "把故障作业的重试次数设为 1，作业随即再执行一次；以管理者本人的身份（引擎的操作日志记名）。"
			+ "不是失败作业的故障答复 409。限管理层。")
	@ApiResponse(responseCode = "200", description = "已安排重试")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@ApiResponse(responseCode = "409", ref = OpenApiDocument.CONFLICT)
	@PostMapping("/incidents/{id}/retry")
	Map<String, Object> retry(@PathVariable String id, HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, Groups.MANAGEMENT);
		incidents.retry(id, staff.userId());
		return Map.of("retried", true, "incidentId", id);
	}

	@Operation(summary = "标记故障已解决", description = "用于不是失败作业的故障（原因已处理）；失败的作业须重试或处理事项，答复 409。"
			+ "说明 note 必填。限管理层。")
	@ApiResponse(responseCode = "200", description = "已解决")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
	@ApiResponse(responseCode = "409", ref = OpenApiDocument.CONFLICT)
	@PostMapping("/incidents/{id}/resolve")
	Map<String, Object> resolve(@PathVariable String id, @RequestBody NoteBody body, HttpServletRequest request) {
		Caller.Staff staff = Caller.staffIn(request, Groups.MANAGEMENT);
		requireNote(body.note());
		incidents.resolve(id, body.note().strip(), staff.userId());
		return Map.of("resolved", true, "incidentId", id);
	}

	@Operation(summary = "导出当前版本", description = "每个流程、决策表和表单的最新版本，按程序仓库的目录打包为 zip："
			+ "processes/<键>.bpmn、processes/<键>.dmn、forms/<表单 id>.form，供程序仓库跟进管理者的修改。限管理层。")
	@ApiResponse(responseCode = "200", description = "zip 文件")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@PostMapping(value = "/export", produces = "application/zip")
	ResponseEntity<byte[]> export(HttpServletRequest request) {
		String userId = Caller.staffIn(request, Groups.MANAGEMENT).userId();
		byte[] zip = export.zip();
		// it changes nothing, but what left the system, when and to whom is the auditors' business
		trail.append(Clock.now(), Deploying.NO_CASE, Deploying.TRAIL_KIND, userId, "导出当前各流程、决策表和表单的最新版本（zip）");
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"propdesk-live.zip\"").body(zip);
	}

	private static Deploying.Upload upload(FileBody body) {
		return Deploying.Upload.of(body.fileName(), body.content());
	}

	private static List<Deploying.Upload> uploads(MultipartHttpServletRequest request) {
		List<Deploying.Upload> uploads = new ArrayList<>();
		for (List<MultipartFile> files : request.getMultiFileMap().values()) {
			for (MultipartFile file : files) {
				String name = file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()
						? file.getOriginalFilename() : file.getName();
				try {
					uploads.add(new Deploying.Upload(name, file.getBytes()));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
		if (uploads.isEmpty()) {
			throw new InvalidRequestException("files", "必填：至少上传一个文件（.bpmn、.dmn 或 .form）");
		}
		return uploads;
	}

	private static void note(List<FieldProblem> problems, String note) {
		TextRules.required(problems, "note", note, Lines.MANY, MAX_NOTE, "必填：变更说明（为什么改）");
	}

	private static void requireNote(String note) {
		List<FieldProblem> problems = new ArrayList<>();
		note(problems, note);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
	}

}
