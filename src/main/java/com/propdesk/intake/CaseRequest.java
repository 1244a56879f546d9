package com.propdesk.intake;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A report of a case, as a channel sends it to {@code POST /api/cases} or an agent fills the start
 * form in Tasklist. Checked by {@link CaseRequestValidator}. A complaint may add what the owner asks
 * for ({@code demand}) and who or which department it is about ({@code subject}); a neighbour dispute
 * ({@code mediation}) names the other party's units ({@code otherUnits}) beside the reporter's {@code unit}.
 */
@Schema(description = "新建事项：渠道系统提交的报事内容。无效的字段在 400 的 errors[] 中逐一列出，且不会新建任何事项。")
public record CaseRequest(
		@Schema(description = "事项类型", requiredMode = Schema.RequiredMode.REQUIRED, example = "repair") String type,
		@Schema(description = "受理渠道；API 密钥只能代表它所属的渠道", requiredMode = Schema.RequiredMode.REQUIRED, example = "wechat") String channel,
		@Schema(description = "渠道系统中的编号（渠道系统必填，最长 128）：同一渠道、同一编号再次提交时返回 200 和原事项，不会重复受理",
				example = "wx-8812") String externalId,
		@Schema(description = "报事人", requiredMode = Schema.RequiredMode.REQUIRED) Reporter reporter,
		@Schema(description = "楼栋编号；报修和紧急事件必填", example = "3") String building,
		@Schema(description = "单元编号（楼栋-楼层门牌），须属于所填楼栋", example = "3-1201") String unit,
		@Schema(description = "类别，取值随事项类型而定：报修必填，紧急事件必填事件类型，投诉和咨询可选；"
				+ "未知类别返回 400，其说明列出可选值", example = "plumbing") String category,
		@Schema(description = "情况描述（最长 2000）", requiredMode = Schema.RequiredMode.REQUIRED, example = "厨房水管爆裂，漏水严重") String description,
		@Schema(description = "事项状态变化时回调的地址（http 或 https，最长 500），主机须在该渠道允许的列表中",
				example = "http://127.0.0.1:9000/hooks/case") String callbackUrl,
		@Schema(description = "投诉：业主的诉求") String demand,
		@Schema(description = "投诉：涉及的人员或部门") String subject,
		@ArraySchema(arraySchema = @Schema(description = "邻里纠纷调解（mediation）必填：对方的房号，一至五个；"
				+ "报事人自己的房号填在 unit，双方房号须存在且互不相同", example = "[\"3-1101\"]"),
				schema = @Schema(example = "3-1101"), maxItems = 5) List<String> otherUnits) {

	/** A report without a complaint's demand and subject. */
	public CaseRequest(String type, String channel, String externalId, Reporter reporter, String building, String unit,
			String category, String description, String callbackUrl) {
		this(type, channel, externalId, reporter, building, unit, category, description, callbackUrl, null, null);
	}

	/** A report without a dispute's other party. */
	public CaseRequest(String type, String channel, String externalId, Reporter reporter, String building, String unit,
			String category, String description, String callbackUrl, String demand, String subject) {
		this(type, channel, externalId, reporter, building, unit, category, description, callbackUrl, demand, subject, null);
	}

	@Schema(description = "报事人")
	public record Reporter(@Schema(description = "姓名（最长 64）", requiredMode = Schema.RequiredMode.REQUIRED, example = "王女士") String name,
			@Schema(description = "电话", requiredMode = Schema.RequiredMode.REQUIRED, example = "13800000000") String phone) {
	}

	/** The same report with its building and the reporter's phone as the registry writes them. */
	CaseRequest withPlaceAndPhone(String building, String unit, String phone, List<String> otherUnits) {
		return new CaseRequest(type, channel, externalId, reporter == null ? null : new Reporter(reporter.name(), phone),
				building, unit, category, description, callbackUrl, demand, subject, otherUnits);
	}

	/** Units as a process variable holds them, and as a form's text field gives them (commas, 、 or spaces). */
	public static String joinUnits(List<String> units) {
		return String.join(",", units);
	}

	public static List<String> splitUnits(String text) {
		return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s*[,，、;；\\s]\\s*"));
	}

	String reporterName() {
		return reporter == null ? null : reporter.name();
	}

	String reporterPhone() {
		return reporter == null ? null : reporter.phone();
	}

}
