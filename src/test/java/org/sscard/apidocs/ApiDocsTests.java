package org.sscard.apidocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is the repository's own contract: every operation says how to authenticate,
 * which problems it answers and how, and every POST its Idempotency-Key.
 */
class ApiDocsTests extends ApiTest {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private JsonNode docs;

	@BeforeEach
	void read() {
		Response response = this.api.get("/v3/api-docs", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		this.docs = response.json();
	}

	/** Written for the Spectral lint that CI runs after the build (see .ci/run and the README). */
	@Test
	void theDocumentIsWrittenForTheLinter() throws IOException {
		Path target = Path.of("target", "openapi.json");
		Files.createDirectories(target.getParent());
		Files.writeString(target, this.docs.toPrettyString(), StandardCharsets.UTF_8);
	}

	@Test
	void theDocumentNamesTheServiceAndItsBuild() {
		assertThat(this.docs.at("/info/title").asString()).isEqualTo("sscard HTTP API");
		assertThat(this.docs.at("/info/version").asString()).isNotBlank().isNotEqualTo("v0");
		assertThat(this.docs.at("/servers/0/url").asString()).isEqualTo("/");
	}

	@Test
	void theErrorControllerIsNotAnOperation() {
		assertThat(paths()).isNotEmpty().noneMatch((path) -> path.startsWith("/error"));
	}

	@Test
	void everyOperationSaysHowToAuthenticate() {
		assertThat(this.docs.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(this.docs.at("/components/securitySchemes/bearer/bearerFormat").asString()).isEqualTo("JWT");
		assertThat(this.docs.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
		operations().forEach((name, operation) -> {
			String expected = name.equals("post /api/v1/auth/token") ? "basic" : "bearer";
			assertThat(operation.at("/security/0").propertyNames()).as(name).containsExactly(expected);
		});
	}

	@Test
	void everyOperationAnswersProblemsInTheWireFormat() {
		operations().forEach((name, operation) -> {
			List<String> problems = new ArrayList<>();
			operation.get("responses").properties().forEach((entry) -> {
				if (entry.getKey().startsWith("4") && entry.getValue().at("/content/application~1problem+json/schema/$ref")
					.asString("").equals("#/components/schemas/Problem")) {
					problems.add(entry.getKey());
				}
			});
			assertThat(problems).as(name).isNotEmpty();
			assertThat(operation.at("/responses/500/content/application~1problem+json").isMissingNode()).as(name).isFalse();
			operation.get("responses").properties().forEach((entry) -> {
				if (entry.getKey().startsWith("2")) {
					assertThat(entry.getValue().path("content").propertyNames()).as(name).doesNotContain("*/*");
				}
			});
			if (!name.equals("post /api/v1/auth/token")) {
				assertThat(operation.at("/responses/401").isMissingNode()).as(name + " 401").isFalse();
				assertThat(operation.at("/responses/403").isMissingNode()).as(name + " 403").isFalse();
			}
		});
		JsonNode problem = this.docs.at("/components/schemas/Problem");
		assertThat(problem.get("required").valueStream().map(JsonNode::asString))
			.contains("type", "title", "status", "detail", "code");
		assertThat(problem.get("properties").propertyNames()).contains("type", "title", "status", "detail", "code",
				"instance", "errors", "remainingAttempts", "insuredRegionCode", "bankCode", "cardStatus");
	}

	@Test
	void anOperationListsItsOwnCodesWithAnExampleOfEach() {
		JsonNode activation = operations().get("post /api/v1/cards/{cardNumber}/social-security-account/activation");

		JsonNode examples = activation.at("/responses/422/content/application~1problem+json/examples");
		assertThat(examples.propertyNames()).contains("PIN_MISMATCH", "WEAK_PIN", "OUTSIDE_INSURED_REGION",
				"IDEMPOTENCY_KEY_REUSED");
		assertThat(examples.at("/PIN_MISMATCH/value/remainingAttempts").asInt()).isEqualTo(2);
		assertThat(activation.at("/responses/423/content/application~1problem+json/examples/ACCOUNT_LOCKED/value/code")
			.asString()).isEqualTo("ACCOUNT_LOCKED");
		assertThat(activation.at("/responses/429/headers/Retry-After").isMissingNode()).isFalse();
	}

	@Test
	void everyPostDeclaresTheIdempotencyKey() {
		operations().forEach((name, operation) -> {
			if (name.startsWith("post ")) {
				assertThat(operation.path("parameters").valueStream()
					.filter((parameter) -> parameter.path("name").asString("").equals("Idempotency-Key")
							&& parameter.path("in").asString("").equals("header"))
					.findFirst()).as(name).hasValueSatisfying((parameter) -> {
						assertThat(parameter.at("/schema/maxLength").asInt()).isEqualTo(255);
						assertThat(parameter.at("/schema/minLength").asInt()).isEqualTo(1);
					});
			}
		});
	}

	@Test
	void everyAnswerDeclaresItsTraceId() {
		operations().forEach((name, operation) -> operation.get("responses").properties().forEach((entry) ->
				assertThat(entry.getValue().at("/headers/X-Trace-Id/schema/maxLength").asInt()).as(name + " " + entry.getKey())
					.isEqualTo(32)));
	}

	private List<String> paths() {
		return new ArrayList<>(this.docs.get("paths").propertyNames());
	}

	/** Every operation, keyed "method path". */
	private Map<String, JsonNode> operations() {
		Map<String, JsonNode> operations = new java.util.TreeMap<>();
		this.docs.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (METHODS.contains(method.getKey())) {
				operations.put(method.getKey() + " " + path.getKey(), method.getValue());
			}
		}));
		assertThat(operations).isNotEmpty();
		return operations;
	}

}
