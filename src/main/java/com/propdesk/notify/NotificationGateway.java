package com.propdesk.notify;

/** Where notifications go beyond PropDesk's own record: an SMS and paging provider, or nowhere. */
public interface NotificationGateway {

	void send(Notification notification);

}
