package org.sscard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sscard.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the local profile the service refuses to start without its keys, and says which setting
 * is missing; without a database it says so in a few lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupConfigurationTests {

	@Test
	void withoutADatabaseTheServiceSaysWhatItTriedAndWhatToDo(CapturedOutput output) throws Exception {
		int deadPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		SpringApplication application = new SpringApplication(SscardApplication.class);

		assertThatThrownBy(() -> application.run("--spring.profiles.active=local", "--server.port=0",
				"--spring.datasource.url=jdbc:postgresql://localhost:" + deadPort + "/postgres"));

		String report = output.getAll().substring(output.getAll().indexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains("localhost:" + deadPort, "./mvnw spring-boot:test-run", "docker compose up -d db",
				"apt-get install postgresql", "SSCARD_DB_URL");
		assertThat(report.lines().filter((line) -> line.trim().startsWith("at "))).as("no stack trace").isEmpty();
	}

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
