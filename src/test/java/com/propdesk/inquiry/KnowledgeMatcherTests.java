package com.propdesk.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.inquiry.InquiryCaseType;

/**
 * The matcher on the demo knowledge base, without the application: how it reads Chinese. The
 * held-out evaluation of the whole decision (triage table and matcher) is {@link InquiryMatchingEvaluation}.
 */
class KnowledgeMatcherTests {

	static final List<KnowledgeEntry> DEMO = DemoKnowledgeBase.read(new ObjectMapper()).stream()
			.map(e -> new KnowledgeEntry(e.code(), 1, e.category(), InquiryCaseType.OWNERS.get(e.category()), e.question(), e.answer(), e.keywords(),
					LocalDate.of(2026, 1, 1), null, "system", null, null))
			.toList();

	/** The wordings shipped with the demo entries. */
	static final Map<String, List<String>> DEMO_PHRASINGS = DemoKnowledgeBase.read(new ObjectMapper()).stream()
			.collect(java.util.stream.Collectors.toMap(DemoKnowledgeBase.DemoEntry::code, DemoKnowledgeBase.DemoEntry::phrasings));

	final KnowledgeMatcher matcher = new KnowledgeMatcher(new KnowledgeMatcher.Source() {

		@Override
		public String revision() {
			return "demo";
		}

		@Override
		public List<KnowledgeEntry> answerable() {
			return DEMO;
		}

		@Override
		public Map<String, List<String>> phrasings() {
			return DEMO_PHRASINGS;
		}

	}, new InquiryProperties(null, null, null, null));

	@Test
	void everyStandardQuestionFindsItsOwnEntryConfidently() {
		for (KnowledgeEntry entry : DEMO) {
			KnowledgeMatcher.Match match = matcher.match(entry.question());
			assertThat(match.best().entry().code()).as(entry.question()).isEqualTo(entry.code());
			assertThat(match.confident()).as(entry.question() + " " + match.best().score()).isTrue();
		}
	}

	@Test
	void wordsOwnersUseForTheSameThingMeetTheEntrysWords() {
		assertThat(best("管理费在哪里交啊")).isEqualTo("fee-payment");
		assertThat(best("物管费一平米收多少")).isEqualTo("fee-rate");
		assertThat(best("我的门卡不见了")).isEqualTo("access-card-lost");
		assertThat(best("电瓶车可以推进电梯吗")).isEqualTo("parking-ebike");
		assertThat(best("准备装潢了，要先去物业办什么手续")).isEqualTo("renovation-permit");
	}

	/** Questions written while building the matcher (the held-out set is separate and never tuned against). */
	static final String[][] DEVELOPMENT = {
			{ "物业费能用微信付吗", "fee-payment" }, { "这个月管理费还没交，过几天交有没有罚款", "fee-late" },
			{ "发票抬头要写公司的怎么弄", "fee-invoice" }, { "我想租个地下车位，一个月多少钱", "parking-monthly" },
			{ "朋友开车过来玩停哪", "parking-visitor" }, { "特斯拉充电桩可以装在自己车位上吗", "parking-ev" },
			{ "周六能不能打电钻", "renovation-hours" }, { "装修完押金多久能退", "renovation-deposit" },
			{ "阳台能封起来吗", "renovation-rules" }, { "刷脸进门怎么弄", "access-face" },
			{ "狗狗要去哪里登记", "pet-registration" }, { "快递柜在哪", "delivery-parcel" },
			{ "燃气怎么开通", "water-heater-gas" }, { "几点可以扔垃圾", "garbage-sorting" },
			{ "旧床垫怎么处理", "bulky-waste" }, { "物业几点下班", "office-hours" },
			{ "租客需要去物业登记吗", "tenant-registration" }, { "健身房几点开", "clubhouse-booking" },
			{ "游泳池开了没", "pool-hours" }, { "楼上天天半夜很吵怎么办", "noise-neighbor" },
			{ "房子卖掉以后物业要办啥", "sale-transfer" }, { "钥匙可以放你们那吗", "key-custody" } };

	@Test
	void developmentQuestionsFindTheirEntryAndNoneIsAnsweredWrongly() {
		int right = 0;
		for (String[] q : DEVELOPMENT) {
			KnowledgeMatcher.Match match = matcher.match(q[0]);
			if (best(q[0]).equals(q[1])) {
				right++;
			}
			else {
				assertThat(match.confident()).as("a wrong automatic answer to " + q[0]).isFalse();
			}
		}
		assertThat(right).isGreaterThanOrEqualTo(DEVELOPMENT.length - 2);
	}

	@Test
	void homophonesTypedByAPinyinInputMethodMeetTheWordMeant() {
		assertThat(QuestionTerms.fromResource("knowledge/synonyms.txt").terms("物业废怎么交"))
				.extracting(QuestionTerms.Term::text).contains("#物业费");
		assertThat(QuestionTerms.fromResource("knowledge/synonyms.txt").terms("门经卡丢了"))
				.extracting(QuestionTerms.Term::text).contains("#门禁卡", "#丢失");
		// a word written exactly is that word, not another one that sounds the same (房客)
		assertThat(QuestionTerms.fromResource("knowledge/synonyms.txt").terms("访客的车能进小区吗"))
				.extracting(QuestionTerms.Term::text).contains("#访客").doesNotContain("#出租");
		// a homophone of every character is another word, not a typo
		assertThat(QuestionTerms.fromResource("knowledge/synonyms.txt").terms("无业"))
				.extracting(QuestionTerms.Term::text).doesNotContain("#物业费");
	}

	@Test
	void charactersBeyondTheBasicPlaneAreKept() {
		assertThat(QuestionTerms.fromResource("knowledge/synonyms.txt").terms("𠀀𠀁"))
				.extracting(QuestionTerms.Term::text).contains("𠀀𠀁");
	}

	@Test
	void oneWordInCommonIsATopicNotAnAnswer() {
		KnowledgeMatcher.Match match = matcher.match("家里有燃气味");
		assertThat(match.confident()).isFalse();
	}

	@Test
	void aQuestionMustShareTheEntrysTopicNotJustItsPhrases() {
		// "晚上几点以后" is in a wording of the rubbish times; the question is about the east gate
		KnowledgeMatcher.Match match = matcher.match("小区东门晚上几点关门？十一点以后还能从东门进吗");
		assertThat(match.confident()).isFalse();
		assertThat(match.candidates()).isNotEmpty();
	}

	@Test
	void aSecondAskOnTheSameTopicThatTheEntryDoesNotAnswerIsLeftForTheDesk() {
		KnowledgeMatcher.Match match = matcher.match("遛狗要拴绳吗，养狗要登记吗");
		assertThat(match.confident()).isTrue();
		assertThat(match.best().entry().code()).isEqualTo("pet-walking");
		assertThat(match.rest()).isEqualTo("养狗要登记吗");
	}

	@Test
	void whetherOneMayDoWhatTheEntryNeverSaysIsNotAnswered() {
		// found from outside: answered by the invoice, key and tenant entries on their topic alone
		for (String question : List.of("物业费发票可以邮寄吗", "钥匙寄存了能让保洁进去打扫吗", "房屋出租能在物业挂牌吗")) {
			KnowledgeMatcher.Match match = matcher.match(question);
			assertThat(match.confident()).as(question).isFalse();
			assertThat(match.declined()).as(question).startsWith("问到「").endsWith("」，条目没有提到");
		}
		// what the entry does say is still answered
		assertThat(matcher.match("物业费能刷卡吗").confident()).isTrue();
	}

	@Test
	void anAskThatNamesNothingIsAboutWhatTheClausesBeforeItTell() {
		// the riders' e-bikes, not the food: the delivery entry does not say whether they may ride in
		KnowledgeMatcher.Match match = matcher.match("外卖骑手骑电动车在小区里乱窜，小区让他们骑进来吗");
		assertThat(match.confident()).isFalse();
		assertThat(match.declined()).isEqualTo("问到「电动自行车」，条目没有提到");
		// a telling clause naming the entry's own things still leaves it the answer
		assertThat(matcher.match("我点了外卖，能送到楼下吗").confident()).isTrue();
	}

	@Test
	void whatFollowsIfOneDoesSomethingIsAnAskOfItsOwn() {
		assertThat(matcher.match("会所预约了不去会怎么样").declined()).isEqualTo("问的是后果，条目没有说");
		KnowledgeMatcher.Match late = matcher.match("物业费逾期没交会怎样");
		assertThat(late.confident()).isTrue();
		assertThat(late.best().entry().code()).isEqualTo("fee-late");
	}

	@Test
	void aPhoneNumberAskedForIsNotAPrice() {
		KnowledgeMatcher.Match match = matcher.match("物业几点上班，经理电话多少");
		assertThat(match.declined()).isEqualTo("问的是找谁，条目没有说");
	}

	@Test
	void aSecondAskOfAnotherKindOnTheSameTopicIsLeftForTheDesk() {
		KnowledgeMatcher.Match price = matcher.match("物业费多少钱一平？怎么交");
		assertThat(price.confident()).isTrue();
		assertThat(price.best().entry().code()).isEqualTo("fee-rate");
		assertThat(price.rest()).isEqualTo("怎么交");
		// & is a break like any sign: one of the two asks is answered, the other told to the desk
		KnowledgeMatcher.Match two = matcher.match("物业费怎么交 & 停车怎么收费");
		assertThat(two.confident() ? two.rest() : "desk").isNotNull();
		// which is cheapest asks a price: the desk has it
		KnowledgeMatcher.Match cheapest = matcher.match("宽带有哪几家？哪家最便宜");
		assertThat(cheapest.confident() && cheapest.rest() == null).isFalse();
	}

	@Test
	void aRestRepeatedAHundredTimesIsToldOnceAndShort() {
		String rest = matcher.match("物业费怎么交？" + "另外附近有幼儿园吗？".repeat(180)).rest();
		assertThat(rest).isEqualTo("附近有幼儿园吗");
	}

	@Test
	void aPriceIsAnsweredOnlyByAnEntryWithAWordingThatAsksIt() {
		// the bulky-waste entry's answer happens to give a price, but none of its wordings asks one: its owners add one
		assertThat(matcher.match("扔个旧床垫要多少钱").confident()).isFalse();
		assertThat(matcher.match("扔个旧床垫要多少钱").declined()).isEqualTo("问的是价钱，条目没有说");
	}

	@Test
	void theMostCommonQuestionIsAnsweredThoughTheInvoiceEntryScoresAsHigh() {
		// the invoice entry is as alike, but its topic (发票) is not asked about: no rival
		for (String question : List.of("物业费怎么交", "怎么交物业费", "物业费咋交")) {
			KnowledgeMatcher.Match match = matcher.match(question);
			assertThat(match.confident()).as(question).isTrue();
			assertThat(match.best().entry().code()).as(question).isEqualTo("fee-payment");
		}
	}

	@Test
	void aCandidateFarFromTheQuestionTeachesNothing() {
		assertThat(matcher.mayLearn("fee-payment", "附近有幼儿园吗")).isFalse();
		assertThat(matcher.mayLearn("pool-hours", "小区的水池夏天什么时候放水")).isTrue();
	}

	@Test
	void fullWidthAndLatinAreFolded() {
		assertThat(QuestionTerms.normalize("ＷＩＦＩ　１２３")).isEqualTo("wifi 123");
		assertThat(best("小区WiFi宽带哪家能装")).isEqualTo("internet");
	}

	@Test
	void aQuestionTheKnowledgeBaseDoesNotKnowIsNotAnsweredConfidently() {
		assertThat(matcher.match("请问这边的学区是哪个小学").confident()).isFalse();
		assertThat(matcher.match("业主委员会什么时候换届选举").confident()).isFalse();
		assertThat(matcher.match("").candidates()).isEmpty();
	}

	@Test
	void theServiceDeskIsOfferedAtMostThreeCandidatesBestFirst() {
		KnowledgeMatcher.Match match = matcher.match("停车");
		assertThat(match.candidates()).hasSizeLessThanOrEqualTo(3);
		assertThat(match.candidates()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
	}

	private String best(String question) {
		KnowledgeMatcher.Match match = matcher.match(question);
		System.out.printf("%-24s → %-20s %.2f%s %s%n", question, match.best().entry().code(), match.best().score(),
				match.confident() ? " auto" : "", match.candidates().stream().skip(1).map(c -> c.entry().code() + String.format(" %.2f", c.score())).toList());
		return match.best().entry().code();
	}

}
