package com.propdesk.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.propdesk.registry.Estate.Building;
import com.propdesk.registry.Estate.Unit;
import com.propdesk.registry.PhoneNumbers;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.PropDeskProperties;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/** Checks a case report field by field and names every bad field; an empty list means it is valid. */
@Component
public class CaseRequestValidator {

	/** What a person calls each field of a report: a refusal of a start form names the field as the form does. */
	static final Map<String, String> FIELD_LABELS = CodeLabels.of("type", "事项类型", "channel", "受理渠道",
			"externalId", "渠道编号", "reporter.name", "报事人", "reporter.phone", "联系电话", "building", "楼栋", "unit", "房号",
			"category", "类别", "description", "情况描述", "callbackUrl", "回调地址", "demand", "业主诉求", "subject",
			"被投诉对象", "otherUnits", "对方房号");

	private final RegistryRepository registry;

	private final PropDeskProperties properties;

	private final CaseTypes types;

	CaseRequestValidator(RegistryRepository registry, PropDeskProperties properties, CaseTypes types) {
		this.registry = registry;
		this.types = types;
		this.properties = properties;
	}

	/** Column sizes of case_record (V2__cases.sql): every limit is checked here, before anything is stored. */
	static final int EXTERNAL_ID = 128, REPORTER_NAME = 64, DESCRIPTION = 2000, CALLBACK_URL = 500, BUILDING = 16,
			UNIT = 32, CATEGORY = 32;

	/**
	 * The report with its building and unit as the estate's codes and the reporter's phone written one way, where the
	 * registry recognises them; otherwise as given, for {@link #validate} to name.
	 */
	public CaseRequest normalise(CaseRequest request) {
		String building = request.building();
		if (building != null && TextRules.problem(building, Lines.ONE, BUILDING) == null) {
			building = registry.findBuilding(building).map(Building::code).orElse(building);
		}
		String unit = request.unit();
		if (unit != null && TextRules.problem(unit, Lines.ONE, UNIT) == null) {
			unit = registry.findUnit(unit).map(Unit::code).orElse(unit);
		}
		String phone = request.reporterPhone();
		phone = phone == null ? null : PhoneNumbers.normalise(phone).orElse(phone);
		List<String> otherUnits = request.otherUnits() == null ? null : request.otherUnits().stream()
				.map(other -> other == null || TextRules.problem(other, Lines.ONE, UNIT) != null ? other
						: registry.findUnit(other).map(Unit::code).orElse(other))
				.toList();
		return request.withPlaceAndPhone(building, unit, phone, otherUnits);
	}

	/** The problems as a person reads them: each field by its Chinese name. */
	public static String describe(List<FieldProblem> problems) {
		return String.join("；", problems.stream()
				.map(p -> FIELD_LABELS.getOrDefault(p.field(), p.field()) + "：" + p.message()).toList());
	}

	public List<FieldProblem> validate(CaseRequest request, boolean externalIdRequired) {
		List<FieldProblem> problems = new ArrayList<>();
		CaseTypeDefinition type = null;
		String known = String.join("、", types.keys());
		if (TextRules.required(problems, "type", request.type(), Lines.ONE, 16, "必填：" + known)) {
			type = types.find(request.type()).orElse(null);
			if (type == null) {
				problems.add(new FieldProblem("type", "未知类型 " + request.type() + "：应为 " + known));
			}
		}
		String channels = String.join("、", Channels.LABELS.keySet());
		if (TextRules.required(problems, "channel", request.channel(), Lines.ONE, 16, "必填：" + channels)
				&& !Channels.LABELS.containsKey(request.channel())) {
			problems.add(new FieldProblem("channel", "未知渠道 " + request.channel() + "：应为 " + channels));
		}
		if (externalIdRequired) {
			TextRules.required(problems, "externalId", request.externalId(), Lines.ONE, EXTERNAL_ID,
					"必填：渠道系统中的编号，用于防止重复受理");
		}
		else {
			TextRules.optional(problems, "externalId", request.externalId(), Lines.ONE, EXTERNAL_ID);
		}
		TextRules.required(problems, "reporter.name", request.reporterName(), Lines.ONE, REPORTER_NAME, "必填：报事人姓名");
		if (TextRules.required(problems, "reporter.phone", request.reporterPhone(), Lines.ONE, 32, "必填：报事人电话")
				&& PhoneNumbers.normalise(request.reporterPhone()).isEmpty()) {
			problems.add(new FieldProblem("reporter.phone", "电话号码格式不对：" + PhoneNumbers.RULE));
		}
		TextRules.required(problems, "description", request.description(), Lines.MANY, DESCRIPTION, "必填：请描述情况");
		checkPlace(request, type, problems);
		if (request.category() != null && TextRules.problem(request.category(), Lines.ONE, CATEGORY) != null) {
			problems.add(new FieldProblem("category", TextRules.problem(request.category(), Lines.ONE, CATEGORY)));
		}
		else if (type != null) {
			checkCategory(request.category(), type, problems);
		}
		if (type != null) {
			type.validate(request, problems);
			ownFieldsOfOtherTypes(request, type, problems);
		}
		checkCallback(request, problems);
		return problems;
	}

	private static void ownFieldsOfOtherTypes(CaseRequest request, CaseTypeDefinition type, List<FieldProblem> problems) {
		Map<String, Object> given = new LinkedHashMap<>();
		given.put("demand", request.demand());
		given.put("subject", request.subject());
		given.put("otherUnits", request.otherUnits());
		given.forEach((field, value) -> {
			if (value != null && !type.ownFields().contains(field)) {
				problems.add(new FieldProblem(field, type.label() + "不填此项"));
			}
		});
	}

	/** The category must be one of the type's own, and given where the type needs one. */
	private static void checkCategory(String category, CaseTypeDefinition type, List<FieldProblem> problems) {
		String codes = String.join("、", type.categories().keySet());
		if (blank(category)) {
			if (type.categoryRequired()) {
				problems.add(new FieldProblem("category", type.label() + "必填" + type.categoryNoun() + "：" + codes));
			}
		}
		else if (!type.categories().containsKey(category)) {
			problems.add(new FieldProblem("category", "未知" + type.categoryNoun() + " " + category + "：应为 " + codes));
		}
	}

	private void checkPlace(CaseRequest request, CaseTypeDefinition type, List<FieldProblem> problems) {
		// a code the registry cannot hold is refused before it is looked up (a NUL fails a PostgreSQL query)
		int before = problems.size();
		TextRules.optional(problems, "building", request.building(), Lines.ONE, BUILDING);
		TextRules.optional(problems, "unit", request.unit(), Lines.ONE, UNIT);
		if (problems.size() > before) {
			return;
		}
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
		if (!TextRules.optional(problems, "callbackUrl", request.callbackUrl(), Lines.ONE, CALLBACK_URL)) {
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
		if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
			problems.add(new FieldProblem("callbackUrl", "必须是 http 或 https 的完整网址"));
			return;
		}
		if (uri.getHost() == null) {
			// Java reads no host where the authority is malformed: a bad host or a port that is not a number
			problems.add(new FieldProblem("callbackUrl", "网址中的主机名或端口无效：请写完整的域名或 IP 地址，端口为 1 到 65535 的数字"));
			return;
		}
		if (uri.getPort() == 0 || uri.getPort() > 65535) {
			problems.add(new FieldProblem("callbackUrl", "端口无效：须在 1 到 65535 之间"));
			return;
		}
		if (uri.getRawUserInfo() != null) {
			// the callback would go without them (PropDesk sends no credentials), and a URL is no place for a password
			problems.add(new FieldProblem("callbackUrl", "不能包含用户名或密码"));
			return;
		}
		// Map.copyOf refuses null keys; a missing channel is reported on its own field
		var channel = request.channel() == null ? null : properties.channels().get(request.channel());
		if (channel == null || !channel.allowsCallbackTo(uri)) {
			String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
			problems.add(new FieldProblem("callbackUrl", "主机 " + uri.getHost() + port + " 不在该渠道允许的回调地址列表中"));
		}
	}

	private static boolean blank(String value) {
		return TextRules.blank(value);
	}

}
