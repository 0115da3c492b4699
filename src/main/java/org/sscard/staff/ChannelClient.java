package org.sscard.staff;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.sscard.shared.Channel;

/** A server-to-server caller: the backend of WeChat, Alipay, the e-SSC mini-program or a bank's app. */
@Entity
@Table(name = "channel_clients")
class ChannelClient {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String clientId;

	private String secretHash;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String bankCode;

	private Instant createdAt;

	protected ChannelClient() {
	}

	ChannelClient(String clientId, String secretHash, Channel channel, String bankCode) {
		this.clientId = clientId;
		this.secretHash = secretHash;
		this.channel = channel;
		this.bankCode = bankCode;
		this.createdAt = Instant.now();
	}

	void changeSecret(String secretHash) {
		this.secretHash = secretHash;
	}

	String clientId() {
		return this.clientId;
	}

	String secretHash() {
		return this.secretHash;
	}

	Channel channel() {
		return this.channel;
	}

	String bankCode() {
		return this.bankCode;
	}

}
