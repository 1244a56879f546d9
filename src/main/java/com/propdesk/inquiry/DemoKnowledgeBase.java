package com.propdesk.inquiry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.system.PropDeskProperties;

/**
 * The demo estate's knowledge base ({@code knowledge/demo-entries.json}): the questions owners of
 * 翠湖花园 ask most, with the standard answers. Loaded once into an empty knowledge base, in the demo
 * profile only; production starts empty and its owners write their own.
 */
@Component
class DemoKnowledgeBase implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoKnowledgeBase.class);

	static final String RESOURCE = "knowledge/demo-entries.json";

	/** Valid from the start of the demo year, whatever day the demo is first started. */
	private static final LocalDate VALID_FROM = LocalDate.of(2026, 1, 1);

	record DemoEntry(String code, String category, String question, String answer, List<String> keywords,
			List<String> phrasings) {

		DemoEntry {
			phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
		}

	}

	private final KnowledgeBase knowledge;

	private final PropDeskProperties properties;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	DemoKnowledgeBase(KnowledgeBase knowledge, PropDeskProperties properties, TransactionTemplate transaction,
			ObjectMapper json) {
		this.knowledge = knowledge;
		this.properties = properties;
		this.transaction = transaction;
		this.json = json;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (properties.demo()) {
			transaction.executeWithoutResult(status -> {
				if (knowledge.isEmpty()) {
					List<DemoEntry> entries = read(json);
					entries.forEach(e -> knowledge.publish(e.code(), e.category(), InquiryCaseType.OWNERS.get(e.category()),
							e.question(), e.answer(),
							e.keywords(), VALID_FROM, null, "system", "演示知识库"));
					entries.forEach(e -> e.phrasings().forEach(p -> knowledge.confirm(e.code(), p, null, "system")));
					log.info("Loaded the demo knowledge base: {} entries", entries.size());
				}
			});
		}
	}

	static List<DemoEntry> read(ObjectMapper json) {
		try (InputStream in = DemoKnowledgeBase.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			return json.readValue(in, new TypeReference<List<DemoEntry>>() {
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
