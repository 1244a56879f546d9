package com.propdesk.manage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.core.io.ClassPathResource;

/**
 * New versions of the repository's files deployed by a test, as a manager would from Camunda Modeler, and removed
 * again (with their instances) so the next test class sees the repository's versions as the latest.
 */
final class TestVersions {

	private final RepositoryService repository;

	private final List<String> deployments = new ArrayList<>();

	TestVersions(RepositoryService repository) {
		this.repository = repository;
	}

	static String file(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Replaces text that must be there exactly once, so a changed repository file fails the test loudly. */
	static String replaceOnce(String text, String find, String replacement) {
		int at = text.indexOf(find);
		if (at < 0 || text.indexOf(find, at + 1) >= 0) {
			throw new IllegalStateException("Expected exactly one occurrence of " + find);
		}
		return text.replace(find, replacement);
	}

	/** Repair with {@code Task_Repair} renamed and a new user task {@code Task_ConfirmArrival} before it. */
	static String repairWithTaskRenamedAndAdded() {
		String xml = file("processes/repair.bpmn");
		xml = replaceOnce(xml, "id=\"Task_Repair\" name=\"上门维修\"", "id=\"Task_Repair\" name=\"上门维修（含材料确认）\"");
		xml = replaceOnce(xml, "<bpmn:sequenceFlow id=\"Flow_ToRepair\" sourceRef=\"Task_MeetResponseClock\" targetRef=\"Task_Repair\">",
				"<bpmn:sequenceFlow id=\"Flow_ToRepair\" sourceRef=\"Task_MeetResponseClock\" targetRef=\"Task_ConfirmArrival\">");
		xml = replaceOnce(xml, "<bpmn:incoming>Flow_ToRepair</bpmn:incoming><bpmn:incoming>Flow_BackToRepair</bpmn:incoming>",
				"<bpmn:incoming>Flow_ToRepairAfterArrival</bpmn:incoming><bpmn:incoming>Flow_BackToRepair</bpmn:incoming>");
		xml = replaceOnce(xml, "<bpmn:serviceTask id=\"Task_RecordWork\"",
				"<bpmn:userTask id=\"Task_ConfirmArrival\" name=\"确认到场\" camunda:assignee=\"${technician}\" "
						+ "camunda:candidateGroups=\"${department}\" camunda:formRef=\"repair-work\" camunda:formRefBinding=\"latest\">"
						+ "<bpmn:incoming>Flow_ToRepair</bpmn:incoming><bpmn:outgoing>Flow_ToRepairAfterArrival</bpmn:outgoing></bpmn:userTask>\n"
						+ "    <bpmn:sequenceFlow id=\"Flow_ToRepairAfterArrival\" sourceRef=\"Task_ConfirmArrival\" targetRef=\"Task_Repair\"/>\n"
						+ "    <bpmn:serviceTask id=\"Task_RecordWork\"");
		return xml;
	}

	/**
	 * Also without {@code Task_DeskClassification} (the desk's step is now another activity, with another id), and the
	 * owner's feedback awaited 48 hours instead of 72.
	 */
	static String repairWithoutDeskClassification() {
		return replaceOnce(repairWithTaskRenamedAndAdded().replace("Task_DeskClassification", "Task_ClassifyByDesk"), ">PT72H<",
				">PT48H<");
	}

	/** sla-policy with P1 repair response 15 → 10 minutes. */
	static String slaPolicyWithFasterP1Response() {
		return replaceOnce(file("processes/sla-policy.dmn"), "<outputEntry id=\"Rule_02_Target\"><text>\"PT15M\"</text>",
				"<outputEntry id=\"Rule_02_Target\"><text>\"PT10M\"</text>");
	}

	/** repair-accept with the arrival time relabelled and the earlier notes removed. */
	static String repairAcceptRelabelledAndShorter() {
		String form = file("forms/repair-accept.form");
		form = replaceOnce(form, "\"label\": \"预计到场时间\"", "\"label\": \"预计上门时间\"");
		int notes = form.indexOf("\"key\": \"repairNotes\"");
		int start = form.lastIndexOf("{", notes);
		int end = form.indexOf("}", form.indexOf("\"id\": \"Field_repairNotes\"")) + 1;
		String after = form.substring(end).stripLeading();
		return form.substring(0, start) + (after.startsWith(",") ? after.substring(1).stripLeading() : after);
	}

	void deploy(String fileName, String content) {
		deployments.add(repository.createDeployment().name("test-" + fileName).addInputStream(fileName,
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))).deploy().getId());
	}

	/** Removes what the test deployed, with its instances, skipping their listeners. */
	void removeAll() {
		deployments.forEach(id -> repository.deleteDeployment(id, true, true));
		deployments.clear();
	}

}
