package org.sscard.apidocs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sscard.card.CardStatus;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.ProblemCodes;
import org.sscard.shared.ValidFormat;

/**
 * The OpenAPI document at {@code /v3/api-docs} as the repository's own contract: what springdoc
 * derives from the controllers, completed by rule with what every operation shares (security,
 * the {@code Idempotency-Key} header, the problem-details answers it can give) and by
 * {@link ProblemCodes} with the business codes particular to an operation. Rules rather than
 * annotations on each handler, so that a new operation is documented as completely as the rest.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

	static final String BEARER = "bearer";

	static final String BASIC = "basic";

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = "application/problem+json";

	static final String JSON = "application/json";

	static final String TOKEN_PATH = "/api/v1/auth/token";

	/** Where the rejection limiter (card calls) or the sign-in throttle (token) may answer 429. */
	private static final List<String> THROTTLED = List.of("/api/v1/cards/", TOKEN_PATH);

	/** No request string can be longer than a request body (16 KiB): the bound where no tighter one is known. */
	static final int BODY_LIMIT = 16 * 1024;

	private static final String CODES_EXTENSION = "x-sscard-problem-codes";

	@Bean
	OpenAPI sscardOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "development";
		String description = (properties != null && properties.get("description") != null)
				? properties.get("description") : "Activation of Chinese social security cards";
		return new OpenAPI()
			.info(new Info().title("sscard HTTP API")
				.version(version)
				.description(description + ". Sign in at `POST " + TOKEN_PATH + "` with HTTP Basic credentials, then "
						+ "send the access token as `Authorization: Bearer <token>` (Swagger UI: Authorize). Every error is "
						+ "`application/problem+json` with a stable `code`; every POST accepts an `Idempotency-Key`.")
				.contact(new Contact().name("sscard maintainers")))
			.servers(List.of(new Server().url("/")
				.description("The instance serving this document (local, test, staging or production alike)")
				.extensions(Map.of("x-internal", true))))
			.components(new Components()
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.bearerFormat("JWT")
					.description("An access token from `POST " + TOKEN_PATH + "` (or the organisation's identity provider): "
							+ "a signed JWT, checked as RFC8725 advises (the algorithm and key fixed by configuration, never "
							+ "taken from the token; issuer, audience, expiry and a maximum validity required)."))
				.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
					.description("An operator's username and password, or a channel client's id and secret; "
							+ "only for `POST " + TOKEN_PATH + "`.")));
	}

	/** Carries a handler's {@link ProblemCodes} to {@link #contract()}, which knows the operation's path. */
	@Bean
	OperationCustomizer problemCodes() {
		return (operation, handler) -> {
			ProblemCodes codes = handler.getMethodAnnotation(ProblemCodes.class);
			if (codes != null) {
				operation.addExtension(CODES_EXTENSION,
						Arrays.stream(codes.value()).map(Enum::name).collect(Collectors.toList()));
			}
			return operation;
		};
	}

	/** The domain formats of request fields ({@link ValidFormat}), as patterns, lengths and examples. */
	@Bean
	PropertyCustomizer formats() {
		return (schema, type) -> {
			if (type.getCtxAnnotations() != null) {
				Arrays.stream(type.getCtxAnnotations())
					.filter(ValidFormat.class::isInstance)
					.findFirst()
					.ifPresent((format) -> Formats.describe(schema, ((ValidFormat) format).value()));
			}
			return schema;
		};
	}

	@Bean
	ParameterCustomizer parameterFormats() {
		return (parameter, method) -> {
			ValidFormat format = method.getParameterAnnotation(ValidFormat.class);
			if (parameter != null && format != null && parameter.getSchema() != null) {
				Formats.describe(parameter.getSchema(), format.value());
			}
			return parameter;
		};
	}

	@Bean
	OpenApiCustomizer contract() {
		return (openApi) -> {
			// Spring Boot's error controller is how failures are rendered, not an operation.
			openApi.getPaths().keySet().removeIf((path) -> path.equals("/error") || path.startsWith("/error/"));
			// Here rather than on the OpenAPI bean: springdoc replaces that bean's schemas with the generated ones.
			openApi.getComponents().addSchemas("FieldError", Problems.fieldError()).addSchemas(PROBLEM, Problems.schema());
			Set<String> tags = new LinkedHashSet<>();
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				complete(path, method, operation);
				operation.getResponses().values().forEach((response) -> response.addHeaderObject(TRACE_ID, traceId()));
				if (operation.getTags() != null) {
					tags.addAll(operation.getTags());
				}
			}));
			List<Tag> declared = new ArrayList<>((openApi.getTags() != null) ? openApi.getTags() : List.of());
			Set<String> known = declared.stream().map(Tag::getName).collect(Collectors.toSet());
			tags.stream().filter((tag) -> !known.contains(tag)).sorted()
				.forEach((tag) -> declared.add(new Tag().name(tag).description(tag + " operations.")));
			openApi.setTags(declared);
			Limits.apply(openApi);
		};
	}

	/** Every answer's trace id (metrics.TracedRequests), to quote when reporting a problem. */
	static final String TRACE_ID = "X-Trace-Id";

	private static Header traceId() {
		return new Header().description("The trace id of this call, as in the service's log lines: quote it when "
				+ "reporting a problem").schema(new StringSchema().pattern("^[0-9a-f]{32}$").maxLength(32));
	}

	private static void complete(String path, HttpMethod method, Operation operation) {
		boolean token = path.equals(TOKEN_PATH);
		boolean secured = path.startsWith("/api/");
		if (secured) {
			operation.setSecurity(List.of(new SecurityRequirement().addList(token ? BASIC : BEARER)));
		}
		else {
			operation.setSecurity(List.of());
		}
		if (operation.getDescription() == null) {
			operation.setDescription(operation.getSummary());
		}
		boolean withBody = method == HttpMethod.POST || method == HttpMethod.PATCH || method == HttpMethod.PUT;
		if (method == HttpMethod.POST) {
			operation.addParametersItem(Idempotency.header());
		}
		Set<ErrorCode> codes = new LinkedHashSet<>();
		codes.add(ErrorCode.VALIDATION_FAILED);
		if (secured) {
			codes.add(ErrorCode.UNAUTHENTICATED);
		}
		if (secured && !token) {
			codes.add(ErrorCode.FORBIDDEN);
		}
		if (path.startsWith("/api/v1/cards/{cardNumber}")) {
			codes.add(ErrorCode.CARD_NOT_FOUND);
		}
		if (withBody) {
			codes.add(ErrorCode.PAYLOAD_TOO_LARGE);
			codes.add(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		}
		if (withBody && !token) {
			// Two writes racing for the same row: the loser is told to look again and retry.
			codes.add(ErrorCode.CONCURRENT_UPDATE);
		}
		if (method == HttpMethod.POST) {
			codes.add(ErrorCode.IDEMPOTENCY_KEY_IN_USE);
			codes.add(ErrorCode.IDEMPOTENCY_KEY_REUSED);
		}
		Object specific = (operation.getExtensions() != null) ? operation.getExtensions().remove(CODES_EXTENSION) : null;
		if (specific instanceof List<?> names) {
			names.forEach((name) -> codes.add(ErrorCode.valueOf((String) name)));
		}
		if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
			operation.setExtensions(null);
		}
		if (THROTTLED.stream().anyMatch(path::startsWith)) {
			codes.add(ErrorCode.TOO_MANY_REQUESTS);
		}
		codes.add(ErrorCode.INTERNAL_ERROR);
		codes.add(ErrorCode.SERVICE_UNAVAILABLE);

		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		responses.values().forEach(ApiDocs::jsonOnly);
		Map<Integer, List<ErrorCode>> byStatus = codes.stream()
			.collect(Collectors.groupingBy((code) -> code.status().value(), TreeMap::new, Collectors.toList()));
		byStatus.forEach((status, list) -> responses.addApiResponse(Integer.toString(status), Problems.response(list)));
		operation.setResponses(responses);
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			operation.getRequestBody().getContent().keySet().removeIf((type) -> type.equals("*/*"));
		}
	}

	/** Success bodies are JSON; springdoc says {@code *}{@code /*} when a handler does not declare it. */
	private static void jsonOnly(ApiResponse response) {
		Content content = response.getContent();
		if (content != null && content.containsKey("*/*")) {
			MediaType media = content.remove("*/*");
			content.putIfAbsent(JSON, media);
		}
	}

	/** The wire format of every error, as {@code ErrorTranslator} writes it. */
	static final class Problems {

		private Problems() {
		}

		static Schema<?> schema() {
			Map<String, Schema> properties = new LinkedHashMap<>();
			properties.put("type", string(255, "uri").description("Stable URI of the problem type, one per code")
				.example(ErrorCode.PIN_MISMATCH.typeUri()));
			properties.put("title", string(255, null).description("Short summary of the problem type"));
			properties.put("status", integer(400, 599).description("The HTTP status"));
			properties.put("detail", string(1000, null).description("What went wrong, for the person at the window"));
			properties.put("code", string(null, null)
				._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toList()))
				.description("Stable machine-readable error code: branch on this"));
			properties.put("instance", string(2048, "uri-reference").description("The request path"));
			properties.put("errors", array(ref("FieldError"), 100).description("The invalid fields (VALIDATION_FAILED)"));
			properties.put("remainingAttempts", integer(0, 100).description("PIN attempts left before the account locks (PIN_MISMATCH)"));
			properties.put("insuredRegionCode", string(6, null).pattern("^\\d{6}$")
				.description("Where the card is insured (OUTSIDE_INSURED_REGION)"));
			properties.put("bankCode", string(10, null).pattern("^[A-Z]{2,10}$")
				.description("The bank that holds the account (WRONG_BANK)"));
			properties.put("cardStatus", string(null, null)
				._enum(Arrays.stream(CardStatus.values()).map(Enum::name).collect(Collectors.toList()))
				.description("The card's status (CARD_BLOCKED)"));
			Schema<?> schema = object().description("RFC 9457 problem details with the contract's error `code`");
			schema.setProperties(properties);
			schema.setRequired(List.of("type", "title", "status", "detail", "code"));
			return schema;
		}

		static Schema<?> fieldError() {
			Schema<?> schema = object().description("One invalid field");
			Map<String, Schema> properties = new LinkedHashMap<>();
			properties.put("field", string(255, null).description("JSON path of the field, e.g. holder.idNumber"));
			properties.put("message", string(1000, null).description("What is wrong with it"));
			schema.setProperties(properties);
			schema.setRequired(List.of("field", "message"));
			return schema;
		}

		static ApiResponse response(List<ErrorCode> codes) {
			MediaType media = new MediaType().schema(ref(PROBLEM));
			codes.forEach((code) -> media.addExamples(code.name(), new Example().summary(code.title()).value(example(code))));
			ApiResponse response = new ApiResponse()
				.description(codes.get(0).status().getReasonPhrase() + ": "
						+ codes.stream().map(Enum::name).collect(Collectors.joining(", ")))
				.content(new Content().addMediaType(PROBLEM_JSON, media));
			if (codes.get(0).status().value() == 429) {
				response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
					.schema(integer(1, 86_400)));
			}
			if (codes.get(0).status().value() == 401) {
				response.addHeaderObject("WWW-Authenticate", new Header().description("The scheme to authenticate with")
					.schema(string(255, null)));
			}
			return response;
		}

		static Map<String, Object> example(ErrorCode code) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", code.typeUri());
			problem.put("title", code.title());
			problem.put("status", code.status().value());
			problem.put("detail", detail(code));
			problem.put("code", code.name());
			problem.put("instance", "/api/v1/cards/A12345678/social-security-account/activation");
			switch (code) {
				case VALIDATION_FAILED -> problem.put("errors",
						List.of(Map.of("field", "newPin", "message", "must be exactly six digits")));
				case PIN_MISMATCH -> problem.put("remainingAttempts", 2);
				case OUTSIDE_INSURED_REGION -> problem.put("insuredRegionCode", "440305");
				case WRONG_BANK -> problem.put("bankCode", "ICBC");
				case CARD_BLOCKED -> problem.put("cardStatus", "LOST");
				default -> {
				}
			}
			return problem;
		}

		private static String detail(ErrorCode code) {
			return switch (code) {
				case VALIDATION_FAILED -> "The request has invalid fields.";
				case PIN_MISMATCH -> "The PIN does not match; 2 attempts left before the account locks.";
				case OUTSIDE_INSURED_REGION -> "The card is insured in 440305: serve it at a branch in that city.";
				case TOO_MANY_REQUESTS -> "Too many refused calls; try again in 30 s.";
				default -> code.title() + ".";
			};
		}

	}

	/** The {@code Idempotency-Key} request header every POST accepts. */
	static final class Idempotency {

		private Idempotency() {
		}

		static Parameter header() {
			return new Parameter().in("header").name("Idempotency-Key").required(false)
				.description("1-255 printable ASCII characters. The same caller, key and body within 24 h answers the "
						+ "first response again (with `Idempotent-Replayed: true`); the same key with another body "
						+ "is 422 IDEMPOTENCY_KEY_REUSED; while the first is still running, 409 IDEMPOTENCY_KEY_IN_USE.")
				.schema(string(255, null).minLength(1).pattern("^[\\x20-\\x7E]{1,255}$")
					.example("5f0c6a4e-2b1d-4c57-9a77-0d2f6f1e9b3a"));
		}

	}

	/** Patterns, lengths and examples of the domain's formats, as {@link ValidFormat} checks them. */
	static final class Formats {

		private Formats() {
		}

		static void describe(Schema<?> schema, ValidFormat.Format format) {
			switch (format) {
				case ID_NUMBER -> set(schema, "^\\d{17}[\\dX]$", 18, "44030519900101123X");
				case PHONE -> set(schema, "^[+0-9\\s-]{11,32}$", 32, "13812345678");
				case REGION_CODE -> set(schema, "^\\d{6}$", 6, "440305");
				case ACCOUNT_NUMBER -> set(schema, "^\\d{16,19}$", 19, "6222020000123456782");
				case PIN -> set(schema, "^\\d{6}$", 6, "802514");
				case CARD_NUMBER -> set(schema, "^[A-Z0-9]{9}$", 9, "A12345678");
				case BRANCH_CODE -> set(schema, "^[A-Z0-9-]{3,32}$", 32, "SZ-NANSHAN-01");
				case BANK_CODE -> set(schema, "^[A-Z]{2,10}$", 10, "ICBC");
			}
		}

		private static void set(Schema<?> schema, String pattern, int maxLength, String example) {
			schema.setPattern(pattern);
			schema.setMaxLength(maxLength);
			((Schema<Object>) schema).setExample(example);
		}

	}

	/**
	 * Bounds on every string, integer and array the generator left open, so that a client (and a
	 * linter) knows the largest value it may meet: the tighter ones where the contract says them.
	 */
	static final class Limits {

		/** Arrays in answers, by the schema property or operation that returns them. */
		private static final Map<String, Integer> MAX_ITEMS = Map.of(
				"FeedPage.events", 500,
				"CardView.applications", 3,
				"GET /api/v1/cards/{cardNumber}/events", 200,
				// One person, one card: the rest are replaced or cancelled cards, never many.
				"GET /api/v1/cards", 100);

		/**
		 * Answer fields that carry a domain value unmasked (requests get theirs from {@link ValidFormat}).
		 * Masked ones (ID number, phone, account number, name) are left to the generic bound.
		 */
		private static final Map<String, ValidFormat.Format> ANSWER_FORMATS = Map.of(
				"cardNumber", ValidFormat.Format.CARD_NUMBER,
				"replacementFor", ValidFormat.Format.CARD_NUMBER,
				"replacedBy", ValidFormat.Format.CARD_NUMBER,
				"insuredRegionCode", ValidFormat.Format.REGION_CODE,
				"regionCode", ValidFormat.Format.REGION_CODE,
				"bankCode", ValidFormat.Format.BANK_CODE,
				"branchCode", ValidFormat.Format.BRANCH_CODE,
				"activatedAtBranch", ValidFormat.Format.BRANCH_CODE);

		private Limits() {
		}

		static void apply(OpenAPI openApi) {
			Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
			if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
				openApi.getComponents().getSchemas().forEach((name, schema) -> {
					Map<String, Schema> properties = schema.getProperties();
					if (properties != null) {
						properties.forEach((property, value) -> {
							Integer max = MAX_ITEMS.get(name + "." + property);
							if (max != null && isType(value, "array")) {
								value.setMaxItems(max);
							}
							ValidFormat.Format format = ANSWER_FORMATS.get(property);
							if (format != null && isType(value, "string") && value.getMaxLength() == null
									&& value.getPattern() == null) {
								Formats.describe(value, format);
							}
						});
					}
					walk(schema, seen);
				});
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				if (operation.getParameters() != null) {
					operation.getParameters().forEach((parameter) -> {
						if ("path".equals(parameter.getIn()) && "cardNumber".equals(parameter.getName())) {
							Formats.describe(parameter.getSchema(), ValidFormat.Format.CARD_NUMBER);
						}
						walk(parameter.getSchema(), seen);
					});
				}
				if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
					operation.getRequestBody().getContent().values().forEach((media) -> walk(media.getSchema(), seen));
				}
				Integer max = MAX_ITEMS.get(method + " " + path);
				operation.getResponses().values().forEach((response) -> {
					if (response.getContent() != null) {
						response.getContent().values().forEach((media) -> {
							if (max != null && media.getSchema() != null && isType(media.getSchema(), "array")) {
								media.getSchema().setMaxItems(max);
							}
							walk(media.getSchema(), seen);
						});
					}
					if (response.getHeaders() != null) {
						response.getHeaders().values().forEach((header) -> walk(header.getSchema(), seen));
					}
				});
			}));
		}

		private static void walk(Schema<?> schema, Map<Schema<?>, Boolean> seen) {
			if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
				return;
			}
			if (isType(schema, "string") && schema.getMaxLength() == null && schema.getEnum() == null
					&& schema.getConst() == null) {
				schema.setMaxLength(switch (String.valueOf(schema.getFormat())) {
					case "date-time" -> 35;
					case "uuid" -> 36;
					default -> BODY_LIMIT;
				});
			}
			if (isType(schema, "integer")) {
				if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
					schema.setMinimum(java.math.BigDecimal.ZERO);
				}
				if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
					schema.setMaximum(java.math.BigDecimal.valueOf("int32".equals(schema.getFormat())
							? Integer.MAX_VALUE : Long.MAX_VALUE));
				}
			}
			if (isType(schema, "array") && schema.getMaxItems() == null) {
				schema.setMaxItems(BODY_LIMIT);
			}
			if (schema.getProperties() != null) {
				schema.getProperties().values().forEach((property) -> walk(property, seen));
			}
			walk(schema.getItems(), seen);
			for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
				if (group != null) {
					group.forEach((member) -> walk(member, seen));
				}
			}
			if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
				walk(additional, seen);
			}
		}

	}

	static boolean isType(Schema<?> schema, String type) {
		return type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type));
	}

	static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.setType(type);
		schema.setTypes(new LinkedHashSet<>(List.of(type)));
		return schema;
	}

	static Schema<Object> object() {
		return typed("object");
	}

	static Schema<Object> string(Integer maxLength, String format) {
		Schema<Object> schema = typed("string");
		schema.setMaxLength(maxLength);
		schema.setFormat(format);
		return schema;
	}

	static Schema<Object> integer(long minimum, long maximum) {
		Schema<Object> schema = typed("integer");
		schema.setFormat("int32");
		schema.setMinimum(java.math.BigDecimal.valueOf(minimum));
		schema.setMaximum(java.math.BigDecimal.valueOf(maximum));
		return schema;
	}

	static Schema<Object> array(Schema<?> items, int maxItems) {
		Schema<Object> schema = typed("array");
		schema.setItems(items);
		schema.setMaxItems(maxItems);
		return schema;
	}

	static Schema<Object> ref(String name) {
		Schema<Object> schema = new Schema<>();
		schema.set$ref("#/components/schemas/" + name);
		return schema;
	}

}
