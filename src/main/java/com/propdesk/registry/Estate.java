package com.propdesk.registry;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.propdesk.system.Text;
import com.propdesk.system.TextRules.Lines;

/** The estate's records, as the registry stores them and its API shows them. */
public final class Estate {

	private Estate() {
	}

	public record Zone(@Text(max = 16) String code, @Text(max = 64) String name) {
	}

	/** A building and its position on the estate plan (metres from the plan's origin). */
	public record Building(@Text(max = 16) String code, @Text(max = 64) String name, @Text(max = 16) String zone,
			double planX, double planY) {

		public double distanceTo(Building other) {
			return Math.hypot(planX - other.planX, planY - other.planY);
		}

	}

	public record Unit(@Text(max = 32) String code, @Text(max = 16) String building, int floor) {
	}

	public record Resident(Long id, @Text(max = 32) String unit, @Text(max = 64) String name,
			@NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}", message = "电话号码格式不对") String phone,
			@NotBlank @Pattern(regexp = "owner|tenant|family", message = "应为 owner、tenant 或 family") String role,
			boolean elderlyAlone, @Text(max = 200, required = false, lines = Lines.MANY) String specialNeeds) {
	}

	/** A technician of a department, qualified for some repair categories, stationed at a building. */
	public record Technician(@Text(max = 64) String username, @Text(max = 64) String name,
			@NotBlank @Pattern(regexp = "engineering|cleaning|security", message = "应为 engineering、cleaning 或 security") String department,
			@NotEmpty List<@Text(max = 32) String> skills, @Text(max = 16) String zone, @Text(max = 16) String baseBuilding,
			@NotNull Shift shift, boolean active) {

		public boolean qualifiedFor(String category) {
			return category == null || "other".equals(category) || skills.contains(category);
		}

	}

}
