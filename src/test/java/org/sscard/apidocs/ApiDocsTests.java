package org.sscard.apidocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is the repository's own contract. */
class ApiDocsTests extends ApiTest {

	/** Written for the Spectral lint that CI runs after the build (see .ci/run). */
	@Test
	void theDocumentIsWrittenForTheLinter() throws IOException {
		Response docs = this.api.get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		Path target = Path.of("target", "openapi.json");
		Files.createDirectories(target.getParent());
		Files.writeString(target, docs.json().toPrettyString(), StandardCharsets.UTF_8);
	}

}
