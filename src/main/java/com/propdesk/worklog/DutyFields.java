package com.propdesk.worklog;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.propdesk.system.FieldProblem;

/** The two fields every plan and every log names, checked one way: a known duty, and a building of the estate. */
@Component
class DutyFields {

	private final JdbcTemplate jdbc;

	DutyFields(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The duty of the code, or null with its problem added. */
	Duty duty(List<FieldProblem> problems, String code) {
		Duty duty = Duty.ofCode(code).orElse(null);
		if (duty == null) {
			problems.add(new FieldProblem("duty", "必填，可选：" + String.join("、",
					Arrays.stream(Duty.values()).map(d -> d.code() + "（" + d.label() + "）").toList())));
		}
		return duty;
	}

	void building(List<FieldProblem> problems, String code) {
		if (code == null || jdbc.queryForObject("select count(*) from building where code = ?", Integer.class, code) == 0) {
			problems.add(new FieldProblem("building", "必填：已有的楼栋编号"));
		}
	}

}
