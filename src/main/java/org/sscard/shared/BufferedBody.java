package org.sscard.shared;

import java.io.ByteArrayInputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/** A request body already read into memory, served again to whoever reads the request next. */
public final class BufferedBody extends ServletInputStream {

	private final ByteArrayInputStream in;

	public BufferedBody(byte[] body) {
		this.in = new ByteArrayInputStream(body);
	}

	@Override
	public int read() {
		return this.in.read();
	}

	@Override
	public int read(byte[] target, int offset, int length) {
		return this.in.read(target, offset, length);
	}

	@Override
	public boolean isFinished() {
		return this.in.available() == 0;
	}

	@Override
	public boolean isReady() {
		return true;
	}

	@Override
	public void setReadListener(ReadListener listener) {
		throw new IllegalStateException("the body is already read");
	}

}
