package com.propdesk.manage;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import com.propdesk.manage.Versions.Kind;
import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;

/**
 * What the browser editors of {@code /manage/} ask the server: the catalogue of what a diagram, a table or a form may
 * use, by the names staff read, and a file's validation before it goes to the console's deploy step.
 */
@RestController
@RequestMapping("/api/manage")
class EditorController {

	@Schema(description = "要验证的文件")
	record FileToValidate(@Schema(description = "文件名，扩展名 .bpmn、.dmn 或 .form", example = "repair.bpmn") String fileName,
			@Schema(description = "文件内容（XML 或表单 JSON 文本）") String content) {
	}

	private final EditorCatalogue catalogue;

	private final Validation validation;

	EditorController(EditorCatalogue catalogue, Validation validation) {
		this.catalogue = catalogue;
		this.validation = validation;
	}

	@Operation(summary = "编辑器的选项目录", description = "在浏览器中编辑流程图、决策表和表单时可选的内容，均带中文名：组（候选组）；"
			+ "PropDesk 的步骤，即部署检查允许流程图引用的组件（服务任务、任务监听器、执行监听器），及其输入参数和可选值；"
			+ "最新版本的表单（id 和标题）和决策表；调用活动可以调用的事项流程。限管理层和审计。")
	@ApiResponse(responseCode = "200", description = "目录")
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@GetMapping("/editor/catalogue")
	EditorCatalogue.Catalogue catalogue(HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT, Groups.AUDITOR);
		return catalogue.catalogue();
	}

	@Operation(summary = "部署前验证一个文件", description = "部署检查的结论（不允许部署的每条原因，带所在元素的编号），"
			+ "流程图另加 PropDesk 的流程图规则：流程节点的编号易读（如 Task_Triage）、有中文名称、流程有历史保留期限、用户任务有候选组。"
			+ "allowed 表示没有错误级别的问题。读不出的 XML 或 JSON 为一条部署检查的问题。不部署、不保存任何东西。限管理层。")
	@ApiResponse(responseCode = "200", description = "验证结果")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@PostMapping(value = "/validation", consumes = MediaType.APPLICATION_JSON_VALUE)
	Validation.Result validate(@RequestBody FileToValidate body, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		Deploying.Upload file = Deploying.Upload.of(body.fileName(), body.content());
		Kind kind = Kind.ofFile(file.fileName()).orElseThrow(() -> new InvalidRequestException("fileName",
				"只能验证 BPMN 流程、DMN 决策表和 Camunda 表单（.bpmn、.dmn、.form）"));
		return validation.of(kind, file.fileName(), file.content());
	}

}
