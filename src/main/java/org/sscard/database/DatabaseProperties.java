package org.sscard.database;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The two database roles (see the README, "Database roles").
 *
 * @param migrationUsername the tables' owner that Flyway migrates as, on the datasource's database;
 * empty: Flyway migrates as {@code spring.datasource.username} ({@code SSCARD_DB_MIGRATION_USERNAME})
 * @param migrationPassword its password ({@code SSCARD_DB_MIGRATION_PASSWORD})
 * @param serviceRole the role that migration V8 grants row access to, created {@code NOLOGIN} if
 * missing and allowed; the service's user is this role or a member of it
 * ({@code SSCARD_DB_SERVICE_ROLE})
 */
@ConfigurationProperties("sscard.db")
@Validated
record DatabaseProperties(String migrationUsername, String migrationPassword,
		@NotBlank @DefaultValue("sscard_app") String serviceRole) {

	@Override
	public String toString() {
		return "DatabaseProperties[migrationUsername=" + this.migrationUsername + ", serviceRole=" + this.serviceRole + "]";
	}

}
