package com.propdesk.audit;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Verifies an exported audit trail (GET /api/audit/trail/export) away from PropDesk:
 * {@code java -Dloader.main=com.propdesk.audit.AuditTrailVerifier -cp propdesk.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher export.json}. Prints the first break and
 * exits 1, or prints that the chain is whole and exits 0.
 */
public final class AuditTrailVerifier {

	private AuditTrailVerifier() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: AuditTrailVerifier <export.json>");
			System.exit(2);
		}
		String verdict = verify(Path.of(args[0]));
		System.out.println(verdict);
		System.exit(verdict.startsWith("intact") ? 0 : 1);
	}

	/** @return "intact: N entries" or "broken at N: what is wrong" */
	public static String verify(Path export) throws IOException {
		ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
		JsonNode root = json.readTree(export.toFile());
		var entries = json.readerForListOf(AuditTrail.Entry.class).<java.util.List<AuditTrail.Entry>>readValue(root.get("entries"));
		return AuditTrail.verify(entries, root.get("lastSeq").asLong(), root.get("lastHash").asText())
				.map(b -> "broken at " + b.seq() + ": " + b.problem())
				.orElse("intact: " + entries.size() + " entries");
	}

}
