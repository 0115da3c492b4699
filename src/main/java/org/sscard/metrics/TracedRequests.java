package org.sscard.metrics;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Each request is observed (timed in {@code http.server.requests}, given a trace) and answered with
 * its trace id in {@value #HEADER}, the same id every log line of the request carries: a caller
 * quoting it finds the request's log lines, whatever the answer (success, problem details, a 401 of
 * the security filters). The header is set as the request's observation opens, before any filter
 * or controller may answer, so no answer goes without it. This takes the place of Spring Boot's
 * own observation filter, at the same position, with the route-aware tags of {@link RouteTags}.
 */
@Configuration(proxyBeanMethods = false)
class TracedRequests {

	static final String HEADER = "X-Trace-Id";

	@Bean
	FilterRegistrationBean<ServerHttpObservationFilter> observedRequests(ObservationRegistry observations,
			RouteTags tags, Tracer tracer) {
		FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(
				new TraceIdHeader(observations, tags, tracer));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	private static final class TraceIdHeader extends ServerHttpObservationFilter {

		private final Tracer tracer;

		TraceIdHeader(ObservationRegistry observations, RouteTags tags, Tracer tracer) {
			super(observations, tags);
			this.tracer = tracer;
		}

		@Override
		protected void onScopeOpened(Observation.Scope scope, HttpServletRequest request, HttpServletResponse response) {
			Span span = this.tracer.currentSpan();
			if (span != null) {
				response.setHeader(HEADER, span.context().traceId());
			}
		}

	}

}
