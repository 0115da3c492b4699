package org.sscard.shared;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON in is taken literally: a number is not a PIN, a number is not an enum, a boolean is not
 * a name, and a property given twice is not "the last one wins". Every such mix-up is a 400
 * rather than a silent guess.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer literalJsonInput() {
		return (builder) -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual, (config) -> config
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Array, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Object, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum, (config) -> config
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
	}

}
