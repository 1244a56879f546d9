package com.propdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.propdesk.system.PropDeskProperties.Channel;

/** A channel's callbacks go to the hosts it lists, and on a listed port only. */
class CallbackHostsTests {

	private static final Channel CHANNEL = new Channel("key",
			List.of("hooks.wechat.example.cn", "Hooks.App.example.cn:8443", "localhost:*", "[::1]:9000"));

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			"https://hooks.wechat.example.cn/case, true", "http://hooks.wechat.example.cn/case, true",
			"https://hooks.wechat.example.cn:443/case, true", "http://hooks.wechat.example.cn:80/case, true",
			"https://HOOKS.wechat.example.cn/case, true",
			// a host listed without a port: its scheme's own port only, not another service on the same machine
			"http://hooks.wechat.example.cn:443/case, false", "https://hooks.wechat.example.cn:8443/case, false",
			"http://hooks.wechat.example.cn:22/, false", "http://hooks.wechat.example.cn:6379/, false",
			"https://hooks.app.example.cn:8443/case, true", "https://hooks.app.example.cn/case, false",
			"https://hooks.app.example.cn:8444/case, false",
			"http://localhost:18080/hook, true", "http://localhost/hook, true", "https://localhost:5432/, true",
			"http://[::1]:9000/hook, true", "http://[::1]:9001/hook, false", "http://[::1]/hook, false",
			"http://127.0.0.1:9000/hook, false", "http://hooks.wechat.example.cn.evil.cn/case, false",
			"http://evil.cn/hooks.wechat.example.cn, false" })
	void aCallbackGoesOnlyToAListedHostAndPort(String url, boolean allowed) {
		assertThat(CHANNEL.allowsCallbackTo(URI.create(url))).isEqualTo(allowed);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", ":8080", "host:", "host:0", "host:65536", "host:http", "host:8080/path",
			"user@host", "[::1", "[::1]8080", "host:*:*" })
	void aMistypedEntryStopsTheStartInsteadOfAllowingOrRefusingQuietly(String entry) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Channel("key", List.of(entry)))
				.withMessageContaining("callback-hosts");
	}

}
