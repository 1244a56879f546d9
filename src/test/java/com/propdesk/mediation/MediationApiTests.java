package com.propdesk.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.CaseProcessTest;
import com.propdesk.PropDeskTest;
import com.propdesk.inquiry.InquiryProcess;
import com.propdesk.intake.CaseStatus;

/**
 * A neighbour dispute over real HTTP: opened through {@code POST /api/cases} with the other party's units, its
 * evidence through {@code /api/uploads}, the owner's page that shows the stage and no party's words, and inquiries
 * asking the property to mediate, which are never answered automatically.
 */
@PropDeskTest
class MediationApiTests extends CaseProcessTest {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

	@LocalServerPort
	int port;

	ApiClient api;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	private Answer report(String type, String unit, String otherUnits, String description) throws Exception {
		String building = unit == null ? "3" : unit.substring(0, unit.indexOf('-'));
		return api.call("POST", "/api/cases", """
				{"type": "%s", "channel": "app", "externalId": "app-%s", "reporter": {"name": "孙先生", "phone": "13700000002"},
				 "building": "%s", %s "description": "%s"%s}""".formatted(type, UUID.randomUUID(), building,
				unit == null ? "" : "\"unit\": \"" + unit + "\",", description,
				otherUnits == null ? "" : ", \"otherUnits\": " + otherUnits), "X-Api-Key", "demo");
	}

	private static List<String> fields(JsonNode problem) {
		return problem.path("errors").findValuesAsText("field");
	}

	private int cases() {
		return jdbc.queryForObject("select count(*) from case_record", Integer.class);
	}

	@Test
	void aDisputeIsOpenedWithTheOtherPartysUnits() throws Exception {
		Answer created = report("mediation", "3-0701", "[\"3－0801\"]", "楼上漏水到我家卫生间，希望物业协调");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().path("caseNo").asText()).startsWith("M-");
		assertThat(created.body().path("dueAt").asText()).as("first contact with both parties within 24 h").isNotEmpty();
		ProcessInstance dispute = instance(MediationProcess.KEY, created.body().path("caseNo").asText());
		assertThat(runtimeService.getVariable(dispute.getId(), "otherUnits")).as("the unit as the estate writes it").isEqualTo("3-801");
	}

	@Test
	void badPartiesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		int before = cases();
		Answer missing = report("mediation", "3-0701", null, "邻居噪音");
		Answer unknown = report("mediation", "3-0701", "[\"3-9901\"]", "邻居噪音");
		Answer same = report("mediation", "3-0701", "[\"3-0701\"]", "邻居噪音");
		Answer twice = report("mediation", "3-0701", "[\"3-0801\", \"3-0801\"]", "邻居噪音");
		Answer noOwnUnit = report("mediation", null, "[\"3-0801\"]", "邻居噪音");
		Answer onARepair = report("repair", "3-0701", "[\"3-0801\"]", "水管漏水");

		for (Answer answer : List.of(missing, unknown, same, twice)) {
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(fields(answer.body())).containsExactly("otherUnits");
		}
		assertThat(unknown.body().toString()).contains("没有这个单元：3-9901");
		assertThat(same.body().toString()).contains("与报事人的房号相同");
		assertThat(fields(noOwnUnit.body())).containsExactly("unit");
		assertThat(fields(onARepair.body())).contains("otherUnits");
		assertThat(cases()).as("nothing stored").isEqualTo(before);
	}

	private record Raw(int status, String contentType, JsonNode body) {
	}

	private Raw upload(String purpose, byte[] content, String name, String declaredType) throws Exception {
		String boundary = "----propdesk" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/uploads"))
				.header("Authorization", ApiClient.basic("agent")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json.readTree(response.body()));
	}

	@Test
	void evidenceUploadsTakeImagesAndPdfsAndRefuseOtherTypesAndSizesNamingTheFile() throws Exception {
		Raw report = upload("evidence", PDF, "分贝测量.pdf", "application/pdf");
		Raw photo = upload("evidence", JPEG, "监控截图.jpg", "image/jpeg");
		assertThat(report.status()).isEqualTo(201);
		assertThat(report.body().path("contentType").asText()).isEqualTo("application/pdf");
		assertThat(photo.status()).isEqualTo(201);

		Raw text = upload("evidence", "录音文字稿：他骂人了".getBytes(StandardCharsets.UTF_8), "笔录.pdf", "application/pdf");
		Raw html = upload("evidence", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "a.jpg", "image/jpeg");
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		Raw tooBig = upload("evidence", big, "big.pdf", "application/pdf");
		Raw pdfAsPhoto = upload("photo", PDF, "a.pdf", "application/pdf");
		for (Raw refused : List.of(text, html, tooBig, pdfAsPhoto)) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(fields(refused.body())).containsExactly("file");
		}
		assertThat(text.body().toString()).contains("JPEG、PNG、WEBP、PDF");
		// read back by the mediators and auditors, not by the other departments
		String evidence = report.body().path("id").asText();
		for (String user : List.of("agent", "manager", "auditor", "engineer", "cleaner", "guard")) {
			int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/api/uploads/" + evidence)).header("Authorization", ApiClient.basic(user)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
			assertThat(status).as(user).isEqualTo(List.of("agent", "manager", "auditor").contains(user) ? 200 : 403);
		}
		assertThat(tooBig.body().toString()).contains("最大 2 MB");
	}

	@Test
	void theOwnersPageShowsTheStageAndNoPartysWordsOrEvidence() throws Exception {
		Answer created = report("mediation", "5-1101", "[\"5-1201\"]", "楼上半夜噪音");
		String caseNo = created.body().path("caseNo").asText();
		String token = created.body().path("trackingToken").asText();
		ProcessInstance dispute = instance(MediationProcess.KEY, caseNo);
		complete(dispute, MediationProcess.TALK_REPORTER, "agent", "reporterFacts", "凌晨一点仍有麻将声", "reporterDemands", "要求对方赔礼道歉");
		complete(dispute, MediationProcess.TALK_OTHER, "agent", "otherFacts", "周末亲戚来家里打牌到十二点", "otherDemands", "楼下不要报警");
		String evidence = upload("evidence", PDF, "分贝.pdf", "application/pdf").body().path("id").asText();
		complete(dispute, MediationProcess.EVIDENCE, "agent", "decibelUploads", evidence, "evidenceFindings", "凌晨测得 61 分贝",
				"referToPolice", false);

		HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/track/" + caseNo + "?token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
		Answer ownerApi = api.call("GET", "/api/cases/" + caseNo, null, "X-Tracking-Token", token);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).as("the stage").contains(CaseStatus.IN_PROGRESS.label());
		for (String words : List.of("麻将", "赔礼道歉", "打牌", "不要报警", "61 分贝", "分贝测量", evidence)) {
			assertThat(page.body()).as("the page shows nobody's words: " + words).doesNotContain(words);
			assertThat(ownerApi.body().toString()).as("nor does the owner's API: " + words).doesNotContain(words);
		}
		assertThat(api.call("GET", "/api/cases/" + caseNo, null, "Authorization", ApiClient.basic("agent")).body().toString())
				.as("staff read the timeline").contains("已与报事方（5-1101）单独谈话");
	}

	@Test
	void inquiriesAskingToMediateGoToTheDeskAndNeverGetAnAutomaticAnswer() throws Exception {
		List<String> asks = List.of("能不能帮我们调解一下和楼上的矛盾", "邻居太吵了能不能帮忙协调", "楼上邻居天天吵，物业能出面劝劝吗",
				"和隔壁因为停车闹了矛盾，想请物业调解", "楼上漏水到我家，能不能帮忙协调一下赔偿的事", "邻居家的狗一直叫，能帮忙跟邻居说一下吗");
		for (String ask : asks) {
			Answer created = report("inquiry", "2-0501", null, ask);
			assertThat(created.status()).isEqualTo(201);
			assertThat(created.body().path("answer").isMissingNode() || created.body().path("answer").isNull()).as(ask).isTrue();
			assertThat(created.body().path("status").asText()).as(ask).isNotEqualTo(CaseStatus.CLOSED.code());
			ProcessInstance inquiry = instance(InquiryProcess.KEY, created.body().path("caseNo").asText());
			assertThat(taskService.createTaskQuery().processInstanceId(inquiry.getId()).singleResult().getTaskDefinitionKey())
					.as(ask).isEqualTo(InquiryProcess.DESK_ANSWER);
		}
	}

	@Test
	void theDeskTurnsAnInquiryIntoALinkedMediation() throws Exception {
		Answer created = report("inquiry", "2-0601", null, "邻居太吵了能不能帮忙协调");
		String inquiryNo = created.body().path("caseNo").asText();
		ProcessInstance inquiry = instance(InquiryProcess.KEY, inquiryNo);
		complete(inquiry, InquiryProcess.DESK_ANSWER, "agent", "answerMode", "mediation", "building", "2", "unit", "2-0601",
				"otherUnits", "2-0701");

		String linked = (String) historyVariable(inquiry, "linkedCaseNo");
		assertThat(linked).startsWith("M-");
		ProcessInstance dispute = instance(MediationProcess.KEY, linked);
		assertThat(runtimeService.getVariable(dispute.getId(), "otherUnits")).isEqualTo("2-701");
		assertThat(runtimeService.getVariable(dispute.getId(), "unit")).isEqualTo("2-601");
		assertThat(cases.links(inquiryNo)).anySatisfy(link -> assertThat(link.toString()).contains(linked));
		assertThat(cases.find(inquiryNo).orElseThrow().answer()).contains(linked).contains("24 小时内分别联系双方");
	}

	private Object historyVariable(ProcessInstance instance, String name) {
		return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
				.variableName(name).singleResult().getValue();
	}

}
