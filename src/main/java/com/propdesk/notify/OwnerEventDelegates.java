package com.propdesk.notify;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.system.Step;

/** The steps of {@code owner-event} and the publishing step case diagrams use. */
final class OwnerEventDelegates {

	private OwnerEventDelegates() {
	}

	/** {@code ${publishOwnerEvent}} with input parameter {@code event}: accepted, resolved, closed, promoted, … */
	@Step(label = "通知业主", inputs = @Step.Input(name = "event", label = "通知事件", options = NotifyTimeline.OwnerEventOptions.class))
	@Component("publishOwnerEvent")
	static class Publish implements JavaDelegate {

		private final OwnerEvents events;

		Publish(OwnerEvents events) {
			this.events = events;
		}

		@Override
		public void execute(DelegateExecution execution) {
			events.publish(CaseService.caseNo(execution), OwnerEventProcess.EVENT.getLocal(execution));
		}

	}

	/**
	 * {@code ${sendOwnerSms}}: the owner's SMS for the event, once per event id. Versions of
	 * {@code owner-event} deployed before December 2026 had this step (the SMS is now recorded when the event is
	 * published); the bean stays for instances of those versions still waiting before it.
	 */
	@Step(label = "短信通知业主", offered = false)
	@Component("sendOwnerSms")
	static class SendSms implements JavaDelegate {

		private final OwnerEvents events;

		private final CaseService cases;

		private final Notifications notifications;

		SendSms(OwnerEvents events, CaseService cases, Notifications notifications) {
			this.events = events;
			this.cases = cases;
			this.notifications = notifications;
		}

		@Override
		public void execute(DelegateExecution execution) {
			OwnerEvent event = events.find(OwnerEventProcess.EVENT_ID.get(execution)).orElseThrow();
			CaseRecord c = cases.find(event.caseNo()).orElseThrow();
			notifications.sms(event.eventId(), c.reporterPhone(), c.caseNo(),
					OwnerEvents.sms(event.summary(), c.caseNo(), event.statusLabel()));
		}

	}

	/**
	 * {@code ${sendOwnerCallback}}: the step of {@code owner-event} instances, which carried callbacks until December
	 * 2026 (each is a job of its own now, {@link CallbackDeliveries}); the bean stays for instances still retrying.
	 * Posts the event to the case's callback URL; anything but a 2xx answer fails the job, which is retried under the
	 * same event id.
	 */
	@Step(label = CallbackDeliveries.STEP, offered = false)
	@Component("sendOwnerCallback")
	static class SendCallback implements JavaDelegate {

		private final CallbackDeliveries callbacks;

		SendCallback(CallbackDeliveries callbacks) {
			this.callbacks = callbacks;
		}

		@Override
		public void execute(DelegateExecution execution) {
			callbacks.post(OwnerEventProcess.EVENT_ID.get(execution));
		}

	}

}
