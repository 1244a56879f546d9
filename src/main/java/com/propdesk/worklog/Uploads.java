package com.propdesk.worklog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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

	record Content(String contentType, byte[] bytes, String purpose, String uploadedBy) {
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

	/**
	 * Why a work log of {@code recorder} may not carry the upload as a photo, or null: it is a photo they uploaded
	 * themselves that backs no other log (a photo is evidence of one round, taken by who did it).
	 */
	String photoProblem(String id, String recorder) {
		List<Map<String, Object>> found = jdbc.queryForList("select purpose, uploaded_by, (select count(*) from work_log_photo p "
				+ "where p.upload_id = u.id) attached from upload u where u.id = ?", id);
		if (found.isEmpty() || !"photo".equals(found.get(0).get("purpose"))) {
			return "不是已上传的照片编号（先用 POST /api/uploads 上传，purpose=photo）";
		}
		if (!recorder.equals(found.get(0).get("uploaded_by"))) {
			return "只能附自己上传的照片";
		}
		if (((Number) found.get(0).get("attached")).intValue() > 0) {
			return "这张照片已附在另一条工作记录上";
		}
		return null;
	}

	Optional<Content> content(String id) {
		return jdbc.query("select content_type, content, purpose, uploaded_by from upload where id = ?",
				(rs, i) -> new Content(rs.getString("content_type"), rs.getBytes("content"), rs.getString("purpose"),
						rs.getString("uploaded_by")), id).stream().findFirst();
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
