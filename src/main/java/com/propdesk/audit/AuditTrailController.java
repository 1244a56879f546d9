package com.propdesk.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.security.Caller;
import com.propdesk.security.Groups;

/** Auditors and management verify the audit trail here, and take it away to verify it elsewhere. */
@RestController
@RequestMapping("/api/audit/trail")
class AuditTrailController {

	/** An export: the entries with their hashes and the head they must end at. */
	record Export(long lastSeq, String lastHash, List<AuditTrail.Entry> entries) {
	}

	private final AuditTrail trail;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	AuditTrailController(AuditTrail trail, org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.trail = trail;
		this.jdbc = jdbc;
	}

	@GetMapping("/verify")
	Map<String, Object> verify(HttpServletRequest request) {
		Caller.staffIn(request, Groups.AUDITOR, Groups.MANAGEMENT);
		var broken = trail.verify();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("intact", broken.isEmpty());
		answer.put("entries", trail.entries().size());
		broken.ifPresent(b -> answer.put("firstBreak", b));
		return answer;
	}

	@GetMapping("/export")
	Export export(HttpServletRequest request) {
		Caller.staffIn(request, Groups.AUDITOR, Groups.MANAGEMENT);
		var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1");
		return new Export(((Number) head.get("last_seq")).longValue(), (String) head.get("last_hash"), trail.entries());
	}

}
