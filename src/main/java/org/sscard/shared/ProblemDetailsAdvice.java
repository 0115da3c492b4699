package org.sscard.shared;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into RFC 9457 problem details with a stable {@code code}: the domain's
 * own, and those Spring raises (unknown path, wrong method, unreadable body, ...). No stack
 * trace, class name or SQL ever reaches a caller.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final String UNIQUE_VIOLATION = "23505";

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Object> domain(DomainException ex) {
		ProblemDetail problem = ProblemWriter.problem(ex.code(), ex.detail());
		ex.properties().forEach(problem::setProperty);
		if (ex.retryAfter() != null) {
			long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
			return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
		}
		return respond(problem);
	}

	@ExceptionHandler(FieldValidationException.class)
	ResponseEntity<Object> field(FieldValidationException ex) {
		return validationFailed("The request has invalid fields.", List.of(new FieldMessage(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
	ResponseEntity<Object> concurrent(RuntimeException ex) {
		return respond(ProblemWriter.problem(ErrorCode.CONCURRENT_UPDATE,
				"The card was changed by another request at the same time; look it up again and retry."));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		if (sqlState(ex).equals(UNIQUE_VIOLATION)) {
			// Lost a race with a concurrent insert of the same key.
			return respond(ProblemWriter.problem(ErrorCode.DUPLICATE, "That already exists."));
		}
		log.warn("Database refused a write: {}", sqlState(ex));
		return respond(ProblemWriter.problem(ErrorCode.VALIDATION_FAILED, "The request breaks a rule of the data."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		if (Failures.databaseUnavailable(ex)) {
			log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
			return respond(ProblemWriter.problem(ErrorCode.SERVICE_UNAVAILABLE, Failures.UNAVAILABLE_DETAIL));
		}
		log.error("Unexpected failure", ex);
		return respond(ProblemWriter.problem(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side."));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
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
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RequestGuard.TooLarge) {
				return respond(ProblemWriter.problem(ErrorCode.PAYLOAD_TOO_LARGE,
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

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ErrorCode code = ErrorCode.forStatus(statusCode.value());
		ProblemDetail problem = ProblemWriter.problem(code, detailFor(code));
		return ResponseEntity.status(code.status()).headers(allowOnly(headers)).body(problem);
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

	private ResponseEntity<Object> validationFailed(String detail, List<FieldMessage> errors) {
		ProblemDetail problem = ProblemWriter.problem(ErrorCode.VALIDATION_FAILED, detail);
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
