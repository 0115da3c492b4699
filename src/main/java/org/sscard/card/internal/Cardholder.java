package org.sscard.card.internal;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.sscard.card.CardView.HolderView;
import org.sscard.shared.IdNumber;
import org.sscard.shared.Masking;
import org.sscard.shared.Phone;

/**
 * The person a card belongs to, known by the resident ID number (the social security number).
 * Updates write only the changed columns: an activation changes the phone, and rewriting the
 * uniquely indexed ID number with it would cost index work on the hottest path.
 */
@Entity
@DynamicUpdate
@Table(name = "cardholders")
class Cardholder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Convert(converter = ValueConverters.IdNumbers.class)
	private IdNumber idNumber;

	private String name;

	@Convert(converter = ValueConverters.Phones.class)
	private Phone phone;

	@Version
	private long version;

	private Instant createdAt;

	protected Cardholder() {
	}

	/** A holder as first seen; stored holders are added with {@code Cardholders.addIfAbsent}. */
	Cardholder(IdNumber idNumber, String name) {
		this.idNumber = idNumber;
		this.name = name;
	}

	/** Whether an ID card shown at the window (or typed online) is this holder's. */
	boolean isIdentifiedBy(IdNumber shownIdNumber, String shownName) {
		return this.idNumber.equals(shownIdNumber) && this.name.equals(shownName.strip());
	}

	/**
	 * Records the contact phone given at activation.
	 * @return the previous phone, or {@code null}
	 */
	Phone changePhone(Phone phone) {
		Phone previous = this.phone;
		this.phone = phone;
		return previous;
	}

	Long id() {
		return this.id;
	}

	IdNumber idNumber() {
		return this.idNumber;
	}

	HolderView view() {
		return new HolderView(Masking.name(this.name), this.idNumber.masked(),
				(this.phone != null) ? this.phone.masked() : null);
	}

}
