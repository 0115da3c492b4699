package org.sscard.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details from places that run before Spring MVC (servlet filters, security
 * entry points), so that those answers look exactly like the ones of {@link ProblemDetailsAdvice}.
 */
@Component
public class ProblemWriter {

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	public static ProblemDetail problem(ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
		problem.setType(java.net.URI.create(code.typeUri()));
		problem.setTitle(code.title());
		problem.setProperty("code", code.name());
		return problem;
	}

	public void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
		write(response, code, detail, Map.of());
	}

	public void write(HttpServletResponse response, ErrorCode code, String detail, Map<String, Object> properties)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(code.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		ProblemDetail problem = problem(code, detail);
		properties.forEach(problem::setProperty);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
		response.flushBuffer();
	}

}
