package com.propdesk.inquiry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.Clock;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.ProblemException;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/**
 * The knowledge base for staff: every staff member reads it, tries the matcher, and sees the drafts
 * proposed from hand-written answers and the questions it could not answer; an entry is written by the
 * department owning its category (or management), always as a new version.
 */
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeController {

	record EntryChange(String code, String category, String question, String answer, List<String> keywords,
			LocalDate validFrom, LocalDate validTo, String changeNote) {
	}

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

	private final KnowledgeBase knowledge;

	private final KnowledgeMatcher matcher;

	private final UnansweredQuestions unanswered;

	KnowledgeController(KnowledgeBase knowledge, KnowledgeMatcher matcher, UnansweredQuestions unanswered) {
		this.knowledge = knowledge;
		this.matcher = matcher;
		this.unanswered = unanswered;
	}

	@GetMapping("/entries")
	List<KnowledgeEntry> entries(@RequestParam(required = false) String category, HttpServletRequest request) {
		Caller.staff(request);
		return knowledge.latest().stream().filter(e -> category == null || e.category().equals(category)).toList();
	}

	@GetMapping("/entries/{code}")
	Map<String, Object> entry(@PathVariable String code, HttpServletRequest request) {
		Caller.staff(request);
		KnowledgeEntry current = knowledge.latest(code).orElseThrow(() -> ProblemException.notFound("知识库没有条目 " + code));
		return Map.of("current", current, "versions", knowledge.versions(code), "phrasings", knowledge.phrasingsOf(code));
	}

	/** Removes a wording the desk confirmed for an entry that does not belong to it. */
	@DeleteMapping("/entries/{code}/phrasings/{id}")
	@Transactional
	ResponseEntity<Void> removePhrasing(@PathVariable String code, @PathVariable long id, HttpServletRequest request) {
		Caller.staff(request);
		KnowledgeEntry current = knowledge.latest(code).orElseThrow(() -> ProblemException.notFound("知识库没有条目 " + code));
		Caller.Staff staff = owner(request, current.category());
		if (!knowledge.removePhrasing(code, id, staff.userId())) {
			throw ProblemException.notFound("条目 " + code + " 没有问法 " + id);
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/entries")
	@Transactional
	ResponseEntity<KnowledgeEntry> create(@RequestBody EntryChange change, HttpServletRequest request) {
		Caller.staff(request);
		List<FieldProblem> problems = check(change);
		if (change.code() == null || !CODE.matcher(change.code()).matches()) {
			problems.add(new FieldProblem("code", "必填：2–64 位小写字母、数字或连字符，如 fee-payment"));
		}
		else if (knowledge.latest(change.code()).isPresent()) {
			problems.add(new FieldProblem("code", "条目 " + change.code() + " 已存在，请用 PUT 修改"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		Caller.Staff staff = owner(request, change.category());
		try {
			return ResponseEntity.status(201).body(save(change.code(), change, staff));
		}
		catch (DuplicateKeyException concurrent) {
			throw ProblemException.conflict("条目 " + change.code() + " 刚由他人创建，请刷新后用 PUT 修改");
		}
	}

	@PutMapping("/entries/{code}")
	@Transactional
	KnowledgeEntry change(@PathVariable String code, @RequestBody EntryChange change, HttpServletRequest request) {
		Caller.staff(request);
		KnowledgeEntry current = knowledge.latest(code).orElseThrow(() -> ProblemException.notFound("知识库没有条目 " + code));
		List<FieldProblem> problems = check(change);
		if (change.code() != null && !change.code().equals(code)) {
			problems.add(new FieldProblem("code", "不能修改条目编号"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		owner(request, current.category());
		try {
			return save(code, change, owner(request, change.category()));
		}
		catch (DuplicateKeyException concurrent) {
			throw ProblemException.conflict("条目 " + code + " 刚由他人修改，请刷新后重试");
		}
	}

	/** Withdraws an entry: a new version valid until yesterday; its history stays. */
	@DeleteMapping("/entries/{code}")
	@Transactional
	KnowledgeEntry withdraw(@PathVariable String code, HttpServletRequest request) {
		Caller.staff(request);
		KnowledgeEntry current = knowledge.latest(code).orElseThrow(() -> ProblemException.notFound("知识库没有条目 " + code));
		Caller.Staff staff = owner(request, current.category());
		LocalDate yesterday = Clock.now().toLocalDate().minusDays(1);
		return knowledge.publish(code, current.category(), current.department(), current.question(), current.answer(),
				current.keywords(), current.validFrom().isAfter(yesterday) ? yesterday : current.validFrom(), yesterday,
				staff.userId(), "撤下");
	}

	/** What the matcher makes of a question: the best candidates and whether it would answer by itself. */
	@GetMapping("/match")
	KnowledgeMatcher.Match match(@RequestParam String q, HttpServletRequest request) {
		Caller.staff(request);
		List<FieldProblem> problems = new ArrayList<>();
		if (!TextRules.required(problems, "q", q, Lines.MANY, 2000, "必填：要匹配的问题")) {
			throw new InvalidRequestException(problems);
		}
		return matcher.match(q);
	}

	@GetMapping("/drafts")
	List<KnowledgeBase.Draft> drafts(@RequestParam(defaultValue = "pending") String status, HttpServletRequest request) {
		Caller.staff(request);
		if (!List.of("pending", "approved", "rejected").contains(status)) {
			throw new InvalidRequestException(List.of(new FieldProblem("status", "应为 pending、approved 或 rejected")));
		}
		return knowledge.drafts(status);
	}

	/** Questions the knowledge base could not answer, grouped when alike, most frequent first. */
	@GetMapping("/unanswered")
	List<UnansweredQuestions.Group> unanswered(@RequestParam(required = false) Integer days, HttpServletRequest request) {
		Caller.staff(request);
		if (days != null && (days < 1 || days > 3660)) {
			throw new InvalidRequestException(List.of(new FieldProblem("days", "1 到 3660 之间的天数")));
		}
		return unanswered.groups(days);
	}

	private KnowledgeEntry save(String code, EntryChange change, Caller.Staff staff) {
		LocalDate validFrom = change.validFrom() == null ? Clock.now().toLocalDate() : change.validFrom();
		return knowledge.publish(code, change.category(), InquiryCaseType.OWNERS.get(change.category()),
				change.question().strip(), change.answer().strip(), keywords(change), validFrom, change.validTo(),
				staff.userId(), change.changeNote());
	}

	/** Management, or the department owning the category. */
	private static Caller.Staff owner(HttpServletRequest request, String category) {
		return Caller.staffIn(request, Groups.MANAGEMENT, InquiryCaseType.OWNERS.get(category));
	}

	private static List<String> keywords(EntryChange change) {
		return change.keywords() == null ? List.of() : change.keywords().stream().filter(k -> !TextRules.blank(k)).map(String::strip).toList();
	}

	private static List<FieldProblem> check(EntryChange change) {
		List<FieldProblem> problems = new ArrayList<>();
		if (change.category() == null || !InquiryCaseType.CATEGORIES.containsKey(change.category())) {
			problems.add(new FieldProblem("category", "必填：" + String.join("、", InquiryCaseType.CATEGORIES.keySet())));
		}
		// the columns of kb_entry (V7); keywords are stored joined by commas
		TextRules.required(problems, "question", change.question(), Lines.ONE, 500, "必填：业主的问题");
		TextRules.required(problems, "answer", change.answer(), Lines.MANY, 4000, "必填：答复");
		if (change.keywords() != null) {
			if (change.keywords().size() > 30) {
				problems.add(new FieldProblem("keywords", "最多 30 个"));
			}
			// a blank keyword is dropped
			for (String keyword : change.keywords()) {
				if (keyword == null) {
					problems.add(new FieldProblem("keywords", "关键词不能为 null"));
					break;
				}
				if (!TextRules.optional(problems, "keywords", keyword, Lines.ONE, 30)) {
					if (TextRules.blank(keyword)) {
						continue;
					}
					break;
				}
				if (keyword.contains(",")) {
					problems.add(new FieldProblem("keywords", "关键词不能含逗号：" + keyword));
					break;
				}
			}
		}
		LocalDate validFrom = change.validFrom() == null ? Clock.now().toLocalDate() : change.validFrom();
		if (change.validTo() != null && change.validTo().isBefore(validFrom)) {
			problems.add(new FieldProblem("validTo", "不能早于 validFrom（未填时为今天）"));
		}
		TextRules.optional(problems, "changeNote", change.changeNote(), Lines.MANY, 1000);
		return problems;
	}

}
