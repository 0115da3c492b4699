package org.sscard.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of the service (after the metrics' observation, which must see the
 * request start and end). Two duties:
 * <ul>
 * <li>It takes a request's body in <em>without holding a request thread</em>: the body (at most
 * 16 KiB, see {@link RequestGuard}) is read with a non-blocking {@link ReadListener} while the
 * bytes arrive, and only then does the rest of the chain run, on the bytes in memory. A client
 * that announces a body and sends it slowly, or never, costs a socket and a few KiB, not one of
 * the few request threads; it is cut off after {@code sscard.http.body-timeout}.</li>
 * <li>A failure that escapes everything else (a servlet filter, the security chain) is handed to
 * the {@link ErrorTranslator}: 503 when the database is unreachable, 500 otherwise, never a stack
 * trace or the container's error page.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestIntake extends OncePerRequestFilter {

	private final ErrorHandoff errors;

	private final Duration bodyTimeout;

	RequestIntake(ErrorHandoff errors, HttpProperties properties) {
		this.errors = errors;
		this.bodyTimeout = properties.bodyTimeout();
	}

	/** The body of a request read in by the first dispatch, for the second. */
	private static final String BODY = RequestIntake.class.getName() + ".body";

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException {
		if (request.getAttribute(BODY) instanceof byte[] body) {
			// The second dispatch: the rest of the chain runs as for any request, on the body in memory.
			request.removeAttribute(BODY);
			proceed(new Buffered(request, body), response, chain);
			return;
		}
		long declared = request.getContentLengthLong();
		boolean body = declared > 0 || (declared < 0 && request.getHeader("Transfer-Encoding") != null);
		if (!body || declared > RequestGuard.MAX_BYTES || !request.isAsyncSupported()) {
			// No body, or one refused for its declared size (413, without reading it).
			proceed(request, response, chain);
			return;
		}
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(this.bodyTimeout.toMillis());
		BodyReader reader = new BodyReader(request, response, async, request.getInputStream());
		async.addListener(reader);
		reader.stream.setReadListener(reader);
	}

	private void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			this.errors.answer(request, response, ex);
		}
	}

	/** Collects the body as it arrives; runs the rest of the chain once it is all there. */
	private final class BodyReader implements ReadListener, AsyncListener {

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final AsyncContext async;

		private final ServletInputStream stream;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final byte[] buffer = new byte[4096];

		private final AtomicBoolean done = new AtomicBoolean();

		BodyReader(HttpServletRequest request, HttpServletResponse response, AsyncContext async,
				ServletInputStream stream) {
			this.request = request;
			this.response = response;
			this.async = async;
			this.stream = stream;
		}

		@Override
		public void onDataAvailable() throws IOException {
			while (this.stream.isReady()) {
				int n = this.stream.read(this.buffer);
				if (n < 0) {
					return;
				}
				this.bytes.write(this.buffer, 0, n);
				if (this.bytes.size() > RequestGuard.MAX_BYTES) {
					// Enough to know it is too large: RequestGuard answers 413.
					process();
					return;
				}
			}
		}

		@Override
		public void onAllDataRead() {
			process();
		}

		/**
		 * Dispatches the request again, on a request thread: a servlet filter chain cannot be
		 * resumed once the dispatch that started reading has returned.
		 */
		private void process() {
			if (this.done.compareAndSet(false, true)) {
				this.request.setAttribute(BODY, this.bytes.toByteArray());
				this.async.dispatch();
			}
		}

		@Override
		public void onError(Throwable failure) {
			// The client went away, or the read failed: nobody is left to answer.
			if (this.done.compareAndSet(false, true)) {
				this.async.complete();
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			if (this.done.compareAndSet(false, true)) {
				// The rest of the body is never read: the connection is closed after the answer.
				this.response.setHeader("Connection", "close");
				RequestIntake.this.errors.answer(this.request, this.response,
						new ErrorResponseException(HttpStatus.REQUEST_TIMEOUT));
				this.async.complete();
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

	/** The request with its body already in memory. */
	private static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		private ServletInputStream stream;

		Buffered(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		/** For the filters after this one, it is the request it was, not an asynchronous dispatch of it. */
		@Override
		public DispatcherType getDispatcherType() {
			return DispatcherType.REQUEST;
		}

		@Override
		public ServletInputStream getInputStream() {
			if (this.stream == null) {
				this.stream = new BufferedBody(this.body);
			}
			return this.stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws java.io.UnsupportedEncodingException {
			String encoding = (getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8";
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
