package com.propdesk.inquiry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseTypeDefinition;
import com.propdesk.intake.TimelineKind;
import com.propdesk.security.Groups;
import com.propdesk.sla.SlaNames;

/**
 * The owner's inquiry (咨询) as a case type: what owners ask about, and the department that owns (writes and
 * reviews) the knowledge-base entries of each subject.
 */
@Component
@Order(4)
public class InquiryCaseType extends CaseTypeDefinition {

	public static final Map<String, String> CATEGORIES;

	/** The group that owns (writes and reviews) the knowledge-base entries of a category. */
	public static final Map<String, String> OWNERS;

	static {
		Map<String, String> labels = new LinkedHashMap<>();
		Map<String, String> owners = new LinkedHashMap<>();
		add(labels, owners, "fees", "物业费", Groups.SERVICE_DESK);
		add(labels, owners, "parking", "停车", Groups.SECURITY);
		add(labels, owners, "renovation", "装修", Groups.ENGINEERING);
		add(labels, owners, "access", "门禁与访客", Groups.SECURITY);
		add(labels, owners, "pets", "宠物", Groups.SECURITY);
		add(labels, owners, "delivery", "快递外卖", Groups.SECURITY);
		add(labels, owners, "utilities", "水电燃气网络", Groups.ENGINEERING);
		add(labels, owners, "environment", "环境卫生", Groups.CLEANING);
		add(labels, owners, "residence", "入住与房屋", Groups.SERVICE_DESK);
		add(labels, owners, "services", "服务与设施", Groups.SERVICE_DESK);
		add(labels, owners, "other", "其他", Groups.SERVICE_DESK);
		CATEGORIES = Collections.unmodifiableMap(labels);
		OWNERS = Collections.unmodifiableMap(owners);
	}

	private static void add(Map<String, String> labels, Map<String, String> owners, String code, String label,
			String owner) {
		labels.put(code, label);
		owners.put(code, owner);
	}

	/** What an inquiry's timeline records beyond the steps every case has. */
	public enum Timeline implements TimelineKind {

		TRIAGED("咨询分流"), PARTLY_ANSWERED("已答复主要问题"), NOT_LEARNED("未记为条目问法"), HANDED_OVER("转交专员"), KB_DRAFT("知识库草稿"),
		KB_APPROVED("知识库条目通过"), KB_REJECTED("知识库条目退回");

		private final String label;

		Timeline(String label) {
			this.label = label;
		}

		@Override
		public String label() {
			return label;
		}

	}

	InquiryCaseType() {
		super(InquiryProcess.KEY, "Q", "咨询", CATEGORIES, Timeline.values());
	}

	@Override
	public String categoryNoun() {
		return "咨询类别";
	}

	/** An inquiry's due time is the reply PropDesk promised the owner. */
	@Override
	public String dueWording(String time) {
		return "承诺 " + time + " 前答复";
	}

	/** The desk's answer is due by the first-response clock, the specialist's by the time the owner was promised. */
	@Override
	public Map<String, List<String>> taskDeadlines() {
		return Map.of(
				InquiryProcess.DESK_ANSWER, List.of(SlaNames.INQUIRY_FIRST_RESPONSE),
				InquiryProcess.SPECIALIST_REPLY, List.of(SlaNames.INQUIRY_PROMISED_REPLY),
				InquiryProcess.REVIEW_ENTRY, List.of());
	}

}
