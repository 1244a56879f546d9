package com.propdesk.intake;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A case as {@code GET /api/cases/{caseNo}} shows it to staff, its channel and its owner. */
@Schema(description = "事项详情")
public record CaseView(@Schema(description = "事项编号", requiredMode = Schema.RequiredMode.REQUIRED, example = "R-20261127-0001") String caseNo,
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
		@Schema(description = "处理经过，按时间先后；业主和渠道只看到告知业主的内容和他们自己的操作", requiredMode = Schema.RequiredMode.REQUIRED) List<Line> timeline,
		@Schema(description = "业主页面所需：上门师傅、预计到达、能否评价和催办、服务热线", requiredMode = Schema.RequiredMode.REQUIRED) OwnerView owner) {

	/** A timeline line with who acted as people read it. */
	@Schema(description = "处理经过中的一条")
	public record Line(@Schema(description = "时间", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime at,
			@Schema(description = "步骤类型（英文编号）", requiredMode = Schema.RequiredMode.REQUIRED, example = "dispatched") String kind,
			@Schema(description = "经办人：用户编号、channel:渠道、owner 或 system", requiredMode = Schema.RequiredMode.REQUIRED, example = "engineer") String actor,
			@Schema(description = "经办人的中文称呼：员工姓名、业主、微信渠道、系统", requiredMode = Schema.RequiredMode.REQUIRED, example = "王师傅") String actorName,
			@Schema(description = "经过（中文）", requiredMode = Schema.RequiredMode.REQUIRED) String message) {

		public static Line of(CaseEvent event, ActorNames.Reader names) {
			return new Line(event.at(), event.kind(), event.actor(), names.nameOf(event.actor()), event.message());
		}

	}

}
