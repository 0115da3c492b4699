package org.sscard.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details even for the errors that never reach Spring MVC: requests Tomcat refuses
 * while parsing them (an encoded NUL in the path), requests the security firewall rejects
 * ({@code /../}), and anything forwarded to the container's error page.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> ((StandardHost) context.getParent())
			.setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
	}

	@Bean
	RequestRejectedHandler rejectedRequests(ProblemWriter problems) {
		return (request, response, ex) -> problems.write(response, ErrorCode.VALIDATION_FAILED,
				"The request path is not acceptable.");
	}

	/** Tomcat's own error report, as problem details. */
	public static class ProblemErrorReportValve extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			ErrorCode code = ErrorCode.forStatus(status);
			// Tomcat's valve runs outside Spring: no Jackson set up for ProblemDetail here, so the
			// same members are written from a map.
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", code.typeUri());
			problem.put("title", code.title());
			problem.put("status", status);
			problem.put("detail", "The request could not be processed.");
			problem.put("code", code.name());
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getOutputStream().write(JSON.writeValueAsBytes(problem));
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away
			}
		}

	}

	/** What Spring Boot would answer on /error, as problem details. */
	@RestController
	static class ProblemErrorController implements ErrorController {

		@RequestMapping("/error")
		ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
			Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
			int status = (attribute instanceof Integer value) ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
			ErrorCode code = ErrorCode.forStatus(status);
			ProblemDetail problem = ProblemWriter.problem(code, code.title());
			problem.setStatus(status);
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}

	}

}
