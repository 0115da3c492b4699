package org.sscard.card;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/** The human-resources / social-security application, activated in the insured city. */
@Entity
@DynamicUpdate
@Table(name = "social_security_accounts")
public class SocialSecurityAccount extends Account {

	@MapsId
	@OneToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "card_id")
	private Card card;

	protected SocialSecurityAccount() {
	}

	SocialSecurityAccount(Card card, PinHash initialPin) {
		super(initialPin);
		this.card = card;
	}

	@Override
	protected String label() {
		return "The social-security";
	}

}
