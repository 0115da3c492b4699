package org.sscard.card;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import jakarta.persistence.Version;

import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.RegionCode;

/**
 * A social security card: the aggregate root over its holder link and both accounts, so that
 * activating both at a bank counter is one change of one aggregate.
 */
@Entity
@DynamicUpdate
@Table(name = "cards")
public class Card {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String cardNumber;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "holder_id")
	private Cardholder holder;

	private String insuredRegionCode;

	@Enumerated(EnumType.STRING)
	private CardStatus status;

	private Instant issuedAt;

	@Version
	private long version;

	@OneToOne(mappedBy = "card", cascade = CascadeType.ALL, optional = false, fetch = FetchType.LAZY)
	private SocialSecurityAccount socialSecurityAccount;

	@OneToOne(mappedBy = "card", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
	private FinancialAccount financialAccount;

	protected Card() {
	}

	private Card(String cardNumber, Cardholder holder, String insuredRegionCode) {
		this.cardNumber = cardNumber;
		this.holder = holder;
		this.insuredRegionCode = insuredRegionCode;
		this.status = CardStatus.NORMAL;
		this.issuedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	/** A new card: the social-security account sealed under the initial PIN, the bank account (if any) without one. */
	static Card issue(String cardNumber, Cardholder holder, String insuredRegionCode, PinHash initialPin,
			String bankCode, String accountNumber) {
		Card card = new Card(cardNumber, holder, insuredRegionCode);
		card.socialSecurityAccount = new SocialSecurityAccount(card, initialPin);
		if (accountNumber != null) {
			card.financialAccount = new FinancialAccount(card, bankCode, accountNumber);
		}
		return card;
	}

	/** The financial account, or {@code NO_FINANCIAL_ACCOUNT}. */
	public FinancialAccount requireFinancialAccount() {
		if (this.financialAccount == null) {
			throw new DomainException(ErrorCode.NO_FINANCIAL_ACCOUNT,
					"Card " + this.cardNumber + " carries no financial (bank) account.");
		}
		return this.financialAccount;
	}

	public boolean isInsuredInCityOf(String regionCode) {
		return RegionCode.sameCity(this.insuredRegionCode, regionCode);
	}

	public List<String> applications() {
		return (this.financialAccount != null) ? List.of("HUMAN_RESOURCES", "SOCIAL_SECURITY", "FINANCIAL")
				: List.of("HUMAN_RESOURCES", "SOCIAL_SECURITY");
	}

	public Long id() {
		return this.id;
	}

	public String cardNumber() {
		return this.cardNumber;
	}

	public Cardholder holder() {
		return this.holder;
	}

	public String insuredRegionCode() {
		return this.insuredRegionCode;
	}

	public CardStatus status() {
		return this.status;
	}

	public SocialSecurityAccount socialSecurityAccount() {
		return this.socialSecurityAccount;
	}

	public Optional<FinancialAccount> financialAccount() {
		return Optional.ofNullable(this.financialAccount);
	}

}
