package org.sscard.card.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A PIN as it is kept: HMAC-SHA-256 of a per-account salt and the digits, and the key's id. */
@Embeddable
public class PinHash {

	@Column(name = "pin_hash")
	private byte[] hash;

	@Column(name = "pin_salt")
	private byte[] salt;

	@Column(name = "pin_key_id")
	private String keyId;

	protected PinHash() {
	}

	PinHash(byte[] hash, byte[] salt, String keyId) {
		this.hash = hash.clone();
		this.salt = salt.clone();
		this.keyId = keyId;
	}

	byte[] hash() {
		return this.hash.clone();
	}

	byte[] salt() {
		return this.salt.clone();
	}

	String keyId() {
		return this.keyId;
	}

	@Override
	public String toString() {
		return "PinHash[keyId=" + this.keyId + "]";
	}

}
