package com.propdesk.worklog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an upload may be, decided by its first bytes (never by its name or the type the client declares): the file
 * types PropDesk recognises, and per purpose the types it accepts. A new purpose or type is one line here.
 */
public final class UploadTypes {

	/** A file type and the bytes it starts with ({@code null} stands for any byte). */
	enum FileType {

		JPEG("image/jpeg", new Integer[] { 0xFF, 0xD8, 0xFF }),
		PNG("image/png", new Integer[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
		// RIFF....WEBP
		WEBP("image/webp", new Integer[] { 0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50 }),
		PDF("application/pdf", new Integer[] { 0x25, 0x50, 0x44, 0x46, 0x2D });

		final String contentType;

		private final Integer[] magic;

		FileType(String contentType, Integer[] magic) {
			this.contentType = contentType;
			this.magic = magic;
		}

		boolean starts(byte[] content) {
			if (content.length < magic.length) {
				return false;
			}
			for (int i = 0; i < magic.length; i++) {
				if (magic[i] != null && (content[i] & 0xFF) != magic[i]) {
					return false;
				}
			}
			return true;
		}

	}

	/** Purpose → the file types it accepts. */
	static final Map<String, List<FileType>> ACCEPTED = new TreeMap<>(Map.of(
			"photo", List.of(FileType.JPEG, FileType.PNG, FileType.WEBP),
			// a dispute's evidence: photos, stills of CCTV footage, a decibel meter's or a leak test's report
			"evidence", List.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.PDF)));

	/** The purpose of a mediation's evidence (邻里纠纷证据). */
	public static final String EVIDENCE = "evidence";

	/** The largest file accepted, for every purpose. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	private UploadTypes() {
	}

	static Optional<FileType> recognise(byte[] content) {
		return Arrays.stream(FileType.values()).filter(type -> type.starts(content)).findFirst();
	}

	/** What a purpose accepts, as staff read it: {@code JPEG、PNG、WEBP}. */
	static String describe(String purpose) {
		return String.join("、", ACCEPTED.get(purpose).stream().map(Enum::name).toList());
	}

}
