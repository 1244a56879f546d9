package com.propdesk.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.propdesk.system.PropDeskProperties;
import com.propdesk.system.PropDeskProperties.Channel;

class ProductionGuardTests {

	static PropDeskProperties production(String adminPassword, String wechatKey) {
		return new PropDeskProperties(false, adminPassword,
				Map.of("wechat", new Channel(wechatKey, List.of("hooks.example.cn")), "app", new Channel("k-app", List.of())));
	}

	@Test
	void refusesMissingOrDefaultSecretsNamingTheVariables() {
		assertThatThrownBy(() -> new ProductionGuard(production("", "demo")))
				.hasMessageContaining("PROPDESK_ADMIN_PASSWORD").hasMessageContaining("PROPDESK_KEY_WECHAT")
				.hasMessageNotContaining("PROPDESK_KEY_APP");
		assertThatThrownBy(() -> new ProductionGuard(production("demo", "k-wechat")))
				.hasMessageContaining("PROPDESK_ADMIN_PASSWORD");
		assertThatThrownBy(() -> new ProductionGuard(production("S3cret-Pa55", null)))
				.hasMessageContaining("PROPDESK_KEY_WECHAT");
	}

	@Test
	void refusesAnAdminPasswordThatPeoplesPasswordsCouldNotBe() {
		for (String weak : List.of("s3cret-pa55", "S3CRET-PA55", "Secret-Pass", "S3cretPa55", "S3cr-t", "S3cret-Admin")) {
			assertThatThrownBy(() -> new ProductionGuard(production(weak, "k-wechat"))).as(weak)
					.hasMessageContaining("PROPDESK_ADMIN_PASSWORD").hasMessageContaining("at least 10 characters")
					.hasMessageNotContaining(weak);
		}
	}

	@Test
	void acceptsSecretsFromTheEnvironment() {
		assertThatCode(() -> new ProductionGuard(production("S3cret-Pa55", "k-wechat"))).doesNotThrowAnyException();
	}

	@Test
	void demoNeedsNoSecrets() {
		assertThatCode(() -> new ProductionGuard(new PropDeskProperties(true, "demo", Map.of()))).doesNotThrowAnyException();
	}

}
