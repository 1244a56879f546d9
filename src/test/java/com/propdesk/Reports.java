package com.propdesk;

import java.util.UUID;

import com.propdesk.intake.CaseRequest;

/** Case reports as channels send them, each with its own external id unless a test replays one. */
public final class Reports {

	private Reports() {
	}

	public static CaseRequest repair(String building, String unit, String category, String description) {
		return new CaseRequest("repair", "wechat", "wx-" + UUID.randomUUID(), new CaseRequest.Reporter("王女士", "13800000000"),
				building, unit, category, description, "http://127.0.0.1:9/hooks/case");
	}

	public static String repairJson(String externalId) {
		return """
				{ "type": "repair", "channel": "wechat", "externalId": "%s",
				  "reporter": {"name": "王女士", "phone": "13800000000"},
				  "building": "3", "unit": "3-1201", "category": "plumbing",
				  "description": "厨房水管爆裂，漏水严重", "callbackUrl": "http://127.0.0.1:9/hooks/case" }
				""".formatted(externalId);
	}

}
