package org.sscard.card;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import jakarta.persistence.Version;

import org.sscard.shared.IdNumber;

/**
 * The person a card belongs to, known by the resident ID number (the social security number).
 * Updates write only the changed columns: an activation changes the phone, and rewriting the
 * uniquely indexed ID number with it would cost index work on the hottest path.
 */
@Entity
@DynamicUpdate
@Table(name = "cardholders")
public class Cardholder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String idNumber;

	private String name;

	private String phone;

	@Version
	private long version;

	private Instant createdAt;

	protected Cardholder() {
	}

	/** Whether an ID card shown at the window (or typed online) is this holder's. */
	public boolean isIdentifiedBy(IdNumber shownIdNumber, String shownName) {
		return this.idNumber.equals(shownIdNumber.value()) && this.name.equals(shownName.strip());
	}

	/**
	 * Records the contact phone given at activation.
	 * @return the previous phone, or {@code null}
	 */
	public String changePhone(String normalisedPhone) {
		String previous = this.phone;
		this.phone = normalisedPhone;
		return previous;
	}

	public IdNumber idNumber() {
		return IdNumber.parse(this.idNumber);
	}

	public String name() {
		return this.name;
	}

	public String phone() {
		return this.phone;
	}

}
