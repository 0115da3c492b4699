package org.sscard.security;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.ErrorHandoff;
import org.sscard.shared.ErrorTranslator;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Which refusals the limiter counts, with a bucket of two so that a third counted refusal is throttled. */
class RejectionLimiterUnitTests {

	final ErrorHandoff errors = mock(ErrorHandoff.class);

	final RejectionLimiter limiter = new RejectionLimiter(this.errors, new RejectionProperties(2));

	@Test
	void refusalsOfTheIdempotencyKeyItselfAreNotCounted() throws Exception {
		for (int i = 0; i < 10; i++) {
			call(409, ErrorCode.IDEMPOTENCY_KEY_IN_USE);
			call(422, ErrorCode.IDEMPOTENCY_KEY_REUSED);
		}
		verify(this.errors, never()).answer(any(), any(), any());
	}

	@Test
	void businessRejectionsAreCounted() throws Exception {
		for (int i = 0; i < 3; i++) {
			call(422, ErrorCode.PIN_MISMATCH);
		}
		verify(this.errors, times(1)).answer(any(), any(), any());
	}

	private void call(int status, ErrorCode code) throws Exception {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("window.1", null, "ROLE_X"));
		try {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cards/A10000001/social-security-account/activation");
			FilterChain chain = (req, res) -> {
				req.setAttribute(ErrorTranslator.ERROR_CODE, code);
				((MockHttpServletResponse) res).setStatus(status);
			};
			this.limiter.doFilter(request, new MockHttpServletResponse(), chain);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
