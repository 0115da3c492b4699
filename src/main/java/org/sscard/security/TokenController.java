package org.sscard.security;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.ProblemCodes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.sscard.shared.ErrorCode.*;

@RestController
@Tag(name = "Authentication")
class TokenController {

	private final Optional<TokenIssuer> issuer;

	TokenController(Optional<TokenIssuer> issuer) {
		this.issuer = issuer;
	}

	@PostMapping("/api/v1/auth/token")
	@SecurityRequirement(name = "basic")
	@ProblemCodes({ NOT_FOUND })
	@Operation(summary = "Exchange HTTP Basic credentials of an operator or channel client for a 15-minute access token",
			description = "401 UNAUTHENTICATED for bad credentials.")
	TokenResponse token(@AuthenticationPrincipal SignInDetails signedIn) {
		TokenIssuer tokens = this.issuer.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
				"Tokens are issued by the organisation's identity provider."));
		return new TokenResponse(tokens.issue(signedIn.principal()), "Bearer", tokens.ttlSeconds());
	}

	record TokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {

		@Override
		public String toString() {
			return "TokenResponse[" + this.tokenType + "]";
		}

	}

}
