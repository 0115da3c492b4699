package org.sscard.shared;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that turns a failure into RFC 9457 problem details with a stable {@code code}:
 * the domain's own, those Spring raises (unknown path, wrong method, unreadable body, ...), and
 * those of servlet filters and security entry points, which hand them here through
 * {@link ErrorHandoff}. Tomcat's error report valve, which runs outside Spring, uses
 * {@link #writeContainerProblem}. No stack trace, class name or SQL ever reaches a caller.
 */
@RestControllerAdvice
public class ErrorTranslator extends ResponseEntityExceptionHandler {

	/**
	 * Request attribute set when Spring refused the request before its controller ran (no such
	 * path or method, wrong media type, unreadable or invalid body): nothing was done, so such an
	 * answer is not worth remembering for an {@code Idempotency-Key}.
	 */
	public static final String REFUSED_BEFORE_HANDLER = ErrorTranslator.class.getName() + ".refusedBeforeHandler";

	/** The {@link ErrorCode} of a refusal this translator answered, for filters that act on it afterwards. */
	public static final String ERROR_CODE = ErrorTranslator.class.getName() + ".errorCode";

	public static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final Logger log = LoggerFactory.getLogger(ErrorTranslator.class);

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

	/** Tomcat's valve runs outside Spring, without the application's mapper. */
	private static final JsonMapper CONTAINER_JSON = JsonMapper.builder().build();

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Object> domain(DomainException ex, HttpServletRequest request) {
		if (ex.getCause() != null && Failures.databaseUnavailable(ex.getCause())) {
			return unavailable(ex.getCause());
		}
		request.setAttribute(ERROR_CODE, ex.code());
		ProblemDetail problem = problem(ex.code(), ex.detail());
		ex.properties().forEach(problem::setProperty);
		HttpHeaders headers = new HttpHeaders();
		ex.headers().forEach(headers::set);
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	@ExceptionHandler(FieldValidationException.class)
	ResponseEntity<Object> field(FieldValidationException ex) {
		return validationFailed("The request has invalid fields.", List.of(new FieldMessage(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
		if (Failures.databaseUnavailable(ex)) {
			return unavailable(ex);
		}
		return respond(problem(ErrorCode.UNAUTHENTICATED, "A valid access token is required: Authorization: Bearer <token>."));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> forbidden(AccessDeniedException ex) {
		return respond(problem(ErrorCode.FORBIDDEN, "Your role may not make this call."));
	}

	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> rejectedByFirewall(RequestRejectedException ex) {
		return validationFailed("The request path is not acceptable.",
				List.of(new FieldMessage("path", "has characters or segments that are not allowed")));
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
	ResponseEntity<Object> concurrent(RuntimeException ex) {
		return respond(problem(ErrorCode.CONCURRENT_UPDATE,
				"The card was changed by another request at the same time; look it up again and retry."));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		if (sqlState(ex).equals(UNIQUE_VIOLATION)) {
			// Lost a race with a concurrent insert of the same key.
			return respond(problem(ErrorCode.DUPLICATE, "That already exists."));
		}
		if (sqlState(ex).equals(CHARACTER_NOT_IN_REPERTOIRE)) {
			// A NUL character: valid JSON, valid Java, but no PostgreSQL text can hold it.
			return validationFailed("The request has text that cannot be stored.",
					List.of(new FieldMessage("body", "must not contain NUL (\\u0000) characters")));
		}
		log.warn("Database refused a write: {}", sqlState(ex));
		return validationFailed("The request breaks a rule of the data.",
				List.of(new FieldMessage("body", "breaks a rule of the stored data")));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		if (Failures.databaseUnavailable(ex)) {
			return unavailable(ex);
		}
		log.error("Unexpected failure", ex);
		return respond(problem(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side."));
	}

	private static ResponseEntity<Object> unavailable(Throwable ex) {
		log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
		return respond(problem(ErrorCode.SERVICE_UNAVAILABLE, Failures.UNAVAILABLE_DETAIL));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		refusedBeforeHandler(request);
		List<FieldMessage> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldMessage(error.getField(), message(error)))
			.toList();
		return validationFailed("The request has invalid fields.", errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		refusedBeforeHandler(request);
		List<FieldMessage> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldMessage(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return validationFailed("The request has invalid values.", errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		refusedBeforeHandler(request);
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RequestGuard.TooLarge) {
				return respond(problem(ErrorCode.PAYLOAD_TOO_LARGE,
						"The request body is larger than " + RequestGuard.MAX_BYTES + " bytes."));
			}
		}
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return validationFailed("The request has a property this call does not accept.",
					List.of(new FieldMessage(path(unknown), "is not a known property")));
		}
		if (cause instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
			return validationFailed("The request has a value of the wrong type.",
					List.of(new FieldMessage(path(mismatch), "has the wrong type or an unknown value")));
		}
		return validationFailed("The request body is missing or is not valid JSON.",
				List.of(new FieldMessage("body", "must be one JSON object, each property named once")));
	}

	/** Every other failure Spring raises (and the container's error page): known only by its status. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		refusedBeforeHandler(request);
		ErrorCode code = ErrorCode.forStatus(statusCode.value());
		ProblemDetail problem = problem(code, detailFor(code));
		// A status without a code of its own (e.g. 408) keeps its number, as in the valve's report.
		problem.setStatus(statusCode.value());
		return ResponseEntity.status(statusCode).headers(allowOnly(headers)).body(problem);
	}

	private static void refusedBeforeHandler(WebRequest request) {
		request.setAttribute(REFUSED_BEFORE_HANDLER, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
	}

	/**
	 * Tomcat's own error report (a request it refused while parsing it, e.g. an encoded NUL in
	 * the path), as the same problem details.
	 */
	public static void writeContainerProblem(HttpServletResponse response, int status) throws IOException {
		ErrorCode code = ErrorCode.forStatus(status);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", code.typeUri());
		problem.put("title", code.title());
		problem.put("status", status);
		problem.put("detail", "The request could not be processed.");
		problem.put("code", code.name());
		if (status == 400) {
			// Tomcat refuses what it cannot parse: the request line or its headers.
			problem.put("errors", List.of(Map.of("field", "request", "message",
					"is not a valid HTTP request (path, query or headers)")));
		}
		response.setContentType(PROBLEM_JSON);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(CONTAINER_JSON.writeValueAsBytes(problem));
	}

	private static ProblemDetail problem(ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
		problem.setType(URI.create(code.typeUri()));
		problem.setTitle(code.title());
		problem.setProperty("code", code.name());
		return problem;
	}

	private static String detailFor(ErrorCode code) {
		return switch (code) {
			case NOT_FOUND -> "There is nothing at this path.";
			case METHOD_NOT_ALLOWED -> "This path does not accept this method.";
			case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
			case NOT_ACCEPTABLE -> "Responses are application/json or application/problem+json.";
			case VALIDATION_FAILED -> "The request is not valid.";
			default -> code.title();
		};
	}

	/** Keeps only headers that help the caller (Allow, Accept); never anything describing internals. */
	private static HttpHeaders allowOnly(HttpHeaders headers) {
		HttpHeaders kept = new HttpHeaders();
		if (headers.getAllow() != null && !headers.getAllow().isEmpty()) {
			kept.setAllow(headers.getAllow());
		}
		if (!headers.getAccept().isEmpty()) {
			kept.setAccept(headers.getAccept());
		}
		return kept;
	}

	private static ResponseEntity<Object> validationFailed(String detail, List<FieldMessage> errors) {
		ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, detail);
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	private static ResponseEntity<Object> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	/** The JSON path of the offending property, e.g. {@code holder.idNumber}. */
	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (tools.jackson.core.JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String message(FieldError error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is not valid";
	}

	private static String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return "";
	}

	record FieldMessage(String field, String message) {
	}

}
