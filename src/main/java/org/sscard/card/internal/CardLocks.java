package org.sscard.card.internal;

import java.util.Optional;

/** Loading a card for a change, locked. */
interface CardLocks {

	/**
	 * Loads a card whole and locks its row until the transaction ends. Every write to a card goes
	 * through here, so concurrent calls on one card (on any instance) run one after the other: the
	 * second sees the first's result and answers from the state (e.g. {@code ALREADY_ACTIVE})
	 * instead of racing it, and a mismatch counter cannot lose an increment.
	 */
	Optional<Card> findForUpdate(String cardNumber);

}
