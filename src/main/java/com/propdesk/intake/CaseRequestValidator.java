package com.propdesk.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.propdesk.registry.Estate.Unit;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.PropDeskProperties;

/** Checks a case report field by field and names every bad field; an empty list means it is valid. */
@Component
public class CaseRequestValidator {

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");

	private final RegistryRepository registry;

	private final PropDeskProperties properties;

	CaseRequestValidator(RegistryRepository registry, PropDeskProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	public List<FieldProblem> validate(CaseRequest request, boolean externalIdRequired) {
		List<FieldProblem> problems = new ArrayList<>();
		CaseType type = null;
		if (blank(request.type())) {
			problems.add(new FieldProblem("type", "必填：repair、complaint、emergency 或 inquiry"));
		}
		else {
			type = CaseType.of(request.type()).orElse(null);
			if (type == null) {
				problems.add(new FieldProblem("type", "未知类型 " + request.type() + "：应为 repair、complaint、emergency 或 inquiry"));
			}
		}
		if (blank(request.channel())) {
			problems.add(new FieldProblem("channel", "必填：" + String.join("、", Channels.LABELS.keySet())));
		}
		else if (!Channels.LABELS.containsKey(request.channel())) {
			problems.add(new FieldProblem("channel", "未知渠道 " + request.channel() + "：应为 " + String.join("、", Channels.LABELS.keySet())));
		}
		if (externalIdRequired && blank(request.externalId())) {
			problems.add(new FieldProblem("externalId", "必填：渠道系统中的编号，用于防止重复受理"));
		}
		else if (request.externalId() != null && request.externalId().length() > 128) {
			problems.add(new FieldProblem("externalId", "最长 128 个字符"));
		}
		if (blank(request.reporterName())) {
			problems.add(new FieldProblem("reporter.name", "必填：报事人姓名"));
		}
		else if (request.reporterName().length() > 64) {
			problems.add(new FieldProblem("reporter.name", "最长 64 个字符"));
		}
		if (blank(request.reporterPhone())) {
			problems.add(new FieldProblem("reporter.phone", "必填：报事人电话"));
		}
		else if (!PHONE.matcher(request.reporterPhone()).matches()) {
			problems.add(new FieldProblem("reporter.phone", "电话号码格式不对"));
		}
		if (blank(request.description())) {
			problems.add(new FieldProblem("description", "必填：请描述情况"));
		}
		else if (request.description().length() > 2000) {
			problems.add(new FieldProblem("description", "最长 2000 个字符"));
		}
		checkPlace(request, type, problems);
		if (type == CaseType.REPAIR) {
			if (blank(request.category())) {
				problems.add(new FieldProblem("category", "报修必填：" + String.join("、", RepairCategories.LABELS.keySet())));
			}
			else if (!RepairCategories.LABELS.containsKey(request.category())) {
				problems.add(new FieldProblem("category", "未知类别 " + request.category() + "：应为 " + String.join("、", RepairCategories.LABELS.keySet())));
			}
		}
		if (type == CaseType.EMERGENCY) {
			if (blank(request.category())) {
				problems.add(new FieldProblem("category", "紧急事件必填事件类型：" + String.join("、", IncidentTypes.LABELS.keySet())));
			}
			else if (!IncidentTypes.LABELS.containsKey(request.category())) {
				problems.add(new FieldProblem("category", "未知事件类型 " + request.category() + "：应为 "
						+ String.join("、", IncidentTypes.LABELS.keySet())));
			}
		}
		if (type == CaseType.COMPLAINT && !blank(request.category())
				&& !ComplaintCategories.LABELS.containsKey(request.category())) {
			problems.add(new FieldProblem("category", "未知投诉类别 " + request.category() + "：应为 "
					+ String.join("、", ComplaintCategories.LABELS.keySet())));
		}
		if (type == CaseType.INQUIRY && !blank(request.category())
				&& !InquiryCategories.LABELS.containsKey(request.category())) {
			problems.add(new FieldProblem("category", "未知咨询类别 " + request.category() + "：应为 "
					+ String.join("、", InquiryCategories.LABELS.keySet())));
		}
		if (request.demand() != null && request.demand().length() > 1000) {
			problems.add(new FieldProblem("demand", "最长 1000 个字符"));
		}
		if (request.subject() != null && request.subject().length() > 200) {
			problems.add(new FieldProblem("subject", "最长 200 个字符"));
		}
		checkCallback(request, problems);
		return problems;
	}

	private void checkPlace(CaseRequest request, CaseType type, List<FieldProblem> problems) {
		if (blank(request.building())) {
			if (type != null && type.needsBuilding()) {
				problems.add(new FieldProblem("building", "必填：楼栋编号"));
			}
			if (!blank(request.unit())) {
				problems.add(new FieldProblem("building", "填写单元时必须同时填写楼栋"));
			}
			return;
		}
		if (registry.building(request.building()).isEmpty()) {
			problems.add(new FieldProblem("building", "没有这个楼栋：" + request.building()));
			return;
		}
		if (!blank(request.unit())) {
			Unit unit = registry.unit(request.unit()).orElse(null);
			if (unit == null) {
				problems.add(new FieldProblem("unit", "没有这个单元：" + request.unit()));
			}
			else if (!unit.building().equals(request.building())) {
				problems.add(new FieldProblem("unit", "单元 " + request.unit() + " 不在 " + request.building() + " 号楼"));
			}
		}
	}

	private void checkCallback(CaseRequest request, List<FieldProblem> problems) {
		if (blank(request.callbackUrl())) {
			return;
		}
		URI uri;
		try {
			uri = new URI(request.callbackUrl());
		}
		catch (URISyntaxException e) {
			problems.add(new FieldProblem("callbackUrl", "不是有效的网址"));
			return;
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
			problems.add(new FieldProblem("callbackUrl", "必须是 http 或 https 的完整网址"));
			return;
		}
		// Map.copyOf refuses null keys; a missing channel is reported on its own field
		var channel = request.channel() == null ? null : properties.channels().get(request.channel());
		boolean allowed = channel != null && channel.callbackHosts().stream()
				.anyMatch(host -> host.equalsIgnoreCase(uri.getHost()));
		if (!allowed) {
			problems.add(new FieldProblem("callbackUrl", "主机 " + uri.getHost() + " 不在该渠道允许的回调地址列表中"));
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
