package com.propdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The address the login throttle counts by, behind the production TLS proxy: Tomcat's RemoteIpValve as the
 * postgres profile configures it replaces the connection's address by the forwarded client's only for a
 * trusted proxy; the demo profile has no such valve (EngineHardeningTests shows the header ignored there).
 */
class ClientAddressTests {

	@Test
	void thePostgresProfileTrustsForwardedHeadersOnlyFromTheConfiguredProxies() throws Exception {
		PropertySource<?> postgres = new YamlPropertySourceLoader()
				.load("postgres", new ClassPathResource("application-postgres.yaml")).get(0);

		assertThat(postgres.getProperty("server.forward-headers-strategy")).hasToString("native");
		assertThat(postgres.getProperty("server.tomcat.remoteip.internal-proxies")).hasToString("${PROPDESK_TRUSTED_PROXIES:}");
	}

	@Test
	void withoutTrustedProxiesTheConnectionsAddressCounts() throws Exception {
		assertThat(clientBehind("", "127.0.0.1", "203.0.113.7")).isEqualTo("127.0.0.1");
	}

	@Test
	void behindATrustedProxyEachForwardedClientCountsOnItsOwn() throws Exception {
		String proxy = "127\\.0\\.0\\.1";

		assertThat(clientBehind(proxy, "127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(clientBehind(proxy, "127.0.0.1", "198.51.100.9")).isEqualTo("198.51.100.9");
		// a client that sends the header itself, not through the proxy, is counted by its own address
		assertThat(clientBehind(proxy, "192.0.2.44", "203.0.113.7")).isEqualTo("192.0.2.44");

		LoginThrottle throttle = new LoginThrottle();
		for (int i = 0; i <= LoginThrottle.FREE_PER_USER; i++) {
			throttle.failed(clientBehind(proxy, "127.0.0.1", "203.0.113.7"), "agent");
		}
		assertThat(throttle.waitFor(clientBehind(proxy, "127.0.0.1", "203.0.113.7"), "agent")).isPositive();
		assertThat(throttle.waitFor(clientBehind(proxy, "127.0.0.1", "198.51.100.9"), "agent")).isZero();
	}

	/** The address {@link LoginThrottle#clientOf} sees after the valve, as Spring Boot sets it up. */
	private static String clientBehind(String internalProxies, String connection, String forwardedFor) throws Exception {
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(internalProxies);
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		AtomicReference<String> seen = new AtomicReference<>();
		valve.setNext(new ValveBase() {

			@Override
			public void invoke(Request request, Response response) {
				seen.set(LoginThrottle.clientOf(request));
			}

		});
		Request request = new Request(new Connector());
		org.apache.coyote.Request coyote = new org.apache.coyote.Request();
		request.setCoyoteRequest(coyote);
		request.setRemoteAddr(connection);
		request.setRemoteHost(connection);
		coyote.getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
		valve.invoke(request, new Response());
		return seen.get();
	}

}
