package com.propdesk.dispatch;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

import com.propdesk.registry.Estate.Building;
import com.propdesk.registry.Estate.Technician;
import com.propdesk.security.Groups;

/**
 * Chooses the technician for a job: on duty now, in the department, with the skill it needs,
 * not excluded (one who handed the job back); then the nearest to the site — same building, then
 * same zone, then by distance on the estate plan — and, as near as each other, the one with the
 * least open work. Pure logic: the roster, positions, workloads and the skill's name are handed in.
 */
public final class Dispatcher {

	/** The choice, or none, with the reason staff read in the timeline. */
	public record Decision(Optional<String> technician, String reason) {
	}

	private record Candidate(Technician technician, int nearness, double distance, long openWork) {
	}

	private Dispatcher() {
	}

	public static Decision decide(List<Technician> roster, Map<String, Building> buildings, Building site,
			String department, String skill, String skillLabel, Set<String> excluded, LocalTime now, ToLongFunction<String> openWork) {
		List<Technician> eligible = roster.stream()
				.filter(t -> t.active() && t.department().equals(department))
				.filter(t -> t.shift().covers(now))
				.filter(t -> t.qualifiedFor(skill))
				.filter(t -> !excluded.contains(t.username()))
				.toList();
		if (eligible.isEmpty()) {
			String needs = skill == null || "other".equals(skill) ? "" : "、具备「" + skillLabel + "」技能";
			// those of this department who handed the job back, by name: one of another department was never a choice
			List<String> handedBack = roster.stream().filter(t -> t.department().equals(department) && excluded.contains(t.username()))
					.map(Technician::name).toList();
			String without = handedBack.isEmpty() ? "" : "（已排除退回的 " + String.join("、", handedBack) + "）";
			return new Decision(Optional.empty(),
					Groups.label(department) + "无人可派：当前没有在岗" + needs + "的技师" + without + "，请值班人员手工派工");
		}
		Candidate best = eligible.stream().map(t -> candidate(t, buildings, site, openWork))
				.min(Comparator.comparingInt(Candidate::nearness)
						.thenComparingDouble(c -> c.nearness() < 2 ? 0 : c.distance())
						.thenComparingLong(Candidate::openWork)
						.thenComparingDouble(Candidate::distance)
						.thenComparing(c -> c.technician().username()))
				.orElseThrow();
		String where = switch (best.nearness()) {
			case 0 -> "同楼栋（" + site.name() + "）";
			case 1 -> "同片区（" + site.zone() + "区）";
			default -> "距离最近（约 " + Math.round(best.distance()) + " 米）";
		};
		String others = eligible.size() > 1 ? "；共 " + eligible.size() + " 名在岗合格技师" : "";
		return new Decision(Optional.of(best.technician().username()), "派给 " + best.technician().name() + "（"
				+ best.technician().username() + "）：" + where + "，当前在办 " + best.openWork() + " 件" + others);
	}

	private static Candidate candidate(Technician t, Map<String, Building> buildings, Building site,
			ToLongFunction<String> openWork) {
		Building base = buildings.get(t.baseBuilding());
		int nearness = t.baseBuilding().equals(site.code()) ? 0 : t.zone().equals(site.zone()) ? 1 : 2;
		double distance = base == null ? Double.MAX_VALUE : base.distanceTo(site);
		return new Candidate(t, nearness, distance, openWork.applyAsLong(t.username()));
	}

}
