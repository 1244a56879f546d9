package com.propdesk.repeatfault;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.registry.RegistryRepository;
import com.propdesk.repeatfault.RepeatFaults.RepeatFault;
import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.ProblemException;

import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code GET /api/repeat-faults?status=open|closed&building=} and {@code GET /api/repeat-faults/{id}}: repeat faults with
 * their repairs and the measure taken, for management and auditors.
 */
@RestController
@RequestMapping("/api/repeat-faults")
class RepeatFaultController {

	private final RepeatFaults repeatFaults;

	private final RegistryRepository registry;

	RepeatFaultController(RepeatFaults repeatFaults, RegistryRepository registry) {
		this.repeatFaults = repeatFaults;
		this.registry = registry;
	}

	@Operation(summary = "重复报修列表", description = "同一房屋，或同一楼栋的同类公共设备，90 天内报修 3 次：按状态（open 处理中、closed 已处理）"
			+ "和楼栋筛选，含所含报修和预防措施，最新的在前（管理层、审计）。")
	@GetMapping
	List<RepeatFault> list(@RequestParam(required = false) String status, @RequestParam(required = false) String building,
			HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT, Groups.AUDITOR);
		List<FieldProblem> problems = new ArrayList<>();
		if (status != null && !RepeatFaults.STATUSES.containsKey(status)) {
			problems.add(new FieldProblem("status", "应为 open（待处理）或 closed（已关闭）"));
		}
		String buildingCode = null;
		if (building != null) {
			buildingCode = registry.findBuilding(building).map(b -> b.code()).orElse(null);
			if (buildingCode == null) {
				problems.add(new FieldProblem("building", "没有这个楼栋：" + building));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return repeatFaults.list(status, buildingCode);
	}

	@Operation(summary = "一条重复报修", description = "所含报修、措施（安排定期工作或维修根源）、决定人和时间（管理层、审计）。")
	@GetMapping("/{id}")
	RepeatFault one(@PathVariable String id, HttpServletRequest request) {
		Caller.staffIn(request, Groups.MANAGEMENT, Groups.AUDITOR);
		long number;
		try {
			number = Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			throw new InvalidRequestException("id", "应为重复报修的编号（整数）");
		}
		return repeatFaults.find(number).orElseThrow(() -> ProblemException.notFound("没有重复报修 " + id));
	}

}
