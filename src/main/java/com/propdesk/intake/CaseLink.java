package com.propdesk.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Another case this one is linked to, and how: {@code opened} (this case opened the other, e.g. a
 * complaint its repair) or {@code opened-from} (this case was opened by the other).
 */
@Schema(description = "关联事项")
public record CaseLink(@Schema(description = "关联的事项编号", requiredMode = Schema.RequiredMode.REQUIRED, example = "C-20261128-0042") String caseNo,
		@Schema(description = "关系：opened 由本事项转出，opened-from 由该事项转入", requiredMode = Schema.RequiredMode.REQUIRED,
				allowableValues = { "opened", "opened-from" }) String relation) {
}
