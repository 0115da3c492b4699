package org.sscard;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.sscard.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the local profile the service refuses to start without its keys, and says which setting is missing. */
class StartupConfigurationTests {

	@Test
	void withoutKeysTheServiceRefusesToStartAndNamesTheSetting() {
		TestDatabase.LocalDatabase database = TestDatabase.LocalDatabase.get();
		SpringApplication application = new SpringApplication(SscardApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(), "--spring.profiles.active=prod",
				"--sscard.jwt.secret=", "--sscard.pin.key=a2V5LWEtMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYg=="))
			.hasStackTraceContaining("Missing setting sscard.jwt.secret");
		assertThatThrownBy(() -> application.run("--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(), "--spring.profiles.active=prod",
				"--sscard.jwt.secret=a-secret-that-is-at-least-32-bytes-long", "--sscard.pin.key="))
			.hasStackTraceContaining("Missing setting sscard.pin.key");
	}

}
