package com.propdesk.manage;

import java.util.List;

import org.springframework.stereotype.Component;

import com.propdesk.manage.Versions.Definition;
import com.propdesk.manage.Versions.Kind;
import com.propdesk.system.ProblemException;

/**
 * Makes an earlier version the newest again: its files deployed once more as a new version (the engine keeps every
 * version; running cases stay where they are), noted as a rollback to that version.
 */
@Component
class Rollback {

	private final Versions versions;

	private final Deploying deploying;

	Rollback(Versions versions, Deploying deploying) {
		this.versions = versions;
		this.deploying = deploying;
	}

	Deploying.Result to(Kind kind, String key, int version, String note, String userId) {
		Definition old = versions.find(kind, key, version).orElseThrow(() -> ProblemException
				.notFound("没有" + Deploying.label(kind.code()) + " " + key + " 的第 " + version + " 版"));
		List<Deploying.Upload> files = versions.files(old).entrySet().stream()
				.map(f -> new Deploying.Upload(f.getKey(), f.getValue())).toList();
		Deploying.Result result = deploying.deploy(files, note, userId, Versions.ROLLBACK_SOURCE,
				Deploying.label(kind.code()) + " " + key + " 第 " + version + " 版");
		if (!result.deployed()) {
			throw ProblemException.conflict("第 " + version + " 版与当前最新版本内容相同，无需回滚");
		}
		return result;
	}

}
