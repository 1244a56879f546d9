package com.propdesk.manage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import com.propdesk.manage.Versions.Definition;

/**
 * The live version of every process, decision table and form, written back as the repository keeps them
 * ({@code processes/<key>.bpmn}, {@code processes/<key>.dmn}, {@code forms/<form id>.form}), so the repository can
 * follow what managers changed: a zip from the API, or files in a folder from the command line.
 */
@Component
class Export {

	private final Versions versions;

	Export(Versions versions) {
		this.versions = versions;
	}

	/** Path in the repository → content of the latest version; one file per resource (a file with two decisions once). */
	Map<String, byte[]> liveFiles() {
		Map<String, byte[]> files = new TreeMap<>();
		Set<String> resources = new LinkedHashSet<>();
		for (Definition latest : versions.latestOfEach()) {
			if (resources.add(latest.deploymentId() + "/" + latest.resourceName())) {
				files.putIfAbsent(latest.kind().folder + latest.key() + latest.kind().extension, versions.content(latest));
			}
		}
		return files;
	}

	/** Writes the live files under the folder (its {@code processes/} and {@code forms/}). */
	Map<String, byte[]> writeTo(Path folder) {
		Map<String, byte[]> files = liveFiles();
		try {
			for (var file : files.entrySet()) {
				Path target = folder.resolve(file.getKey());
				Files.createDirectories(target.getParent());
				Files.write(target, file.getValue());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the export to " + folder, e);
		}
		return files;
	}

	byte[] zip() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (var file : liveFiles().entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

}
