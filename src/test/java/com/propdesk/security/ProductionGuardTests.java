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
		assertThatThrownBy(() -> new ProductionGuard(production("s3cret-Admin", null)))
				.hasMessageContaining("PROPDESK_KEY_WECHAT");
	}

	@Test
	void acceptsSecretsFromTheEnvironment() {
		assertThatCode(() -> new ProductionGuard(production("s3cret-Admin", "k-wechat"))).doesNotThrowAnyException();
	}

	@Test
	void demoNeedsNoSecrets() {
		assertThatCode(() -> new ProductionGuard(new PropDeskProperties(true, "demo", Map.of()))).doesNotThrowAnyException();
	}

}
