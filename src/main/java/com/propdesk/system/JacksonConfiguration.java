package com.propdesk.system;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Strict reading of PropDesk's own request bodies, beside the features in application.yaml: a number or a
 * boolean is not text ({@code "name": 123}), and an empty string is not a number, a flag or a list. Camunda's
 * REST API and Spin configure mappers of their own and are not affected.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictScalars() {
		return builder -> builder.postConfigurer(mapper -> {
			mapper.coercionConfigFor(LogicalType.Textual)
					.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
					LogicalType.Collection, LogicalType.Array, LogicalType.POJO, LogicalType.Enum }) {
				mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
			}
		});
	}

}
