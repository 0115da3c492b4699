package org.sscard.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.sscard.shared.DomainException;
import org.sscard.staff.OperatorRole;
import org.sscard.staff.StaffDirectory;

/**
 * Creates the first ADMIN from {@code SSCARD_BOOTSTRAP_ADMIN_USERNAME} and
 * {@code SSCARD_BOOTSTRAP_ADMIN_PASSWORD}, so that a fresh installation can be set up through
 * the API. Does nothing when they are unset or the operator already exists.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final StaffDirectory staff;

	private final String username;

	private final String password;

	BootstrapAdmin(StaffDirectory staff, @Value("${sscard.bootstrap-admin.username:}") String username,
			@Value("${sscard.bootstrap-admin.password:}") String password) {
		this.staff = staff;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.username.isBlank() || this.password.isBlank() || this.staff.operatorExists(this.username)) {
			return;
		}
		try {
			this.staff.addOperator(this.username, this.password, OperatorRole.ADMIN, null);
			log.info("Created bootstrap administrator '{}'", this.username);
		}
		catch (DomainException ex) {
			// Another instance created it first, or the name belongs to a channel client.
			log.info("Bootstrap administrator '{}' not created: {}", this.username, ex.code());
		}
	}

}
