package org.sscard.security;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param perMinute business rejections (409, 422, 423) on card calls one caller may collect per
 * minute, per instance, before getting 429 ({@code SSCARD_REJECTIONS_PER_MINUTE})
 */
@ConfigurationProperties("sscard.rejections")
@Validated
record RejectionProperties(@Min(1) @DefaultValue("60") int perMinute) {
}
