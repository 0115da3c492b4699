package org.sscard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw spring-boot:test-run}: where Docker runs, the service starts against PostgreSQL and
 * RabbitMQ containers, with the demo data of the local profile; where it does not (this project's
 * development machine), it stops at once with a few lines naming the other way to get a database.
 */
@ExtendWith(OutputCaptureExtension.class)
class TestSscardApplicationTests {

	@Test
	void startsAgainstContainersWhereDockerRunsAndOtherwiseNamesTheOtherWay(CapturedOutput output) {
		boolean docker = DockerClientFactory.instance().isDockerAvailable();

		try (ConfigurableApplicationContext service = TestSscardApplication.start("--server.port=0",
				"--spring.profiles.active=local")) {
			if (docker) {
				Environment environment = service.getEnvironment();
				assertThat(service.isRunning()).isTrue();
				assertThat(environment.getProperty("local.server.port")).isNotBlank();
				assertThat(service.getBean(javax.sql.DataSource.class)).extracting("jdbcUrl").asString()
					.doesNotContain(":5432/");
			}
			else {
				assertThat(service).isNull();
				assertThat(output.getErr()).contains("no Docker engine", "apt-get install postgresql",
						"./mvnw spring-boot:run");
				assertThat(output.getErr().lines().filter((line) -> line.trim().startsWith("at "))).isEmpty();
			}
		}
	}

}
