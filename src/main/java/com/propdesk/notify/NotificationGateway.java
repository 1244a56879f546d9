package com.propdesk.notify;

/** Where notifications go beyond PropDesk's own record: an SMS and paging provider, or nowhere. */
public interface NotificationGateway {

	void send(Notification notification);

	/**
	 * Whether sending goes over the network, so that it may be slow or fail: such a gateway is called from a job after
	 * the notification's transaction commits ({@link NotificationDeliveries}), never inside it.
	 */
	default boolean remote() {
		return false;
	}

}
