package org.sscard.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * How code that runs outside Spring MVC (servlet filters, security entry points and handlers)
 * answers a failure: it hands the exception to Spring MVC's exception resolvers, which end at the
 * {@link ErrorTranslator}, so that every answer is written in one place and looks the same.
 */
@Component
public class ErrorHandoff {

	private final ObjectProvider<HandlerExceptionResolver> resolver;

	// Looked up lazily: filters are created while the web server starts, before Spring MVC is.
	ErrorHandoff(@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver) {
		this.resolver = resolver;
	}

	public void answer(HttpServletRequest request, HttpServletResponse response, Exception failure) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		if (this.resolver.getObject().resolveException(request, response, null, failure) == null) {
			// Not expected (the translator takes any exception); the container's error page answers.
			response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		}
	}

}
