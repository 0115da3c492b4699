package org.sscard.card.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.sscard.shared.IdNumber;
import org.sscard.shared.Phone;

/** Value types stored as their text; a value read back is checked again like one typed in. */
final class ValueConverters {

	private ValueConverters() {
	}

	@Converter
	static final class IdNumbers implements AttributeConverter<IdNumber, String> {

		@Override
		public String convertToDatabaseColumn(IdNumber id) {
			return (id != null) ? id.value() : null;
		}

		@Override
		public IdNumber convertToEntityAttribute(String text) {
			return (text != null) ? IdNumber.parse(text) : null;
		}

	}

	@Converter
	static final class Phones implements AttributeConverter<Phone, String> {

		@Override
		public String convertToDatabaseColumn(Phone phone) {
			return (phone != null) ? phone.value() : null;
		}

		@Override
		public Phone convertToEntityAttribute(String text) {
			return (text != null) ? new Phone(text) : null;
		}

	}

}
