package com.propdesk.worklog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.propdesk.system.Clock;

/** Files staff attached ({@code upload}), stored in the database beside what they belong to. */
@Repository
class Uploads {

	record Upload(String id, String purpose, String contentType, int size, String sha256, String uploadedBy,
			OffsetDateTime uploadedAt) {
	}

	record Content(String contentType, byte[] bytes) {
	}

	private final JdbcTemplate jdbc;

	Uploads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Upload store(String purpose, String contentType, String fileName, byte[] content, String uploadedBy) {
		Upload upload = new Upload(UUID.randomUUID().toString(), purpose, contentType, content.length, sha256(content),
				uploadedBy, Clock.now());
		jdbc.update("insert into upload (id, purpose, content_type, file_name, size_bytes, sha256, content, uploaded_by, "
				+ "uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", upload.id(), purpose, contentType, fileName,
				content.length, upload.sha256(), content, uploadedBy, upload.uploadedAt());
		return upload;
	}

	Optional<String> purposeOf(String id) {
		return jdbc.queryForList("select purpose from upload where id = ?", String.class, id).stream().findFirst();
	}

	Optional<Content> content(String id) {
		return jdbc.query("select content_type, content from upload where id = ?",
				(rs, i) -> new Content(rs.getString("content_type"), rs.getBytes("content")), id).stream().findFirst();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
