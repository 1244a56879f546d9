package com.propdesk.manage;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.OpenApiDocument;

/** The decision-table editor's try-it box (试算): an edited table evaluated on sample inputs, nothing deployed. */
@RestController
class DecisionTrialController {

	@Schema(description = "试算：编辑中的决策表和样例输入")
	record TrialBody(@Schema(description = "决策表文件内容（DMN XML），即编辑器中尚未部署的表") String content,
			@Schema(description = "要试算的决策键；不填时为文件中的第一个决策表", example = "sla-policy") String decisionKey,
			@Schema(description = "各输入的值，按输入读取的变量名；未给的输入为空（null）",
					example = "{\"caseType\": \"repair\", \"sla\": \"repair-response\", \"priority\": \"P1\"}") Map<String, Object> inputs) {
	}

	private final DecisionTrial trial;

	DecisionTrialController(DecisionTrial trial) {
		this.trial = trial;
	}

	@Operation(summary = "试算决策表", description = "先经部署检查（不允许的表不计算，答复 400 和逐条中文原因），"
			+ "再用流程引擎的 DMN 引擎按部署后的方式计算这张表：命中的规则（编号、行号、注释）和输出。"
			+ "不部署、不保存任何内容。输入名不是表的输入、值不是文字/数字/true/false 时答复 400，指明字段（inputs.<名称>）。限管理层。")
	@ApiResponse(responseCode = "200", description = "试算结果（可能没有规则命中）")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@PostMapping(value = "/api/manage/decisions/trial", consumes = MediaType.APPLICATION_JSON_VALUE)
	DecisionTrial.Result tryOut(@RequestBody TrialBody body, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT);
		return trial.tryOut(body.content(), body.decisionKey(), body.inputs());
	}

}
