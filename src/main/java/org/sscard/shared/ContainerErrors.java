package org.sscard.shared;

import java.io.IOException;

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
import org.springframework.http.HttpStatusCode;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problem details even for the errors that never reach Spring MVC: requests Tomcat refuses
 * while parsing them (an encoded NUL in the path), requests the security firewall rejects
 * ({@code /../}), and anything forwarded to the container's error page. The answers themselves
 * are the {@link ErrorTranslator}'s.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> ((StandardHost) context.getParent())
			.setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
	}

	@Bean
	RequestRejectedHandler rejectedRequests(ErrorHandoff errors) {
		return errors::answer;
	}

	/** Tomcat's own error report, as problem details, with the headers every answer carries. */
	public static class ProblemErrorReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			try {
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
				response.setHeader("X-Frame-Options", "DENY");
				response.setHeader("Referrer-Policy", "no-referrer");
				response.setHeader("Cache-Control", "no-store");
				ErrorTranslator.writeContainerProblem(response, status);
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away
			}
		}

	}

	/**
	 * The container's error page: the status of the error forwarded here, and a plain 404 when
	 * someone calls {@code /error} directly (it is not a resource).
	 */
	@RestController
	static class ProblemErrorController implements ErrorController {

		@RequestMapping("/error")
		void error(HttpServletRequest request) {
			Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
			throw new ErrorResponseException(HttpStatusCode.valueOf((status instanceof Integer value) ? value : 404));
		}

	}

}
