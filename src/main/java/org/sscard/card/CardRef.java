package org.sscard.card;

/**
 * The card an event is about: its key, its printed number, where it is insured and the bank of
 * its financial account ({@code null} when it has none), so that listeners need not load it.
 */
public record CardRef(Long id, String cardNumber, String insuredRegionCode, String bankCode) {
}
