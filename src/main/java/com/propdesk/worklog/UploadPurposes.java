package com.propdesk.worklog;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What an upload was made for, for the steps that take uploads by their id (a dispute's evidence). */
@Repository
public class UploadPurposes {

	private final JdbcTemplate jdbc;

	UploadPurposes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The upload's purpose ({@code photo}, {@code evidence}); empty when there is no such upload. */
	public Optional<String> of(String uploadId) {
		return jdbc.queryForList("select purpose from upload where id = ?", String.class, uploadId).stream().findFirst();
	}

}
