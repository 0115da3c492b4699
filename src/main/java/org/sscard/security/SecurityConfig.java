package org.sscard.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.CorsFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.sscard.branch.BranchDirectory;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorHandoff;
import org.sscard.staff.StaffDirectory;
import org.sscard.staff.TokenRevocations;

import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAuthority;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;

/**
 * Who may call what. Roles are checked here, on the path, before a body is even read: the
 * contract's order of checks puts 401 and 403 before 400. Finer rules that depend on the card
 * (its city, its bank) are the use cases' business.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final String CARD = "/api/v1/cards/*";

	/**
	 * The staff console handles PINs, so nothing but its own files may run or load there: no
	 * inline script or style, no other origin, and no framing (click-jacking at the counter).
	 */
	private static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	private final CorsFilter cors;

	private final ErrorHandoff errors;

	SecurityConfig(CorsProperties cors, ErrorHandoff errors) {
		this.errors = errors;
		this.cors = CorsPolicy.filter(cors.allowedOrigins(), errors);
	}

	/**
	 * No observations of Spring Security's own: without this it wraps every filter of every chain
	 * (and the authentication and authorization managers) in an observation, even with those
	 * observations turned off by a predicate, and the wrapping alone was 2 % of a verification's
	 * CPU (docs/performance.md, sixth pass). http.server.requests already times each request.
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** HTTP Basic, for the token endpoint only. */
	@Bean
	@Order(1)
	SecurityFilterChain tokenEndpoint(HttpSecurity http, StaffDirectory staff, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) throws Exception {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(SignInDetails.service(staff));
		provider.setPasswordEncoder(new SignInPasswords(passwordEncoder));
		AuthenticationManager signIn = new ProviderManager(provider);
		// The cause decides between 401 and 503 (the database was unreachable to check them).
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> this.errors.answer(request, response,
				new DomainException(ErrorCode.UNAUTHENTICATED,
						"Give the username and password (or client id and secret) with HTTP Basic.", Map.of(),
						Map.of("WWW-Authenticate", "Basic realm=\"sscard\""), ex));
		return common(http).securityMatcher("/api/v1/auth/token")
			.addFilterBefore(new LoginThrottle.Filter(throttle, this.errors), BasicAuthenticationFilter.class)
			.authenticationManager(signIn)
			.httpBasic((basic) -> basic.authenticationEntryPoint(unauthenticated))
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(unauthenticated))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.build();
	}

	/** Bearer tokens, for the rest of the API. */
	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, BranchDirectory branches,
			TokenRevocations revocations, ApiDocsProperties apiDocs) throws Exception {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> {
			// Spring's entry point only sets WWW-Authenticate (with the reason) and the status.
			bearer.commence(request, response, ex);
			this.errors.answer(request, response, ex);
		};
		return common(http)
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(new CallerAuthentication.FromJwt(branches, revocations)))
				.authenticationEntryPoint(unauthenticated))
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(unauthenticated))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, CARD, CARD + "/events").hasAnyRole("ADMIN", "TELLER", "SERVICE_WINDOW")
				.requestMatchers(HttpMethod.POST, CARD + "/social-security-account/activation").hasAnyRole("TELLER", "SERVICE_WINDOW")
				.requestMatchers(HttpMethod.POST, CARD + "/social-security-account/pin-reset", CARD + "/social-security-account/unlock")
					.access(AuthorizationManagers.anyOf(hasRole("TELLER"),
							AuthorizationManagers.allOf(hasRole("SERVICE_WINDOW"), hasAuthority("BRANCH_SERVICE_HALL"))))
				.requestMatchers(HttpMethod.POST, CARD + "/social-security-account/pin-verification").hasAnyRole("TELLER", "SERVICE_WINDOW")
				.requestMatchers(HttpMethod.POST, CARD + "/social-security-account/pin-change")
					.access(AuthorizationManagers.anyOf(hasRole("TELLER"), hasRole("SERVICE_WINDOW"),
							hasAuthority("CHANNEL_E_SSC_MINI_PROGRAM")))
				.requestMatchers(HttpMethod.POST, CARD + "/financial-account/activation").hasAnyRole("TELLER", CallerAuthentication.CHANNEL_CLIENT)
				.requestMatchers(HttpMethod.POST, CARD + "/financial-account/pin-reset").hasRole("TELLER")
				.requestMatchers(HttpMethod.POST, CARD + "/activation").hasRole("TELLER")
				.requestMatchers(HttpMethod.GET, "/api/v1/events")
					.access(AuthorizationManagers.anyOf(hasRole("ADMIN"), hasAuthority("CHANNEL_MOBILE_BANKING")))
				.requestMatchers(HttpMethod.GET, "/api/v1/cards").hasAnyRole("ADMIN", "TELLER", "SERVICE_WINDOW")
				.requestMatchers(HttpMethod.POST, CARD + "/loss-report")
					.hasAnyRole("ADMIN", "TELLER", "SERVICE_WINDOW", CallerAuthentication.CHANNEL_CLIENT)
				.requestMatchers(HttpMethod.POST, CARD + "/loss-report/release").hasAnyRole("ADMIN", "TELLER", "SERVICE_WINDOW")
				.requestMatchers(HttpMethod.POST, CARD + "/cancellation")
					.access(AuthorizationManagers.anyOf(hasRole("ADMIN"),
							AuthorizationManagers.allOf(hasRole("SERVICE_WINDOW"), hasAuthority("BRANCH_SERVICE_HALL"))))
				.requestMatchers(HttpMethod.POST, CARD + "/status-query").hasRole(CallerAuthentication.CHANNEL_CLIENT)
				// Names behind codes (regions, banks, branches): nothing personal, any signed-in caller.
				.requestMatchers(HttpMethod.GET, "/api/v1/reference", "/api/v1/reference/**").authenticated()
				.requestMatchers("/api/**").authenticated()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
					.access(apiDocs.open() ? (authentication, context) -> new AuthorizationDecision(true) : hasRole("ADMIN"))
				.anyRequest().permitAll())
			.build();
	}

	private HttpSecurity common(HttpSecurity http) throws Exception {
		AccessDeniedHandler forbidden = this.errors::answer;
		return http.csrf((csrf) -> csrf.disable())
			.cors((cors) -> cors.disable())
			.addFilterBefore(this.cors, LogoutFilter.class)
			.headers((headers) -> headers
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
						new StaticHeadersWriter("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						PathPatternRequestMatcher.withDefaults().matcher("/console/**"),
						new StaticHeadersWriter("Content-Security-Policy", CONSOLE_POLICY))))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((ex) -> ex.accessDeniedHandler(forbidden));
	}

	@Bean
	JwtDecoder jwtDecoder(JwtProperties properties) {
		// A token without an expiry would be valid forever, one made for another service could be
		// replayed here, and one valid for days is worth stealing: refuse them all.
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer()),
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && audience.contains(properties.audience())),
				new MaxValidity(properties.maxValidity(), Clock.systemUTC()));
		NimbusJwtDecoder decoder = properties.usesExternalIssuer()
				? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
				: NimbusJwtDecoder.withSecretKey(secretKey(properties)).macAlgorithm(MacAlgorithm.HS256).build();
		decoder.setJwtValidator(validator);
		// Spring makes up an iat of exp - 1 s for a token without one, which would pass any maximum
		// validity: such a token counts as issued now instead.
		MappedJwtClaimSetConverter claims = MappedJwtClaimSetConverter.withDefaults(Map.of());
		decoder.setClaimSetConverter((raw) -> {
			if (raw.get(JwtClaimNames.IAT) != null) {
				return claims.convert(raw);
			}
			Map<String, Object> issuedNow = new HashMap<>(raw);
			issuedNow.put(JwtClaimNames.IAT, Instant.now());
			return claims.convert(issuedNow);
		});
		return new CachingJwtDecoder(decoder, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnExpression("'${sscard.jwt.jwk-set-uri:}' == ''")
	TokenIssuer tokenIssuer(JwtProperties properties) {
		JwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(secretKey(properties)));
		return new TokenIssuer(encoder, properties);
	}

	private static SecretKey secretKey(JwtProperties properties) {
		return new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

}
