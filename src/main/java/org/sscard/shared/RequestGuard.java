package org.sscard.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies with a Content-Type that names no concrete type (415), and bodies over 16 KiB with 413 {@code PAYLOAD_TOO_LARGE}: at once when the declared
 * length is too big, and while reading when a chunked body grows past the limit.
 */
@Component
// After authentication and the role check (the security chain runs at -100), before anything
// reads the body: the contract checks the caller before the request.
@Order(-50)
class RequestGuard extends OncePerRequestFilter {

	static final int MAX_BYTES = 16 * 1024;

	private final ErrorHandoff errors;

	RequestGuard(ErrorHandoff errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			this.errors.answer(request, response, new DomainException(ErrorCode.PAYLOAD_TOO_LARGE,
					"The request body is larger than " + MAX_BYTES + " bytes."));
			return;
		}
		if (!concreteOrAbsent(request.getContentType())) {
			this.errors.answer(request, response,
					new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json."));
			return;
		}
		chain.doFilter(new Limited(request), response);
	}

	/** A Content-Type that names no concrete type ({@code *}/{@code *}, garbage) cannot describe a body. */
	private static boolean concreteOrAbsent(String contentType) {
		if (contentType == null) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException | IndexOutOfBoundsException ex) {
			// Spring's parser fails with an index error on some garbage (e.g. "\"/!").
			return false;
		}
	}

	/** Thrown while reading a body that grew past the limit; translated to 413. */
	static final class TooLarge extends IOException {

		TooLarge() {
			super("request body over " + MAX_BYTES + " bytes");
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private ServletInputStream stream;

		Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream());
			}
			return this.stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long count;

		CountingStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLarge {
			this.count += n;
			if (this.count > MAX_BYTES) {
				throw new TooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
