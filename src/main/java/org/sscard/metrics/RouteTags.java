package org.sscard.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.common.KeyValue;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The {@code uri} tag of {@code http.server.requests} for answers given before Spring MVC chose a
 * handler: a 401 or 403 of the security filters, an idempotent replay, a 429 of the rejection
 * limit. Spring only learns the route when its handler mapping runs, so these were all tagged
 * {@code UNKNOWN}; here the route is looked up once the answer is known, among the application's
 * own request mappings. Requests that reached a controller already carry their pattern and cost
 * nothing more.
 */
@Component
class RouteTags extends DefaultServerRequestObservationConvention {

	private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

	private volatile List<Route> routes;

	RouteTags(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	protected KeyValue uri(ServerRequestObservationContext context) {
		if (context.getPathPattern() == null && context.getCarrier() != null && context.getResponse() != null
				&& routable(context.getResponse().getStatus())) {
			String pattern = patternOf(context.getCarrier());
			if (pattern != null) {
				context.setPathPattern(pattern);
			}
		}
		return super.uri(context);
	}

	/** Not found and redirections keep their own tags: their path is the client's, not a route. */
	private static boolean routable(int status) {
		return status != HttpStatus.NOT_FOUND.value() && (status < 300 || status >= 400);
	}

	private String patternOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		PathContainer container = PathContainer.parsePath(path);
		RequestMethod method = RequestMethod.resolve(request.getMethod());
		for (Route route : routes()) {
			if (route.accepts(method) && route.pattern().matches(container)) {
				return route.pattern().getPatternString();
			}
		}
		return null;
	}

	/** Most specific first; read at the first answer that needs them, when the mappings are complete. */
	private List<Route> routes() {
		List<Route> known = this.routes;
		if (known == null) {
			List<Route> found = new ArrayList<>();
			this.mappings.orderedStream()
				.forEach((mapping) -> mapping.getHandlerMethods().keySet().forEach((info) -> {
					Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
					info.getPatternValues().forEach((pattern) -> found
						.add(new Route(PathPatternParser.defaultInstance.parse(pattern), methods)));
				}));
			found.sort(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR));
			known = List.copyOf(found);
			this.routes = known;
		}
		return known;
	}

	private record Route(PathPattern pattern, Set<RequestMethod> methods) {

		boolean accepts(RequestMethod method) {
			return this.methods.isEmpty() || this.methods.contains(method);
		}

	}

}
