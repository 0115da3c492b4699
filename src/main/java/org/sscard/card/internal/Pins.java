package org.sscard.card.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Keeps PINs as keyed hashes and knows when wrong ones lock an account. A six-digit PIN has a
 * million values, so a slow password hash would not stop an offline attack on a stolen table and
 * would cost CPU on every activation; what protects it is a key that is not in the database, and
 * the lockout online.
 */
@Component
public class Pins {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int SALT_BYTES = 16;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, SecretKeySpec> keys = new HashMap<>();

	private final String activeKeyId;

	private final PinProperties properties;

	public Pins(PinProperties properties) {
		this.activeKeyId = properties.keyId();
		this.properties = properties;
		properties.retiredKeys().forEach((id, key) -> this.keys.put(id, decode("sscard.pin.retired-keys." + id, key)));
		this.keys.put(this.activeKeyId, decode("sscard.pin.key", properties.key()));
	}

	private static SecretKeySpec decode(String setting, String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Setting " + setting + " is not valid base64.");
		}
		if (bytes.length < 32) {
			throw new IllegalStateException("Setting " + setting + " is too short: at least 32 bytes are needed.");
		}
		return new SecretKeySpec(bytes, ALGORITHM);
	}

	public PinHash hash(String pin) {
		byte[] salt = new byte[SALT_BYTES];
		this.random.nextBytes(salt);
		return new PinHash(mac(this.keys.get(this.activeKeyId), salt, pin), salt, this.activeKeyId);
	}

	/** Compares in constant time; no PIN, or a hash made under an unknown key, never matches. */
	public boolean matches(PinHash stored, String pin) {
		if (stored == null || pin == null) {
			return false;
		}
		SecretKeySpec key = this.keys.get(stored.keyId());
		return key != null && MessageDigest.isEqual(stored.hash(), mac(key, stored.salt(), pin));
	}

	/** Consecutive wrong PINs that lock an account of a card insured in {@code regionCode}. */
	public int maxAttempts(String regionCode) {
		return this.properties.maxAttemptsIn(regionCode);
	}

	private static byte[] mac(SecretKeySpec key, byte[] salt, String pin) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			mac.update(salt);
			return mac.doFinal(pin.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 unavailable", ex);
		}
	}

}
