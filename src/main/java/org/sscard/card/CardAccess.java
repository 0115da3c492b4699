package org.sscard.card;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.audit.AuditTrail;
import org.sscard.audit.EventView;
import org.sscard.security.Caller;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;

import java.util.List;

/**
 * Reading cards. ADMIN reads any card; staff read the cards insured in their branch's city, and a
 * teller also those whose bank account is at the teller's bank. To anyone else a card that exists
 * looks exactly like one that does not.
 */
@Service
public class CardAccess {

	private final Cards cards;

	private final AuditTrail audit;

	CardAccess(Cards cards, AuditTrail audit) {
		this.cards = cards;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public CardView view(Caller caller, String cardNumber) {
		return CardView.of(readable(caller, cardNumber));
	}

	@Transactional(readOnly = true)
	public List<EventView> events(Caller caller, String cardNumber) {
		return this.audit.eventsOf(readable(caller, cardNumber).id());
	}

	private Card readable(Caller caller, String cardNumber) {
		return this.cards.findByCardNumber(cardNumber)
			.filter((card) -> mayRead(caller, card))
			.orElseThrow(() -> notFound(cardNumber));
	}

	static boolean mayRead(Caller caller, Card card) {
		if (caller.isAdmin()) {
			return true;
		}
		if (caller.isChannelClient() || caller.branch() == null) {
			return false;
		}
		if (card.isInsuredInCityOf(caller.branch().regionCode())) {
			return true;
		}
		return caller.isTeller()
				&& card.financialAccount().map((account) -> account.bankCode().equals(caller.bankCode())).orElse(false);
	}

	public static DomainException notFound(String cardNumber) {
		return new DomainException(ErrorCode.CARD_NOT_FOUND, "No card " + cardNumber + " that you may see.");
	}

}
