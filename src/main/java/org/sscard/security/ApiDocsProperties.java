package org.sscard.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * @param open whether the OpenAPI document and Swagger UI may be read without an ADMIN token
 * (setting {@code sscard.api-docs.public}; {@code true} in the {@code local} profile)
 */
@ConfigurationProperties("sscard.api-docs")
record ApiDocsProperties(@Name("public") boolean open) {
}
