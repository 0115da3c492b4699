package org.sscard.card.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.sscard.card.CardPart;
import org.sscard.card.CardView.AccountView;

/** The human-resources / social-security application, activated in the insured city. */
@Entity
@DynamicUpdate
@Table(name = "social_security_accounts")
class SocialSecurityAccount extends Account {

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
	CardPart part() {
		return CardPart.SOCIAL_SECURITY;
	}

	@Override
	String label() {
		return "The social-security";
	}

	AccountView view() {
		return new AccountView(status(), activatedAt(), activatedAtBranch(), activationChannel());
	}

}
