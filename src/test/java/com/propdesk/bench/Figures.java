package com.propdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

/** One database's figures: printed as a table (PropDesk, the bare engine, their ratio) and written as JSON. */
final class Figures {

	/** One line: PropDesk's figure and, where the bare engine did the same, its figure. */
	record Line(String measure, String unit, double propdesk, Double bare) {

		Double ratio() {
			return bare == null || bare == 0 ? null : propdesk / bare;
		}

	}

	private final String database;

	private final List<Line> lines = new ArrayList<>();

	private final Map<String, Object> details = new LinkedHashMap<>();

	Figures(String database) {
		this.database = database;
	}

	void add(String measure, String unit, double propdesk, Double bare) {
		lines.add(new Line(measure, unit, propdesk, bare));
		System.out.println(String.format(Locale.ROOT, "[bench %s] %s", database, format(lines.get(lines.size() - 1))));
	}

	void add(String measure, String unit, double propdesk) {
		add(measure, unit, propdesk, null);
	}

	/** Everything else worth keeping in the JSON (per-phase counts, errors, settings). */
	void detail(String key, Object value) {
		details.put(key, value);
	}

	String table() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%n== PropDesk benchmark on %s ==%n%-58s %12s %12s %8s%n", database, "measure",
				"PropDesk", "bare engine", "ratio"));
		lines.forEach(line -> out.append(format(line)).append('\n'));
		return out.toString();
	}

	private static String format(Line line) {
		return String.format(Locale.ROOT, "%-58s %12s %12s %8s", line.measure() + " (" + line.unit() + ")",
				number(line.propdesk()), line.bare() == null ? "" : number(line.bare()),
				line.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f×", line.ratio()));
	}

	private static String number(double value) {
		return Double.isNaN(value) ? "–" : value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

	Path write(Path directory, String stamp, Map<String, Object> machine) throws IOException {
		Files.createDirectories(directory);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("database", database);
		json.put("at", stamp);
		json.put("machine", machine);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Line line : lines) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("measure", line.measure());
			row.put("unit", line.unit());
			row.put("propdesk", Double.isNaN(line.propdesk()) ? null : line.propdesk());
			row.put("bare", line.bare());
			row.put("ratio", line.ratio());
			rows.add(row);
		}
		json.put("figures", rows);
		json.put("details", details);
		Path file = directory.resolve(stamp + "-" + database + ".json");
		BenchClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
		return file;
	}

}
