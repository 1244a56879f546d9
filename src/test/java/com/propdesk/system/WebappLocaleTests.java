package com.propdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda ships its webapps in English and German; PropDesk's staff read Chinese, so PropDesk brings a
 * {@code zh.json} for each app and makes it the only locale offered. The English file comes from the Camunda
 * webjar on the class path: when a Camunda upgrade adds a label, this test fails and names it, instead of a
 * person meeting an untranslated key on the screen.
 */
class WebappLocaleTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String APPS = "META-INF/resources/webjars/camunda/app/";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

	private static final Pattern TAG = Pattern
			.compile("</?\\s*(a|b|i|p|br|em|strong|code|span|div|ul|ol|li|small|pre|kbd)\\b", Pattern.CASE_INSENSITIVE);

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void everyEnglishLabelHasAChineseOneThatKeepsItsPlaceholdersAndTags(String app) throws IOException {
		JsonNode english = read(app, "en");
		JsonNode chinese = read(app, "zh");
		List<String> problems = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> labels = english.path("labels").fields(); labels.hasNext();) {
			Map.Entry<String, JsonNode> label = labels.next();
			String en = label.getValue().asText();
			JsonNode zh = chinese.path("labels").get(label.getKey());
			if (zh == null || !zh.isTextual() || zh.asText().isBlank() && !en.isBlank()) {
				problems.add(label.getKey() + ": no Chinese label for \"" + en + "\"");
				continue;
			}
			if (!all(PLACEHOLDER, en).equals(all(PLACEHOLDER, zh.asText()))) {
				problems.add(label.getKey() + ": placeholders " + all(PLACEHOLDER, en) + " became "
						+ all(PLACEHOLDER, zh.asText()));
			}
			if (!all(TAG, en).equals(all(TAG, zh.asText()))) {
				problems.add(label.getKey() + ": tags " + all(TAG, en) + " became " + all(TAG, zh.asText()));
			}
		}
		assertThat(problems).as(app + "/locales/zh.json").isEmpty();
		if (english.has("dateLocales")) {
			assertThat(chinese.at("/dateLocales/months/11").asText()).isEqualTo("十二月");
			assertThat(chinese.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void chineseIsTheLocaleEveryBrowserGets(String app) throws IOException {
		String config = text(APPS + app + "/scripts/config.js", true);
		assertThat(config.replaceAll("\\s+", "")).contains("availableLocales:['zh']").contains("fallbackLocale:'zh'");
	}

	private static List<String> all(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(matcher.groupCount() == 0 ? 0 : 1));
		}
		found.sort(null);
		return found;
	}

	private static JsonNode read(String app, String locale) throws IOException {
		String text = text(APPS + app + "/locales/" + locale + ".json", locale.equals("zh"));
		return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
	}

	/** The file PropDesk ships ({@code ours}) or the one in Camunda's webjar, whichever the class path holds. */
	private static String text(String path, boolean ours) throws IOException {
		List<URL> found = new ArrayList<>();
		WebappLocaleTests.class.getClassLoader().getResources(path).asIterator().forEachRemaining(found::add);
		URL url = found.stream().filter(u -> ours != u.toString().contains("camunda-webapp-webjar")).findFirst()
				.orElseThrow(() -> new AssertionError(path + " is not on the class path"));
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
