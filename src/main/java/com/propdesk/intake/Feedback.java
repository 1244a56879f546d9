package com.propdesk.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/** The owner's feedback on a resolved case: a score from 1 (very unsatisfied) to 5, and a comment. */
@Schema(description = "业主评价")
public record Feedback(
		@Schema(description = "评分：1（很不满意）到 5（很满意）；2 分及以下转为投诉", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5",
				example = "4") Integer score,
		@Schema(description = "评价内容", example = "师傅很准时") String comment) {
}
