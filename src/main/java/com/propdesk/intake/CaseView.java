package com.propdesk.intake;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A case as {@code GET /api/cases/{caseNo}} shows it to staff, its channel and its owner. */
@Schema(description = "事项详情")
record CaseView(@Schema(description = "事项编号", requiredMode = Schema.RequiredMode.REQUIRED, example = "R-20261127-0001") String caseNo,
		@Schema(description = "事项类型", requiredMode = Schema.RequiredMode.REQUIRED) String type,
		@Schema(description = "事项类型的中文名称", requiredMode = Schema.RequiredMode.REQUIRED, example = "报修") String typeLabel,
		@Schema(description = "受理渠道", requiredMode = Schema.RequiredMode.REQUIRED) String channel,
		@Schema(description = "状态", requiredMode = Schema.RequiredMode.REQUIRED) String status,
		@Schema(description = "状态的中文名称", requiredMode = Schema.RequiredMode.REQUIRED, example = "处理中") String statusLabel,
		@Schema(description = "优先级", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String priority,
		@Schema(description = "负责部门（组编号）", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "engineering") String department,
		@Schema(description = "负责部门的中文名称", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "工程部") String departmentLabel,
		@Schema(description = "类别", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "plumbing") String category,
		@Schema(description = "类别的中文名称", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String categoryLabel,
		@Schema(description = "楼栋编号", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "3") String building,
		@Schema(description = "单元编号", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "3-1201") String unit,
		@Schema(description = "情况描述", requiredMode = Schema.RequiredMode.REQUIRED) String description,
		@Schema(description = "咨询的书面答复", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String answer,
		@Schema(description = "当前任务的处理人（用户编号）", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "engineer") String assignee,
		@Schema(description = "当前任务处理人的姓名", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "王师傅") String assigneeName,
		@Schema(description = "正在计时的服务时限中最近的到期时间", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime dueAt,
		@Schema(description = "服务时限（每次计时一条）", requiredMode = Schema.RequiredMode.REQUIRED) List<CaseClocks.ClockView> clocks,
		@Schema(description = "受理时间", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime createdAt,
		@Schema(description = "最近更新时间", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime updatedAt,
		@Schema(description = "关联事项", requiredMode = Schema.RequiredMode.REQUIRED) List<CaseLink> links,
		@Schema(description = "处理经过，按时间先后", requiredMode = Schema.RequiredMode.REQUIRED) List<CaseEvent> timeline,
		@Schema(description = "业主页面所需：上门师傅、预计到达、能否评价和催办、服务热线", requiredMode = Schema.RequiredMode.REQUIRED) OwnerView owner) {
}
