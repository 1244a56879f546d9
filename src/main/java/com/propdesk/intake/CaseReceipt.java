package com.propdesk.intake;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a channel that opened a case: enough to show the owner and to follow the case; an
 * inquiry the knowledge base answered at once carries its answer.
 */
@Schema(description = "受理回执：展示给业主并用于跟踪事项")
record CaseReceipt(@Schema(description = "事项编号", requiredMode = Schema.RequiredMode.REQUIRED, example = "R-20261127-0001") String caseNo,
		@Schema(description = "事项类型", requiredMode = Schema.RequiredMode.REQUIRED) String type,
		@Schema(description = "优先级（尚未分级时为空）", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String priority,
		@Schema(description = "状态", requiredMode = Schema.RequiredMode.REQUIRED) String status,
		@Schema(description = "状态的中文名称", requiredMode = Schema.RequiredMode.REQUIRED, example = "已受理") String statusLabel,
		@Schema(description = "正在计时的服务时限中最近的到期时间（ISO-8601，带时区）", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime dueAt,
		@Schema(description = "跟踪令牌：业主凭它查看和评价自己的事项（X-Tracking-Token 或 ?token=）", requiredMode = Schema.RequiredMode.REQUIRED) String trackingToken,
		@Schema(description = "咨询：知识库当即给出的答复（仅在自动答复时出现；业主一条消息问了两件事、只答了主要的一件时，状态为处理中，答复末尾注明其余问题由客服答复）")
		@JsonInclude(JsonInclude.Include.NON_NULL) String answer) {

	static CaseReceipt of(CaseRecord c, OffsetDateTime dueAt) {
		return new CaseReceipt(c.caseNo(), c.type().key(), c.priority(), c.status().code(), c.status().label(), dueAt,
				c.trackingToken(), c.answer());
	}

}
