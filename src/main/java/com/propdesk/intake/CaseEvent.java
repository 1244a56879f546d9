package com.propdesk.intake;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One line of a case's timeline: when, what kind of step, who took it (a user id, a channel, or
 * {@code system}), and what happened, in Chinese.
 */
@Schema(description = "处理经过中的一条")
public record CaseEvent(@Schema(description = "时间", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime at,
		@Schema(description = "步骤类型（英文编号）", requiredMode = Schema.RequiredMode.REQUIRED, example = "dispatched") String kind,
		@Schema(description = "经办人：用户编号、channel:渠道 或 system", requiredMode = Schema.RequiredMode.REQUIRED, example = "system") String actor,
		@Schema(description = "经过（中文）", requiredMode = Schema.RequiredMode.REQUIRED) String message) {
}
