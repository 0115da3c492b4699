package org.sscard.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final BootstrapAdminProperties admin;

	BootstrapAdmin(StaffDirectory staff, BootstrapAdminProperties admin) {
		this.staff = staff;
		this.admin = admin;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.admin.given() || this.staff.operatorExists(this.admin.username())) {
			return;
		}
		try {
			this.staff.addOperator(this.admin.username(), this.admin.password(), OperatorRole.ADMIN, null);
			log.info("Created bootstrap administrator '{}'", this.admin.username());
		}
		catch (DomainException ex) {
			// Another instance created it first, or the name belongs to a channel client.
			log.info("Bootstrap administrator '{}' not created: {}", this.admin.username(), ex.code());
		}
	}

}
