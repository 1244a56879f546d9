package com.propdesk.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.propdesk.intake.ActorNames;
import com.propdesk.notify.Notifications;
import com.propdesk.security.Groups;
import com.propdesk.security.TaskCards;
import com.propdesk.system.Actor;
import com.propdesk.system.Refusal;
import com.propdesk.system.Step;

/** The service steps of {@code shift-handover}: thin, the handover itself is {@link Handovers}. */
final class HandoverDelegates {

	private HandoverDelegates() {
	}

	private static long handoverId(DelegateExecution execution) {
		return HandoverProcess.HANDOVER_ID.get(execution);
	}

	/** {@code ${prepareHandover}}: the snapshot of live data at the shift change. */
	@Step(label = "生成交接清单", offered = false)
	@Component("prepareHandover")
	static class Prepare implements JavaDelegate {

		private final Handovers handovers;

		private final HandoverProperties properties;

		Prepare(Handovers handovers, HandoverProperties properties) {
			this.handovers = handovers;
			this.properties = properties;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long id = handovers.prepare(execution.getProcessInstanceId());
			Handovers.Handover handover = handovers.find(id).orElseThrow();
			execution.setProcessBusinessKey("handover-" + id);
			HandoverProcess.HANDOVER_ID.set(execution, id);
			HandoverProcess.SUMMARY.set(execution, handovers.summary(id));
			HandoverProcess.ACKNOWLEDGE_BY.set(execution, handover.changedAt().plus(properties.acknowledgeWithin()));
			execution.setVariable(TaskCards.VARIABLE, handover.date() + " " + handover.shiftLabel() + "交接（"
					+ handover.items().size() + " 项）");
		}

	}

	/** {@code ${recordHandOver}}: who handed over, when, and the outgoing shift's notes. */
	@Step(label = "记录交班", offered = false)
	@Component("recordHandOver")
	static class RecordHandOver implements JavaDelegate {

		private final Handovers handovers;

		private final ActorNames actorNames;

		RecordHandOver(Handovers handovers, ActorNames actorNames) {
			this.handovers = handovers;
			this.actorNames = actorNames;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String by = Actor.current(execution);
			handovers.handedOver(handoverId(execution), by, HandoverProcess.NOTES.text(execution));
			HandoverProcess.HANDED_OVER_BY.set(execution, by);
			HandoverProcess.HANDED_OVER_BY_NAME.set(execution, actorNames.reader().nameOf(by));
		}

	}

	/**
	 * {@code ${refuseSelfAcknowledgement}}, when 接班确认 is claimed or assigned: whoever handed over cannot take it, so
	 * the task stays offered to the incoming desk instead of sitting with them after a refused completion.
	 */
	@Step(label = "交班人不能认领接班确认", offered = false)
	@Component("refuseSelfAcknowledgement")
	static class RefuseSelfAcknowledgement implements TaskListener {

		@Override
		public void notify(DelegateTask task) {
			if (task.getAssignee() != null && task.getAssignee().equals(HandoverProcess.HANDED_OVER_BY.get(task))) {
				throw new Refusal("接班确认：交班人不能自己接班，请由接班的客服认领");
			}
		}

	}

	/**
	 * {@code ${recordAcknowledgement}}: the incoming desk acknowledged every item, or asked back on one. Whoever
	 * handed over cannot take over from themselves; the refusal undoes the submission and says why.
	 */
	@Step(label = "记录接班确认", offered = false)
	@Component("recordAcknowledgement")
	static class RecordAcknowledgement implements JavaDelegate {

		private final Handovers handovers;

		RecordAcknowledgement(Handovers handovers) {
			this.handovers = handovers;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String by = Actor.current(execution);
			long id = handoverId(execution);
			if (by.equals(HandoverProcess.HANDED_OVER_BY.get(execution))) {
				throw new Refusal("接班确认：交班人不能自己接班，请由接班的客服确认");
			}
			String decision = HandoverProcess.DECISION.text(execution);
			if (HandoverProcess.ASK_BACK.equals(decision)) {
				String itemId = HandoverProcess.ASK_ITEM.text(execution);
				String question = HandoverProcess.QUESTION.text(execution);
				if (itemId.isEmpty()) {
					throw new Refusal("追问的事项：必填");
				}
				if (question.isEmpty()) {
					throw new Refusal("追问内容：必填");
				}
				Handovers.Item item = handovers.item(id, Long.parseLong(itemId))
						.orElseThrow(() -> new Refusal("追问的事项：不是本次交接的事项"));
				handovers.ask(id, item.id(), by, question);
				HandoverProcess.ASKED_ITEM_TITLE.set(execution, item.position() + ". " + item.title());
				HandoverProcess.ASKED_BACK.set(execution, true);
				return;
			}
			if (!HandoverProcess.ACKNOWLEDGED.equals(decision)) {
				throw new Refusal("接班确认：请选择确认接班或追问");
			}
			if (!HandoverProcess.ALL_CHECKED.isTrue(execution)) {
				throw new Refusal("逐项核对：须逐项核对全部事项后才能确认接班");
			}
			handovers.acknowledged(id, by);
			HandoverProcess.ASKED_BACK.set(execution, false);
		}

	}

	/** {@code ${recordHandoverAnswer}}: the answer goes on the next acknowledge form; that form starts afresh. */
	@Step(label = "记录答复", offered = false)
	@Component("recordHandoverAnswer")
	static class RecordAnswer implements JavaDelegate {

		private final Handovers handovers;

		RecordAnswer(Handovers handovers) {
			this.handovers = handovers;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long id = handoverId(execution);
			handovers.answer(id, Actor.current(execution), HandoverProcess.ANSWER_TEXT.text(execution));
			HandoverProcess.ANSWERS.set(execution, handovers.answers(id));
			for (var variable : java.util.List.of(HandoverProcess.DECISION, HandoverProcess.ASK_ITEM, HandoverProcess.QUESTION,
					HandoverProcess.ANSWER_TEXT, HandoverProcess.ASKED_ITEM_TITLE)) {
				execution.removeVariable(variable.name());
			}
		}

	}

	/** {@code ${pageHandoverDutyOfficer}}: nobody acknowledged in time; the handover still waits for it. */
	@Step(label = "呼叫值班主任（未接班）", offered = false)
	@Component("pageHandoverDutyOfficer")
	static class PageDutyOfficer implements JavaDelegate {

		private final Handovers handovers;

		private final Notifications notifications;

		private final HandoverProperties properties;

		PageDutyOfficer(Handovers handovers, Notifications notifications, HandoverProperties properties) {
			this.handovers = handovers;
			this.notifications = notifications;
			this.properties = properties;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long id = handoverId(execution);
			Handovers.Handover handover = handovers.find(id).orElseThrow();
			handovers.escalated(id);
			notifications.page("handover-" + id + "-not-acknowledged", Groups.DUTY_OFFICER, null,
					handover.date() + " " + handover.shiftLabel() + "交接（" + Handovers.shown(handover.changedAt())
							+ " 换班）已超过 " + properties.acknowledgeWithin().toMinutes()
									+ " 分钟无人接班确认，请督促接班。");
		}

	}

}
