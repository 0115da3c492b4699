package org.sscard.staff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * At most {@link #value()} bytes in UTF-8. BCrypt hashes only the first 72 bytes, and Spring's
 * encoder refuses longer input outright; {@code @Size} counts characters, and 30 Chinese
 * characters are already 90 bytes.
 */
@Documented
@Constraint(validatedBy = Utf8MaxBytes.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Utf8MaxBytes {

	/** BCrypt's limit. */
	int BCRYPT = 72;

	int value() default BCRYPT;

	String message() default "must be at most {value} bytes in UTF-8";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Utf8MaxBytes, String> {

		private int max;

		@Override
		public void initialize(Utf8MaxBytes annotation) {
			this.max = annotation.value();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || fits(value, this.max);
		}

		static boolean fits(String value, int max) {
			return value.getBytes(StandardCharsets.UTF_8).length <= max;
		}

	}

}
