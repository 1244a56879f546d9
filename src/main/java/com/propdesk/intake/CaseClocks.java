package com.propdesk.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the case API shows of a case's SLA clocks; implemented by the SLA service, which itself
 * builds on the case service, so intake asks through this port.
 */
public interface CaseClocks {

	@Schema(description = "一次服务时限计时")
	record ClockView(@Schema(description = "服务时限编号", requiredMode = Schema.RequiredMode.REQUIRED, example = "repair-resolution") String sla,
			@Schema(description = "服务时限的中文名称", requiredMode = Schema.RequiredMode.REQUIRED, example = "维修解决") String label,
			@Schema(description = "计时状态：running 计时中，paused 暂停，met 已达成，stopped 已停止", requiredMode = Schema.RequiredMode.REQUIRED,
					allowableValues = { "running", "paused", "met", "stopped" }) String state,
			@Schema(description = "开始时间", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime startedAt,
			@Schema(description = "到期时间", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime dueAt,
			@Schema(description = "达成时间", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime metAt,
			@Schema(description = "超时时间", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime breachedAt,
			@Schema(description = "超时后督办的组", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String escalatedTo,
			@Schema(description = "暂停原因", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String pauseReason) {
	}

	List<ClockView> clocks(String caseNo);

	/** The nearest due time of the running clocks: the case's {@code dueAt}. */
	Optional<OffsetDateTime> nearestDue(String caseNo);

}
