package com.propdesk.inquiry;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.propdesk.system.Clock;

/**
 * The questions owners ask that the knowledge base could not answer (answered by hand or by a
 * specialist), grouped when they ask the same thing, so its owners know which entries to write first.
 */
@Service
class UnansweredQuestions {

	/** Two questions this alike (0–1, the matcher's measure) count as the same question. */
	static final double SAME_QUESTION = 0.4;

	record Group(String question, int count, OffsetDateTime lastAskedAt, List<String> caseNos, List<String> examples) {
	}

	private final KnowledgeBase knowledge;

	private final KnowledgeMatcher matcher;

	private final InquiryProperties properties;

	UnansweredQuestions(KnowledgeBase knowledge, KnowledgeMatcher matcher, InquiryProperties properties) {
		this.knowledge = knowledge;
		this.matcher = matcher;
		this.properties = properties;
	}

	/** Groups over the last {@code days} (default from configuration), the most often asked first. */
	List<Group> groups(Integer days) {
		OffsetDateTime since = Clock.now().minus(days == null ? properties.unansweredWindow() : java.time.Duration.ofDays(days));
		List<KnowledgeBase.Asked> asked = knowledge.answeredWithoutKnowledge(since);
		List<Map<String, Double>> vectors = matcher.vectors(asked.stream().map(KnowledgeBase.Asked::question).toList());
		// greedy: each question joins the first group whose first (newest) question it is alike
		List<List<Integer>> groups = new ArrayList<>();
		for (int i = 0; i < asked.size(); i++) {
			int question = i;
			groups.stream().filter(g -> KnowledgeMatcher.similarity(vectors.get(g.get(0)), vectors.get(question)) >= SAME_QUESTION)
					.findFirst().ifPresentOrElse(g -> g.add(question), () -> groups.add(new ArrayList<>(List.of(question))));
		}
		return groups.stream().map(g -> g.stream().map(asked::get).toList())
				.map(g -> new Group(g.get(0).question(), g.size(), g.get(0).askedAt(),
						g.stream().map(KnowledgeBase.Asked::caseNo).toList(),
						g.stream().map(KnowledgeBase.Asked::question).distinct().limit(5).toList()))
				.sorted(Comparator.comparingInt(Group::count).reversed().thenComparing(Group::lastAskedAt,
						Comparator.reverseOrder()))
				.toList();
	}

}
