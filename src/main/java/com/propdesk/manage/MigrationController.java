package com.propdesk.manage;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.ProblemException;

/**
 * Moving running cases to another version of their process: the plan and a dry run (read by management and auditors,
 * changing nothing), the move as a Camunda batch (management only) and its progress.
 */
@RestController
@RequestMapping("/api/manage/migrations")
class MigrationController {

	private final Migrations migrations;

	MigrationController(Migrations migrations) {
		this.migrations = migrations;
	}

	@Operation(summary = "迁移计划", description = "引擎为两个版本生成的迁移计划（按相同步骤编号对应；消息、信号、条件事件按新版本更新，"
			+ "定时器保持原到期时间）：每条对应关系、旧版本中没有对应的等待步骤、对应的定时器，以及该版本每个进行中的事项"
			+ "（事项编号、当前步骤）能否迁移、不能迁移的原因（中文及引擎原文）、保持原到期时间的定时器。每个事项都由引擎实际试迁移后回滚，"
			+ "不做任何更改。限管理层和审计。")
	@ApiResponse(responseCode = "200", description = "迁移计划")
	@PostMapping("/plan")
	Migrations.Plan plan(@RequestBody(required = false) Migrations.Request body, HttpServletRequest request) {
		Caller.staffIn(request, ComparisonController.READERS);
		return migrations.plan(withoutCases(required(body)));
	}

	@Operation(summary = "试迁移", description = "与迁移计划相同，只针对 caseNos 中的事项（不填为全部）；每个事项由引擎试迁移后回滚，"
			+ "不做任何更改。限管理层和审计。")
	@ApiResponse(responseCode = "200", description = "所问事项的迁移报告")
	@PostMapping("/dry-run")
	Migrations.Plan dryRun(@RequestBody(required = false) Migrations.Request body, HttpServletRequest request) {
		Caller.staffIn(request, ComparisonController.READERS);
		return migrations.plan(required(body));
	}

	@Operation(summary = "执行迁移", description = "把 caseNos 中（不填为全部）能迁移的事项作为一个 Camunda 批次迁移到新版本，"
			+ "返回批次编号；不能迁移的事项不包含在内，并在 excluded 中列出原因。note 必填，每个事项的迁移（谁、从哪个版本到哪个版本、说明）"
			+ "记入审计链。没有可迁移的事项时返回 409。限管理层。")
	@ApiResponse(responseCode = "202", description = "批次已提交")
	@ApiResponse(responseCode = "409", ref = OpenApiDocument.CONFLICT)
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	Migrations.Submitted execute(@RequestBody(required = false) Migrations.Request body, HttpServletRequest request) {
		String actor = Caller.staffIn(request, Groups.MANAGEMENT).userId();
		return migrations.execute(required(body), actor);
	}

	@Operation(summary = "迁移进度", description = "批次的作业总数、已完成和失败的作业数（失败原因中文及原文），以及批次中每个事项的状态"
			+ "（已迁移、等待迁移、已结束）。限管理层和审计。")
	@ApiResponse(responseCode = "200", description = "进度")
	@GetMapping("/{batchId}")
	Migrations.Progress progress(@Parameter(description = "批次编号") @PathVariable String batchId, HttpServletRequest request) {
		Caller.staffIn(request, ComparisonController.READERS);
		return migrations.progress(batchId).orElseThrow(() -> ProblemException.notFound("没有迁移批次 " + batchId));
	}

	private static Migrations.Request required(Migrations.Request body) {
		if (body == null) {
			throw new InvalidRequestException("body", "必填：{processKey, fromVersion, toVersion}");
		}
		return body;
	}

	private static Migrations.Request withoutCases(Migrations.Request body) {
		return new Migrations.Request(body.processKey(), body.fromVersion(), body.toVersion(), null, null);
	}

}
