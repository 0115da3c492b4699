package org.sscard.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at start-up if it does not exist; nothing when unset.
 *
 * @param username its username ({@code SSCARD_BOOTSTRAP_ADMIN_USERNAME})
 * @param password its password ({@code SSCARD_BOOTSTRAP_ADMIN_PASSWORD})
 */
@ConfigurationProperties("sscard.bootstrap-admin")
record BootstrapAdminProperties(String username, String password) {

	boolean given() {
		return this.username != null && !this.username.isBlank() && this.password != null && !this.password.isBlank();
	}

	@Override
	public String toString() {
		return "BootstrapAdminProperties[username=" + this.username + "]";
	}

}
